import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PreGrade } from '../../server/grading/types.js';
import { cli } from '../helpers/cli.js';
import { FIXTURE_CONTENT } from '../helpers/test-app.js';

function file(content: unknown): string {
  const path = join(mkdtempSync(join(tmpdir(), 'audition-grade-')), 'submission.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

const strong = {
  kind: 'bug-hunt',
  lines: [[4, 4]],
  explanation: 'The loop starts at index 1, an off-by-one that skips the first value.',
  fix: null,
};
const grade = (submission: string, ...extra: string[]) =>
  cli(['grade', '--exercise', 'canary-bug', '--submission', submission, '--content', FIXTURE_CONTENT, ...extra]);

describe('audition grade', () => {
  it('prints a table of criteria with their evidence, the total and the verdict', async () => {
    const { code, stdout } = await grade(file(strong));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^location\s+check:bug-location\s+4\/4\s+marked line 4 covers the bug/m);
    expect(stdout).toMatch(/^concept\s+check:bug-concepts\s+4\/4/m);
    expect(stdout).toMatch(/^fix\s+check:fix\s+0\/2\s+no fix proposed$/m);
    expect(stdout).toContain('concept: "The loop starts at index 1, an off-by-one that skips the first value."');
    expect(stdout).toContain('Total: 8 of 10');
    expect(stdout).toContain('Bug found: yes');
  });

  it('prints the pre-grade as JSON with --json, without a database or a key', async () => {
    const { code, stdout } = await grade(file(strong), '--json');
    expect(code).toBe(0);
    const pregrade = JSON.parse(stdout) as PreGrade;
    expect(pregrade).toMatchObject({
      exercise: { id: 'canary-bug' },
      rubric: { id: 'fixture-bug' },
      total: { score: 8, max: 10, pending: 0 },
      bugFound: true,
      usage: null,
    });
  });

  it('says the LLM criteria were not graded when there is no API key', async () => {
    const spec = file({ kind: 'spec', text: 'Reset links are single-use and expire after 30 minutes.' });
    const { code, stdout } = await cli([
      'grade',
      '--exercise',
      'canary-spec',
      '--submission',
      spec,
      '--content',
      FIXTURE_CONTENT,
    ]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^judgement\s+llm\s+pending \/3/m);
    expect(stdout).toContain('LLM criteria not graded (no ANTHROPIC_API_KEY).');
  });

  it('exits 2 with a clear message on an invalid submission file or an unknown exercise', async () => {
    const notJson = await grade(file('{"kind": '));
    expect(notJson.code).toBe(2);
    expect(notJson.stderr).toMatch(/as JSON/);
    const invalid = await grade(file({ kind: 'bug-hunt', lines: [[4, 2]], explanation: 'x' }));
    expect(invalid.code).toBe(2);
    expect(invalid.stderr).toContain('is not a valid submission:');
    expect(invalid.stderr).toContain('fix:');
    const outside = await grade(file({ ...strong, lines: [[5, 40]] }));
    expect(outside.stderr).toContain("lines 5-40 go past the file's 6 lines.");
    const wrongKind = await grade(file({ kind: 'spec', text: 'x' }));
    expect(wrongKind.stderr).toContain('is a spec answer; canary-bug is a bug-hunt exercise.');
    const unknown = await cli([
      'grade',
      '--exercise',
      'nope',
      '--submission',
      file(strong),
      '--content',
      FIXTURE_CONTENT,
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('No exercise "nope"');
  });
});
