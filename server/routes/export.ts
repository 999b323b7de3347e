/** GET /api/staff/export: each attempt's pre-graded and final scores per exercise and criterion, CSV or JSON. */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { toCsv, toJson } from '../review/export-format.js';
import { loadExportRows } from '../review/review-data.js';
import { errorResponses } from './schemas.js';

const exportRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Scores per attempt, exercise and criterion (pre-grade and final, lateness, review state)',
  middleware: [requireStaff('admin', 'reviewer')] as const,
  request: {
    query: z.object({
      format: z.enum(['csv', 'json']).default('csv'),
      assessment: z.string().max(100).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The export, as a download',
      content: {
        'text/csv': { schema: z.string() },
        'application/json': { schema: z.object({ generatedAt: z.string(), attempts: z.array(z.unknown()) }) },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

export const exportRoutes = router().openapi(exportRoute, async (c) => {
  const { format, assessment } = c.req.valid('query');
  const { db, clock } = c.var.deps;
  const rows = await loadExportRows(db, { assessment });
  const now = clock();
  const name = `audition-scores-${now.toISOString().slice(0, 10)}.${format}`;
  c.header('Content-Disposition', `attachment; filename="${name}"`);
  c.header('Cache-Control', 'no-store');
  if (format === 'json') return c.json(toJson(rows, now), 200);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  return c.body(toCsv(rows), 200);
});
