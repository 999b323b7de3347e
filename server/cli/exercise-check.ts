/**
 * `audition exercise check [id...]`: validates the content library and exits 1 on any problem, with one
 * line per problem naming the file, the field and what to do; progress on stderr, a summary table (or
 * with --json the report) on stdout.
 */
import { parseArgs } from 'node:util';
import { exampleProblems } from '../content/example-grades.js';
import { checkHiddenTest } from '../content/hidden-test.js';
import { type ExerciseEntry, type Library, loadLibrary } from '../content/library.js';
import type { Problem } from '../content/problems.js';
import { contentDirFrom } from './content-dir.js';
import { type CliIo, UsageError } from './io.js';
import { renderTable } from './table.js';

export const usage = `audition exercise check [id...] [--content <dir>] [--json] [--timeout <seconds>]

Validates exercises and rubrics: schemas, rubric references, patterns, bug diffs, hidden tests, and
examples (each is pre-graded by the deterministic checks and must score in its declared range). Exits 0 when everything passes, 1 on any problem, 2 on a usage error.`;

export type CheckReport = {
  ok: boolean;
  exercises: { id: string; kind: string | null; ok: boolean; problems: Problem[] }[];
  rubrics: { id: string; ok: boolean; problems: Problem[] }[];
};

export async function exerciseCheck(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      content: { type: 'string' },
      json: { type: 'boolean', default: false },
      timeout: { type: 'string', default: '20' },
    },
  });
  const timeoutSeconds = Number(values.timeout);
  if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0) {
    throw new UsageError(`--timeout must be a positive number of seconds, got "${values.timeout}"`);
  }
  const root = contentDirFrom(values.content, io);
  const library = loadLibrary(root);
  const unknown = positionals.filter((id) => !library.exercises.some((e) => e.id === id));
  if (unknown.length > 0) {
    throw new UsageError(`no exercise ${unknown.map((id) => `"${id}"`).join(', ')} under ${root}/exercises`);
  }
  const selected = positionals.length ? library.exercises.filter((e) => positionals.includes(e.id)) : library.exercises;
  if (selected.length === 0) {
    io.err(`No exercises found under ${root}/exercises: create one with \`audition exercise new spec my-exercise\`.`);
    return 1;
  }

  const report = await buildReport(library, selected, timeoutSeconds * 1000, (line) => io.err(line));
  if (values.json) {
    io.out(JSON.stringify(report, null, 2));
  } else {
    printReport(report, library, io);
  }
  return report.ok ? 0 : 1;
}

export async function buildReport(
  library: Library,
  selected: ExerciseEntry[],
  timeoutMs: number,
  progress: (line: string) => void,
): Promise<CheckReport> {
  const exercises: CheckReport['exercises'] = [];
  const width = String(selected.length).length;
  for (const [index, entry] of selected.entries()) {
    const started = Date.now();
    const problems = [...entry.problems];
    const exercise = entry.exercise;
    if (exercise) problems.push(...exampleProblems(exercise));
    if (exercise?.kind === 'bug-hunt' && exercise.code.hiddenTest !== null) {
      progress(`[${String(index + 1).padStart(width)}/${selected.length}] ${entry.id}: running the hidden test…`);
      problems.push(...(await checkHiddenTest(exercise, timeoutMs)));
    }
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    const verdict = problems.length === 0 ? 'ok' : `${problems.length} problem(s)`;
    progress(`[${String(index + 1).padStart(width)}/${selected.length}] ${entry.id}: ${verdict} (${seconds} s)`);
    exercises.push({ id: entry.id, kind: entry.kind, ok: problems.length === 0, problems });
  }
  const rubrics = [...library.rubrics.values()].map((r) => ({
    id: r.id,
    ok: r.problems.length === 0,
    problems: r.problems,
  }));
  return {
    ok: exercises.every((e) => e.ok) && rubrics.every((r) => r.ok),
    exercises,
    rubrics,
  };
}

function printReport(report: CheckReport, library: Library, io: CliIo) {
  const problemLines = [
    ...report.rubrics.flatMap((r) => r.problems),
    ...report.exercises.flatMap((e) => e.problems),
  ].map((p) => `  ${p.file}: ${p.field}: ${p.message}`);
  const unique = [...new Set(problemLines)];
  if (unique.length > 0) io.out(`Problems:\n${unique.join('\n')}\n`);

  const rows = report.exercises.map((e) => {
    const entry = library.exercises.find((x) => x.id === e.id);
    return [
      e.id,
      e.kind ?? '?',
      entry?.exercise?.rubric.id ?? '?',
      entry?.exercise?.version ?? '-',
      e.ok ? 'ok' : `FAIL (${e.problems.length})`,
    ];
  });
  io.out(renderTable(['exercise', 'kind', 'rubric', 'version', 'status'], rows));
  const failed = report.exercises.filter((e) => !e.ok).length;
  const badRubrics = report.rubrics.filter((r) => !r.ok).length;
  io.out(
    `\n${report.exercises.length - failed} of ${report.exercises.length} exercises pass` +
      (badRubrics > 0 ? `; ${badRubrics} rubric(s) have problems` : '') +
      (report.ok ? '.' : '. Fix the problems above and run the check again.'),
  );
}
