/** The exercise library for staff: GET /api/staff/exercises and the candidate's view of one exercise. */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { candidateView } from '../content/candidate-view.js';
import { ApiError } from '../errors.js';
import { candidateExerciseSchema, errorResponses } from './schemas.js';

const problemSchema = z.object({ file: z.string(), field: z.string(), message: z.string() });

const summarySchema = z
  .object({
    id: z.string(),
    kind: z.string().nullable(),
    title: z.string().nullable(),
    minutes: z.number().nullable(),
    tags: z.array(z.string()),
    rubric: z.object({ id: z.string(), title: z.string() }).nullable(),
    version: z.string().nullable(),
    status: z.enum(['ok', 'invalid']),
    problems: z.array(problemSchema),
  })
  .openapi('ExerciseSummary');

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'The exercise library with each exercise’s kind, rubric, version and check status',
  middleware: [requireStaff()] as const,
  responses: {
    200: {
      description: 'The library',
      content: { 'application/json': { schema: z.object({ exercises: z.array(summarySchema) }) } },
    },
    ...errorResponses(401),
  },
});

const preview = createRoute({
  method: 'get',
  path: '/{id}/preview',
  summary: 'An exercise exactly as a candidate will see it',
  middleware: [requireStaff()] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: { description: 'The candidate view', content: { 'application/json': { schema: candidateExerciseSchema } } },
    ...errorResponses(401, 404),
  },
});

export const exerciseRoutes = router()
  .openapi(list, (c) => {
    const exercises = c.var.deps.content.entries().map((entry) => {
      const e = entry.exercise;
      return {
        id: entry.id,
        kind: entry.kind,
        title: e?.title ?? null,
        minutes: e?.minutes ?? null,
        tags: e?.tags ?? [],
        rubric: e ? { id: e.rubric.id, title: e.rubric.title } : null,
        version: e?.version ?? null,
        status: e ? ('ok' as const) : ('invalid' as const),
        problems: entry.problems,
      };
    });
    return c.json({ exercises }, 200);
  })
  .openapi(preview, (c) => {
    const { id } = c.req.valid('param');
    const entry = c.var.deps.content.entry(id);
    if (!entry) throw new ApiError('not_found', `No exercise "${id}" in the library.`);
    if (!entry.exercise) {
      throw new ApiError(
        'not_found',
        `Exercise "${id}" has problems and cannot be shown: run audition exercise check ${id}.`,
      );
    }
    return c.json(candidateView(entry.exercise), 200);
  });
