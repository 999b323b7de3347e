/**
 * GET /api/staff/export: each attempt's pre-graded and final scores per exercise and criterion, or with
 * what=audit every review change (who, when, criterion, from, to, reason); CSV or JSON.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { AUDIT_HEADERS, csvTable, toCsv, toJson } from '../review/export-format.js';
import { loadAuditRows, loadExportRows } from '../review/review-data.js';
import { errorResponses } from './schemas.js';

const exportRoute = createRoute({
  method: 'get',
  path: '/',
  summary: 'Scores per attempt, exercise and criterion (pre-grade and final, lateness, review state)',
  middleware: [requireStaff('admin', 'reviewer')] as const,
  request: {
    query: z.object({
      format: z.enum(['csv', 'json']).default('csv'),
      what: z.enum(['scores', 'audit']).default('scores'),
      assessment: z.string().max(100).optional(),
    }),
  },
  responses: {
    200: {
      description: 'The export, as a download',
      content: {
        'text/csv': { schema: z.string() },
        'application/json': {
          schema: z
            .object({ generatedAt: z.string() })
            .catchall(z.array(z.unknown()))
            .describe('scores: {generatedAt, attempts}; audit: {generatedAt, events}'),
        },
      },
    },
    ...errorResponses(400, 401, 403),
  },
});

export const exportRoutes = router().openapi(exportRoute, async (c) => {
  const { format, what, assessment } = c.req.valid('query');
  const { db, clock } = c.var.deps;
  const now = clock();
  c.header(
    'Content-Disposition',
    `attachment; filename="audition-${what}-${now.toISOString().slice(0, 10)}.${format}"`,
  );
  c.header('Cache-Control', 'no-store');
  if (what === 'audit') {
    const events = await loadAuditRows(db, { assessment });
    if (format === 'json') return c.json({ generatedAt: now.toISOString(), events }, 200);
    c.header('Content-Type', 'text/csv; charset=utf-8');
    return c.body(csvTable(AUDIT_HEADERS, events), 200);
  }
  const rows = await loadExportRows(db, { assessment });
  if (format === 'json') return c.json(toJson(rows, now), 200);
  c.header('Content-Type', 'text/csv; charset=utf-8');
  return c.body(toCsv(rows), 200);
});
