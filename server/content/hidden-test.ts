/**
 * Runs a bug-hunt's hidden test (bug.test.ts) twice: once with './subject' bound to fixed.<ext>, once to
 * buggy.<ext>. It must pass on fixed and fail on buggy; otherwise the exercise does not prove its bug.
 *
 * The test is author content (from the content repository), run with node's test runner through tsx in
 * a temporary folder, in its own process group, killed when it exceeds the time limit. Candidate code is
 * never run here.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BugHuntExercise } from './library.js';
import type { Problem } from './problems.js';

export type RunOutcome = { status: 'passed' | 'failed' | 'timeout'; output: string; ms: number };

const tsxLoader = pathToFileURL(
  join(dirname(createRequire(import.meta.url).resolve('tsx/package.json')), 'dist/loader.mjs'),
).href;

export async function runHiddenTest(
  test: string,
  subject: string,
  ext: string,
  timeoutMs: number,
): Promise<RunOutcome> {
  const dir = await mkdtemp(join(tmpdir(), 'audition-hidden-test-'));
  const started = Date.now();
  try {
    await writeFile(join(dir, `subject.${ext}`), subject);
    await writeFile(join(dir, 'bug.test.ts'), test);
    await writeFile(join(dir, 'package.json'), '{"type":"module"}');
    return await new Promise<RunOutcome>((resolve) => {
      const child = spawn(process.execPath, ['--import', tsxLoader, '--test', '--test-reporter=tap', 'bug.test.ts'], {
        cwd: dir,
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        env: { PATH: process.env.PATH ?? '', NODE_ENV: 'test' },
      });
      let output = '';
      const collect = (chunk: Buffer) => {
        if (output.length < 20_000) output += chunk.toString();
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      let timedOut = false;
      const timer = setTimeout(() => {
        timedOut = true;
        killGroup(child.pid);
      }, timeoutMs);
      child.on('close', (code) => {
        clearTimeout(timer);
        const ms = Date.now() - started;
        resolve({ status: timedOut ? 'timeout' : code === 0 ? 'passed' : 'failed', output, ms });
      });
    });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function killGroup(pid: number | undefined) {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group is already gone: nothing left to stop.
  }
}

/** Problems with the hidden test of one exercise: none when it passes on fixed and fails on buggy. */
export async function checkHiddenTest(exercise: BugHuntExercise, timeoutMs: number): Promise<Problem[]> {
  const { code } = exercise;
  if (code.hiddenTest === null) return [];
  const file = `exercises/${exercise.id}/bug.test.ts`;
  const onFixed = await runHiddenTest(code.hiddenTest, code.fixed, code.ext, timeoutMs);
  const onBuggy = await runHiddenTest(code.hiddenTest, code.buggy, code.ext, timeoutMs);
  const problems: Problem[] = [];
  const seconds = (timeoutMs / 1000).toFixed(0);
  if (onFixed.status === 'timeout') {
    problems.push({
      file,
      field: '(fixed)',
      message: `did not finish within ${seconds} s on fixed.${code.ext}: does it hang?`,
    });
  } else if (onFixed.status === 'failed') {
    problems.push({
      file,
      field: '(fixed)',
      message: `fails on fixed.${code.ext}; it must pass there. Output:\n${tail(onFixed.output)}`,
    });
  }
  if (onBuggy.status === 'timeout') {
    problems.push({
      file,
      field: '(buggy)',
      message: `did not finish within ${seconds} s on buggy.${code.ext}: bound the test so the bug fails it rather than hangs`,
    });
  } else if (onBuggy.status === 'passed') {
    problems.push({
      file,
      field: '(buggy)',
      message: `passes on buggy.${code.ext}; it must fail there, or it does not prove the bug`,
    });
  }
  return problems;
}

function tail(output: string): string {
  const lines = output.trim().split('\n');
  return lines
    .slice(-15)
    .map((l) => `    ${l}`)
    .join('\n');
}
