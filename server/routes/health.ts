/** GET /healthz: liveness plus what a person checking a deployment wants to see. */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';

const health = createRoute({
  method: 'get',
  path: '/healthz',
  summary: 'Health: the database engine in use and the number of exercises loaded',
  responses: {
    200: {
      description: 'Healthy',
      content: {
        'application/json': {
          schema: z.object({
            ok: z.literal(true),
            database: z.enum(['pglite', 'postgres']),
            exercises: z.object({ loaded: z.number(), invalid: z.number() }),
          }),
        },
      },
    },
  },
});

export const healthRoutes = router().openapi(health, async (c) => {
  const { db, content } = c.var.deps;
  await db.query('SELECT 1');
  const entries = content.entries();
  const loaded = entries.filter((e) => e.exercise).length;
  return c.json(
    { ok: true as const, database: db.engine, exercises: { loaded, invalid: entries.length - loaded } },
    200,
  );
});
