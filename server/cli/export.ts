/** `audition export [--what scores|audit] [--format csv|json] [--assessment <id>] [--out <file>]`: as the web export. */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { getAssessment } from '../db/assessments.js';
import { readEnv } from '../env.js';
import { AUDIT_HEADERS, csvTable, toCsv, toJson } from '../review/export-format.js';
import { loadAuditRows, loadExportRows } from '../review/review-data.js';
import { withDatabase } from './database.js';
import { CliError, type CliIo, UsageError } from './io.js';

export const usage = `audition export [--what scores|audit] [--format csv|json] [--assessment <id>] [--out <file>]

Exports each attempt's pre-graded and final scores per exercise and criterion, with lateness and review state,
or with --what audit every review change (who, when, criterion, from, to, reason): the same data as the
Export links and GET /api/staff/export. Candidates of anonymous assessments are named
only once their attempt is fully reviewed. Writes to --out, or to standard output. With the embedded database,
stop the server first or use the web page.`;

export async function exportScores(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      what: { type: 'string', default: 'scores' },
      format: { type: 'string', default: 'csv' },
      assessment: { type: 'string' },
      out: { type: 'string' },
    },
  });
  const format = values.format;
  if (format !== 'csv' && format !== 'json') throw new UsageError(`--format must be csv or json, not "${format}"`);
  const what = values.what;
  if (what !== 'scores' && what !== 'audit') throw new UsageError(`--what must be scores or audit, not "${what}"`);
  return withDatabase(readEnv(io.env), async (db) => {
    if (values.assessment && !(await getAssessment(db, values.assessment))) {
      throw new CliError(`No assessment ${values.assessment}.`);
    }
    const filters = { assessment: values.assessment };
    // A file is for spreadsheets (BOM so Excel reads UTF-8); standard output is for pipes.
    const bom = values.out !== undefined;
    let text: string;
    let rows: number;
    if (what === 'audit') {
      const events = await loadAuditRows(db, filters);
      rows = events.length;
      text =
        format === 'json'
          ? `${JSON.stringify({ generatedAt: new Date().toISOString(), events }, null, 2)}\n`
          : csvTable(AUDIT_HEADERS, events, { bom });
    } else {
      const scores = await loadExportRows(db, filters);
      rows = scores.length;
      text = format === 'json' ? `${JSON.stringify(toJson(scores, new Date()), null, 2)}\n` : toCsv(scores, { bom });
    }
    if (values.out) {
      const path = resolve(io.cwd, values.out);
      writeFileSync(path, text);
      io.err(`Wrote ${rows} ${what === 'audit' ? 'audit records' : 'score rows'} to ${path}.`);
    } else {
      io.out(text.replace(/\r?\n$/, ''));
    }
    return 0;
  });
}
