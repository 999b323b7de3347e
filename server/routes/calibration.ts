/** GET /api/staff/calibration: how far the pre-grader agrees with reviewers' confirmed scores (admins). */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { scoredRecords } from '../db/submission-queue.js';
import { calibrate } from '../review/calibration.js';
import { calibrationPairs } from '../review/review-data.js';
import { errorResponses } from './schemas.js';

const figures = {
  n: z.number(),
  excludedPending: z.number(),
  excludedFailed: z.number(),
  exactAgreement: z.number().nullable(),
  withinOne: z.number().nullable(),
  meanSignedDiff: z.number().nullable().describe('pre − final: positive means the pre-grader is generous'),
  qwk: z.number().nullable().describe('quadratic weighted kappa; null when undefined'),
};

const calibrationSchema = z
  .object({
    reviewed: z.number().describe('confirmed submissions compared'),
    exercises: z.array(
      z.object({
        exerciseId: z.string(),
        title: z.string(),
        reviewed: z.number().describe('confirmed submissions of this exercise (overall n counts criterion scores)'),
        overall: z.object(figures),
        criteria: z.array(
          z.object({
            ...figures,
            criterionId: z.string(),
            title: z.string(),
            max: z.number(),
            matrix: z.array(z.array(z.number())).describe('matrix[pre][final]: counts'),
          }),
        ),
      }),
    ),
  })
  .openapi('Calibration');

const calibrationRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Pre-grade against confirmed score per exercise and criterion: agreement, bias, kappa, matrix',
  middleware: [requireStaff('admin')] as const,
  request: { query: z.object({ assessment: z.string().max(100).optional() }) },
  responses: {
    200: { description: 'Calibration', content: { 'application/json': { schema: calibrationSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

export const calibrationRoutes = router().openapi(calibrationRoute, async (c) => {
  const { assessment } = c.req.valid('query');
  const { db, content } = c.var.deps;
  const records = await scoredRecords(db, { assessment });
  const { exercises } = calibrate(calibrationPairs(records));
  const confirmed = records.filter((r) => r.state === 'confirmed');
  const titled = exercises.map((e) => {
    const exercise = content.exercise(e.exerciseId);
    const criterionTitle = (id: string) => exercise?.rubric.criteria.find((c) => c.id === id)?.title ?? id;
    return {
      ...e,
      title: exercise?.title ?? e.exerciseId,
      reviewed: confirmed.filter((r) => r.exerciseId === e.exerciseId).length,
      criteria: e.criteria.map((c) => ({ ...c, title: criterionTitle(c.criterionId) })),
    };
  });
  return c.json({ reviewed: confirmed.length, exercises: titled }, 200);
});
