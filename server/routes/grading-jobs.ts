/** Grading jobs for staff: their state (queued, running, done, failed with reason, attempts) and retry. */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { ApiError } from '../errors.js';
import { listJobs, retry } from '../grading/jobs.js';
import { errorResponses } from './schemas.js';

const jobSchema = z
  .object({
    id: z.string(),
    submissionId: z.string(),
    exerciseId: z.string(),
    state: z.enum(['queued', 'running', 'done', 'failed']),
    attempts: z.number(),
    runAfter: z.string(),
    lastError: z.string().nullable(),
    updatedAt: z.string(),
  })
  .openapi('GradingJob');

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Grading jobs, newest first, optionally by state',
  middleware: [requireStaff('admin', 'reviewer')] as const,
  request: {
    query: z.object({
      state: z.enum(['queued', 'running', 'done', 'failed']).optional(),
      limit: z.coerce.number().int().min(1).max(500).default(100),
    }),
  },
  responses: {
    200: { description: 'Jobs', content: { 'application/json': { schema: z.object({ jobs: z.array(jobSchema) }) } } },
    ...errorResponses(400, 401, 403),
  },
});

const retryRoute = createRoute({
  method: 'post',
  path: '/{id}/retry',
  summary: 'Queue a failed grading job again',
  middleware: [requireStaff('admin', 'reviewer')] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: {
      description: 'Queued again',
      content: { 'application/json': { schema: z.object({ id: z.string(), state: z.literal('queued') }) } },
    },
    ...errorResponses(401, 403, 409),
  },
});

export const gradingJobRoutes = router()
  .openapi(list, async (c) => {
    const { state, limit } = c.req.valid('query');
    const jobs = await listJobs(c.var.deps.db, state, limit);
    return c.json(
      {
        jobs: jobs.map((j) => ({ ...j, runAfter: j.runAfter.toISOString(), updatedAt: j.updatedAt.toISOString() })),
      },
      200,
    );
  })
  .openapi(retryRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { db, clock } = c.var.deps;
    if (!(await retry(db, id, clock()))) {
      throw new ApiError('conflict', 'Only a failed job can be retried; this one is not failed (or does not exist).');
    }
    return c.json({ id, state: 'queued' as const }, 200);
  });
