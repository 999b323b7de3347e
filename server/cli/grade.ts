/**
 * `audition grade --exercise <id> --submission <file.json>`: pre-grades one submission without a server or
 * a database, and prints a table (criterion, source, score, rationale, evidence) or the pre-grade as JSON.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import Anthropic from '@anthropic-ai/sdk';
import { lineCount } from '../content/bug-ranges.js';
import { loadLibrary } from '../content/library.js';
import { type Submission, submissionSchema } from '../content/schema.js';
import { readEnv } from '../env.js';
import { makeJudge } from '../grading/grading.js';
import { DEFAULT_MODEL } from '../grading/judge/models.js';
import { deterministicPregrade, pregrade } from '../grading/pregrade.js';
import type { PreGrade } from '../grading/types.js';
import { contentDirFrom } from './content-dir.js';
import { CliError, type CliIo, UsageError } from './io.js';
import { renderTable } from './table.js';

export const usage = `audition grade --exercise <id> --submission <file.json> [--content <dir>] [--no-llm] [--json]

Pre-grades one submission ({"kind":"spec","text":…} or {"kind":"bug-hunt","lines":[[s,e]],"explanation":…,"fix":…})
with the rubric's checks and, when ANTHROPIC_API_KEY is set and --no-llm is not, the LLM judge.
Exits 0 on a graded submission, 2 on an invalid exercise or submission file.`;

export async function grade(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      exercise: { type: 'string' },
      submission: { type: 'string' },
      content: { type: 'string' },
      'no-llm': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  if (!values.exercise || !values.submission) throw new UsageError('--exercise and --submission are required');
  const root = contentDirFrom(values.content, io);
  const entry = loadLibrary(root).exercises.find((e) => e.id === values.exercise);
  if (!entry) throw new CliError(`No exercise "${values.exercise}" under ${root}/exercises.`);
  if (!entry.exercise) {
    throw new CliError(`Exercise "${entry.id}" has problems: run \`audition exercise check ${entry.id}\` first.`);
  }
  const exercise = entry.exercise;
  const submission = readSubmission(resolve(io.cwd, values.submission));
  if (submission.kind !== exercise.kind) {
    throw new CliError(
      `${values.submission} is a ${submission.kind} answer; ${exercise.id} is a ${exercise.kind} exercise.`,
    );
  }
  if (submission.kind === 'bug-hunt' && exercise.kind === 'bug-hunt') {
    const lines = lineCount(exercise.code.buggy);
    const outside = submission.lines.find(([, end]) => end > lines);
    if (outside)
      throw new CliError(`${values.submission}: lines ${outside[0]}-${outside[1]} go past the file's ${lines} lines.`);
  }

  const env = readEnv(io.env);
  const useLlm = !values['no-llm'] && env.anthropic.apiKey !== undefined;
  const result = useLlm
    ? await pregrade(
        exercise,
        submission,
        makeJudge({
          client: new Anthropic({ apiKey: env.anthropic.apiKey, baseURL: env.anthropic.baseUrl ?? null }),
          model: env.anthropic.model ?? DEFAULT_MODEL,
          log: { info: io.err, warn: io.err, error: io.err },
        }),
      )
    : deterministicPregrade(exercise, submission);

  if (values.json) io.out(JSON.stringify(result, null, 2));
  else printPregrade(result, io, useLlm ? null : values['no-llm'] ? '--no-llm' : 'no ANTHROPIC_API_KEY');
  return 0;
}

function readSubmission(path: string): Submission {
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new CliError(`Cannot read ${path} as JSON: ${(error as Error).message}`);
  }
  const parsed = submissionSchema.safeParse(data);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(root)'}: ${i.message}`).join('\n');
    throw new CliError(`${path} is not a valid submission:\n${issues}`);
  }
  return parsed.data;
}

function printPregrade(result: PreGrade, io: CliIo, llmSkipped: string | null) {
  const rows = result.criteria.map((c) => [
    c.id,
    c.source === 'check' ? `check:${c.check}` : 'llm',
    c.status === 'scored' ? `${c.score}/${c.max}` : `${c.status} /${c.max}`,
    oneLine(c.rationale, 90),
  ]);
  io.out(`${result.exercise.id} (version ${result.exercise.version}), rubric ${result.rubric.id}\n`);
  io.out(renderTable(['criterion', 'source', 'score', 'rationale'], rows));
  const evidence = result.criteria.flatMap((c) =>
    c.evidence.map((e) => {
      const where = e.in === 'lines' ? `lines ${e.start}-${e.end}` : `${e.in} ${e.start}-${e.end}`;
      const label = e.label ? `, ${e.label}` : '';
      return `  ${c.id}: "${oneLine(e.quote, 80)}" (${where}${label}${e.verified ? '' : ', UNVERIFIED'})`;
    }),
  );
  if (evidence.length > 0) io.out(`\nEvidence:\n${evidence.join('\n')}`);
  const { score, max, pending } = result.total;
  io.out(`\nTotal: ${score} of ${max}${pending > 0 ? ` (${pending} points pending)` : ''}`);
  if (result.bugFound !== null) io.out(`Bug found: ${result.bugFound ? 'yes' : 'no'}`);
  for (const flag of result.flags) io.out(`Flag ${flag.code}: ${flag.message}`);
  if (llmSkipped && pending > 0) io.out(`LLM criteria not graded (${llmSkipped}).`);
  if (result.usage) {
    const u = result.usage;
    io.out(
      `Usage: ${u.model}, ${u.inputTokens} in (${u.cacheReadTokens} cached), ${u.outputTokens} out, $${u.costUsd.toFixed(4)}`,
    );
  }
}

function oneLine(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}
