/**
 * `npm run bench:grade`: the deterministic pre-grade's time, p50 and p99, for specs of 1 KB, 10 KB and 100 KB
 * and for bug-hunt answers; and for each exercise of the library the judge request's size, split into the
 * cacheable prefix and the per-submission part. Aims: p99 under 20 ms for a 10 KB spec; at least 80 % of a
 * typical answer's input tokens in the cached prefix.
 *
 * The repeated example text is Latin-1 up to about 10 KB and holds a dash or a curly quote beyond, and V8
 * stores a string with any such character two bytes a character, on which regular expressions can run much
 * slower. So that sizes compare like with like (and a 10 KB spec with one ’ is measured, as real ones have),
 * the "with ’" rows start with a typographic apostrophe.
 */
import { join } from 'node:path';
import { renderTable } from '../server/cli/table.js';
import { type Exercise, loadLibrary } from '../server/content/library.js';
import type { Submission } from '../server/content/schema.js';
import { judgeRequestSize } from '../server/grading/judge/request-size.js';
import { llmCriteria } from '../server/grading/judge/schema.js';
import { deterministicPregrade } from '../server/grading/pregrade.js';

const RUNS = Number(process.env.RUNS ?? 300);
const library = loadLibrary(join(import.meta.dirname, '..'));
const exercises = library.exercises.flatMap((e) => (e.exercise ? [e.exercise] : []));

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
}

/**
 * Wall-clock percentiles, and the process's CPU time per run: on a machine shared with other work the wall
 * clock includes waiting for a core, which CPU time leaves out.
 */
function time(exercise: Exercise, submission: Submission) {
  for (let i = 0; i < 20; i++) deterministicPregrade(exercise, submission); // warm up the JIT
  const ms: number[] = [];
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    deterministicPregrade(exercise, submission);
    ms.push(performance.now() - start);
  }
  const cpu = process.cpuUsage(cpuBefore);
  ms.sort((a, b) => a - b);
  return { p50: percentile(ms, 50), p99: percentile(ms, 99), cpu: (cpu.user + cpu.system) / 1000 / RUNS };
}

/** A spec of about `bytes`, made of the strong examples' paragraphs repeated (realistic text, not lorem). */
function specOf(bytes: number): string {
  const strong = exercises
    .flatMap((e) => e.examples)
    .map((x) => x.example.submission)
    .filter((s): s is Extract<Submission, { kind: 'spec' }> => s.kind === 'spec')
    .map((s) => s.text)
    .join('\n\n');
  let text = '';
  while (text.length < bytes) text += `${strong}\n\n`;
  return text.slice(0, bytes);
}

const spec = exercises.find((e) => e.kind === 'spec');
if (!spec) throw new Error('the library has no spec exercise');
const rows: string[][] = [];
for (const kb of [1, 10, 100]) {
  const r = time(spec, { kind: 'spec', text: specOf(kb * 1024) });
  rows.push([`spec, ${kb} KB (${spec.id})`, r.p50.toFixed(2), r.p99.toFixed(2), r.cpu.toFixed(2)]);
}
for (const kb of [10, 100]) {
  const r = time(spec, { kind: 'spec', text: `’${specOf(kb * 1024 - 1)}` });
  rows.push([`spec, ${kb} KB with ’ (${spec.id})`, r.p50.toFixed(2), r.p99.toFixed(2), r.cpu.toFixed(2)]);
}
for (const exercise of exercises.filter((e) => e.kind === 'bug-hunt')) {
  const strong = exercise.examples.find((x) => x.file.endsWith('strong.yaml'))?.example.submission;
  if (!strong) continue;
  const r = time(exercise, strong);
  rows.push([`bug-hunt, strong answer (${exercise.id})`, r.p50.toFixed(2), r.p99.toFixed(2), r.cpu.toFixed(2)]);
}
console.log(`Deterministic pre-grade, ${RUNS} runs each (ms):\n`);
console.log(renderTable(['submission', 'p50', 'p99', 'CPU per run'], rows));

const sizes: string[][] = [];
for (const exercise of exercises) {
  const criteria = llmCriteria(exercise.rubric);
  for (const { file, example } of exercise.examples) {
    const s = judgeRequestSize(exercise, criteria, example.submission);
    sizes.push([
      file.replace(/^exercises\//, ''),
      String(s.prefix.estimatedTokens),
      String(s.perSubmission.estimatedTokens),
      `${(s.cacheableShare * 100).toFixed(0)} %`,
    ]);
  }
}
console.log('\nJudge request size (estimated tokens, 4 characters a token):\n');
console.log(renderTable(['example', 'cached prefix', 'per submission', 'cached share'], sizes));
const shares = sizes.map((r) => Number.parseFloat(r[3] ?? '0')).sort((a, b) => a - b);
console.log(`\nCached share: median ${percentile(shares, 50)} %, lowest ${shares[0]} %.`);
