import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CheckReport } from '../../server/cli/exercise-check.js';
import { cli } from '../helpers/cli.js';
import { FIXTURE_CONTENT } from '../helpers/test-app.js';

/** A private copy of the fixture library, changed by `edit` before the check runs. */
function library(edit: (root: string) => void = () => {}): string {
  const root = mkdtempSync(join(tmpdir(), 'audition-check-'));
  cpSync(FIXTURE_CONTENT, root, { recursive: true });
  edit(root);
  return root;
}

function replaceIn(path: string, from: string | RegExp, to: string) {
  const text = readFileSync(path, 'utf8');
  const next = text.replace(from, to);
  if (next === text) throw new Error(`nothing to replace in ${path}`);
  writeFileSync(path, next);
}

async function checkJson(root: string, ...ids: string[]) {
  const result = await cli(['exercise', 'check', ...ids, '--content', root, '--json']);
  return { ...result, report: JSON.parse(result.stdout) as CheckReport };
}

function problemsOf(report: CheckReport, id: string) {
  return report.exercises.find((e) => e.id === id)?.problems ?? [];
}

describe('audition exercise check on a valid library', () => {
  it('passes, runs the hidden test, and prints progress and a summary table', async () => {
    const { code, stdout, stderr } = await cli(['exercise', 'check', '--content', library()]);
    expect(code).toBe(0);
    expect(stderr).toContain('[1/2] canary-bug: running the hidden test…');
    expect(stderr).toMatch(/\[2\/2\] canary-spec: ok \(\d+\.\d s\)/);
    expect(stdout).toMatch(/^exercise\s+kind\s+rubric\s+version\s+status$/m);
    expect(stdout).toMatch(/^canary-bug\s+bug-hunt\s+fixture-bug\s+[0-9a-f]{12}\s+ok$/m);
    expect(stdout).toContain('2 of 2 exercises pass.');
  });

  it('prints the machine-readable report with --json', async () => {
    const { code, report } = await checkJson(library());
    expect(code).toBe(0);
    expect(report).toEqual({
      ok: true,
      exercises: [
        { id: 'canary-bug', kind: 'bug-hunt', ok: true, problems: [] },
        { id: 'canary-spec', kind: 'spec', ok: true, problems: [] },
      ],
      rubrics: [
        { id: 'fixture-bug', ok: true, problems: [] },
        { id: 'fixture-spec', ok: true, problems: [] },
      ],
    });
  });

  it('checks only the exercises named, and exits 2 naming an unknown one', async () => {
    const root = library();
    const one = await checkJson(root, 'canary-spec');
    expect(one.report.exercises.map((e) => e.id)).toEqual(['canary-spec']);
    const unknown = await cli(['exercise', 'check', 'nope', '--content', root]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('no exercise "nope"');
  });
});

describe('audition exercise check names the file and field of each problem', () => {
  it('a front matter field of the wrong type', async () => {
    const root = library((r) =>
      replaceIn(join(r, 'exercises/canary-spec/exercise.md'), 'minutes: 30', 'minutes: half an hour'),
    );
    const { code, report, stdout } = await checkJson(root);
    expect(code).toBe(1);
    expect(problemsOf(report, 'canary-spec')).toEqual([
      {
        file: 'exercises/canary-spec/exercise.md',
        field: 'minutes',
        message:
          'Invalid input: expected number, received string (the time a candidate needs, in whole minutes (5 to 480))',
      },
    ]);
    expect(problemsOf(report, 'canary-bug')).toEqual([]);
    expect(stdout).not.toContain('"ok": true,\n  "exercises"');
  });

  it('an unknown rubric', async () => {
    const root = library((r) =>
      replaceIn(join(r, 'exercises/canary-spec/exercise.md'), 'rubric: fixture-spec', 'rubric: no-such-rubric'),
    );
    const { code, report } = await checkJson(root);
    expect(code).toBe(1);
    expect(problemsOf(report, 'canary-spec')).toEqual([
      {
        file: 'exercises/canary-spec/exercise.md',
        field: 'rubric',
        message: 'unknown rubric "no-such-rubric": no rubrics/no-such-rubric.yaml (known: fixture-bug, fixture-spec)',
      },
    ]);
  });

  it('a regular expression that does not compile', async () => {
    const root = library((r) => replaceIn(join(r, 'exercises/canary-bug/key.yaml'), "'index 1'", "'index (1'"));
    const { code, report } = await checkJson(root);
    expect(code).toBe(1);
    const [problem, ...rest] = problemsOf(report, 'canary-bug');
    expect(rest).toEqual([]);
    expect(problem?.file).toBe('exercises/canary-bug/key.yaml');
    expect(problem?.field).toBe('concepts.0.patterns.2');
    expect(problem?.message).toMatch(/^regular expression does not compile: .*Unterminated group/);
  });

  it('a bug-hunt whose buggy and fixed files are identical', async () => {
    const root = library((r) =>
      cpSync(join(r, 'exercises/canary-bug/buggy.ts'), join(r, 'exercises/canary-bug/fixed.ts')),
    );
    const { code, report } = await checkJson(root);
    expect(code).toBe(1);
    expect(problemsOf(report, 'canary-bug')).toEqual([
      {
        file: 'exercises/canary-bug/fixed.ts',
        field: '(diff)',
        message: 'buggy.ts and fixed.ts are identical: fixed must correct the bug',
      },
    ]);
  });

  it('a bug-hunt whose hidden test passes on the buggy file', async () => {
    const root = library((r) =>
      replaceIn(join(r, 'exercises/canary-bug/bug.test.ts'), 'sum([1, 2, 3]), 6', 'sum([0, 2, 3]), 5'),
    );
    const { code, report } = await checkJson(root);
    expect(code).toBe(1);
    expect(problemsOf(report, 'canary-bug')).toEqual([
      {
        file: 'exercises/canary-bug/bug.test.ts',
        field: '(buggy)',
        message: 'passes on buggy.ts; it must fail there, or it does not prove the bug',
      },
    ]);
  });

  it('a hidden test that hangs fails with a clear message instead of hanging the check', async () => {
    const root = library((r) =>
      replaceIn(
        join(r, 'exercises/canary-bug/bug.test.ts'),
        "test('adds every value', () => {",
        "test('adds every value', async () => {\n  await new Promise(() => setInterval(() => {}, 1000));",
      ),
    );
    const { code, report } = await checkJson(root, 'canary-bug', '--timeout', '1');
    expect(code).toBe(1);
    expect(problemsOf(report, 'canary-bug').map((p) => [p.field, p.message])).toEqual([
      ['(fixed)', 'did not finish within 1 s on fixed.ts: does it hang?'],
      ['(buggy)', 'did not finish within 1 s on buggy.ts: bound the test so the bug fails it rather than hangs'],
    ]);
  });

  it('an id that differs from its folder, and a bug diff too large for one subtle bug', async () => {
    const root = library((r) => {
      replaceIn(join(r, 'exercises/canary-spec/exercise.md'), 'id: canary-spec', 'id: other-name');
      const fixed = join(r, 'exercises/canary-bug/fixed.ts');
      writeFileSync(fixed, `${readFileSync(fixed, 'utf8')}${'// extra\n'.repeat(12)}`);
    });
    const { report } = await checkJson(root);
    expect(problemsOf(report, 'canary-spec').map((p) => p.field)).toEqual(['id']);
    expect(problemsOf(report, 'canary-bug')).toEqual([
      {
        file: 'exercises/canary-bug/fixed.ts',
        field: '(diff)',
        message: 'the diff from buggy to fixed touches 13 lines; keep it to 12 or fewer (one subtle bug)',
      },
    ]);
  });

  it('an example that is not a valid submission, and a marked range beyond the file', async () => {
    const root = library((r) => {
      replaceIn(join(r, 'exercises/canary-bug/examples/weak.yaml'), 'lines: [[1, 6]]', 'lines: [[1, 60]]');
      replaceIn(join(r, 'exercises/canary-spec/examples/weak.yaml'), 'kind: spec', 'kind: essay');
    });
    const { report } = await checkJson(root);
    expect(problemsOf(report, 'canary-bug')).toEqual([
      {
        file: 'exercises/canary-bug/examples/weak.yaml',
        field: 'submission.lines.0',
        message: 'ends at line 60 but buggy has 6 lines',
      },
    ]);
    expect(problemsOf(report, 'canary-spec').map((p) => [p.file, p.field])).toEqual([
      ['exercises/canary-spec/examples/weak.yaml', 'submission.kind'],
    ]);
  });

  it('a rubric criterion with both a check and llm guidance, reported against the rubric file', async () => {
    const root = library((r) =>
      replaceIn(
        join(r, 'rubrics/fixture-bug.yaml'),
        'check: { type: fix, noFixScore: 0, slackLines: 1 }',
        'check: { type: fix, noFixScore: 0, slackLines: 1 }\n    llm: { guidance: "judge the fix carefully", levels: [{ score: 0, description: "none" }, { score: 2, description: "good" }] }',
      ),
    );
    const { code, report } = await checkJson(root);
    expect(code).toBe(1);
    expect(report.rubrics.find((r) => r.id === 'fixture-bug')?.problems).toEqual([
      {
        file: 'rubrics/fixture-bug.yaml',
        field: 'criteria.2',
        message: 'a criterion needs exactly one of `check` or `llm`',
      },
    ]);
    expect(problemsOf(report, 'canary-bug').map((p) => p.file)).toEqual(['rubrics/fixture-bug.yaml']);
  });

  it('an example whose deterministic score or verdict differs from what it declares', async () => {
    const root = library((r) => {
      replaceIn(
        join(r, 'exercises/canary-bug/examples/strong.yaml'),
        'score: { min: 9, max: 10 }',
        'score: { min: 0, max: 1 }',
      );
      replaceIn(join(r, 'exercises/canary-bug/examples/weak.yaml'), 'bugFound: false', 'bugFound: true');
    });
    const { code, report } = await checkJson(root);
    expect(code).toBe(1);
    expect(problemsOf(report, 'canary-bug')).toEqual([
      {
        file: 'exercises/canary-bug/examples/strong.yaml',
        field: 'expect.score',
        message:
          'the checks give 10 (location 4/4, concept 4/4, fix 2/2), outside 0..1: fix the example, the key or the range',
      },
      {
        file: 'exercises/canary-bug/examples/weak.yaml',
        field: 'expect.bugFound',
        message: expect.stringMatching(
          /^the verdict is false but the example declares true: location \d\/4, concept 0\/4, fix 0\/2$/,
        ),
      },
    ]);
  });

  it('a missing key file', async () => {
    const root = library((r) => rmSync(join(r, 'exercises/canary-spec/key.yaml')));
    const { report } = await checkJson(root);
    expect(problemsOf(report, 'canary-spec')).toEqual([
      {
        file: 'exercises/canary-spec/key.yaml',
        field: '(file)',
        message: 'missing: every exercise needs a private key.yaml',
      },
    ]);
  });
});

describe('audition exercise new', () => {
  it.each(['spec', 'bug-hunt'])('scaffolds a %s exercise that passes the check as it stands', async (kind) => {
    const root = library();
    const created = await cli(['exercise', 'new', kind, `fresh-${kind}`, '--content', root]);
    expect(created.code).toBe(0);
    expect(created.stdout).toContain(`exercises/fresh-${kind}`);
    const { code, report } = await checkJson(root, `fresh-${kind}`);
    expect(report.exercises).toEqual([{ id: `fresh-${kind}`, kind, ok: true, problems: [] }]);
    expect(code).toBe(0);
  });

  it('refuses to overwrite an existing exercise, and a bad id or kind', async () => {
    const root = library();
    expect((await cli(['exercise', 'new', 'spec', 'canary-spec', '--content', root])).code).toBe(2);
    const badId = await cli(['exercise', 'new', 'spec', 'Not_Kebab', '--content', root]);
    expect(badId.code).toBe(2);
    expect(badId.stderr).toContain('must be kebab-case');
    const badKind = await cli(['exercise', 'new', 'essay', 'x', '--content', root]);
    expect(badKind.stderr).toContain('unknown kind "essay": use one of spec, bug-hunt');
  });
});

describe('audition --help', () => {
  it('lists every command with a one-line description', async () => {
    const { code, stdout } = await cli(['--help']);
    expect(code).toBe(0);
    for (const name of ['exercise new', 'exercise check', 'user add', 'assessment create', 'invite'])
      expect(stdout).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
  });

  it('exits 2 on an unknown command, with the help', async () => {
    const { code, stderr } = await cli(['frobnicate']);
    expect(code).toBe(2);
    expect(stderr).toContain('Unknown command "frobnicate"');
    expect(stderr).toContain('Commands:');
  });
});
