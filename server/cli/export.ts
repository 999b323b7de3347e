/** `audition export [--format csv|json] [--assessment <id>] [--out <file>]`: the scores, as the web export. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getAssessment } from '../db/assessments.js';
import { readEnv } from '../env.js';
import { toCsv, toJson } from '../review/export-format.js';
import { loadExportRows } from '../review/review-data.js';
import { withDatabase } from './database.js';
import { CliError, type CliIo, UsageError } from './io.js';

export const usage = `audition export [--format csv|json] [--assessment <id>] [--out <file>]

Exports each attempt's pre-graded and final scores per exercise and criterion, with lateness and review state
(the same data as the Export button and GET /api/staff/export). Candidates of anonymous assessments are named
only once their attempt is fully reviewed. Writes to --out, or to standard output. With the embedded database,
stop the server first or use the web page.`;

export async function exportScores(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { format: { type: 'string', default: 'csv' }, assessment: { type: 'string' }, out: { type: 'string' } },
  });
  const format = values.format;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}"`);
  return withDatabase(readEnv(io.env), async (db) => {
    if (values.assessment && !(await getAssessment(db, values.assessment))) {
      throw new CliError(`No assessment ${values.assessment}.`);
    }
    const rows = await loadExportRows(db, { assessment: values.assessment });
    // A file is for spreadsheets (BOM so Excel reads UTF-8); standard output is for pipes.
    const text =
      format === 'json'
        ? `${JSON.stringify(toJson(rows, new Date()), null, 2)}\n`
        : toCsv(rows, { bom: values.out !== undefined });
    if (values.out) {
      const path = resolve(io.cwd, values.out);
      writeFileSync(path, text);
      const attempts = new Set(rows.map((r) => r.attemptId)).size;
      io.err(`Wrote ${rows.length} rows (${attempts} attempts) to ${path}.`);
    } else {
      io.out(text.replace(/\r?\n$/, ''));
    }
    return 0;
  });
}
