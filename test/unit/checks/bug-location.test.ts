import { describe, expect, it } from 'vitest';
import type { BugHuntExercise } from '../../../server/content/library.js';
import type { Rubric, Submission } from '../../../server/content/schema.js';
import { bugLocation } from '../../../server/grading/checks/bug-location.js';
import type { BugLocationCheck } from '../../../server/grading/verdict.js';
import { bugHuntExercise, criterion } from '../../helpers/exercises.js';

// A 40-line file whose bug is line 20, graded like rubrics/bug-hunt-standard.yaml: 4 points, full credit up
// to 3 marked lines outside the bug, nothing from 15 on.
const fixedLines = Array.from({ length: 40 }, (_, i) => `export const v${i + 1} = ${i + 1};`);
const FIXED = `${fixedLines.join('\n')}\n`;
const BUGGY = FIXED.replace('v20 = 20;', 'v20 = 21;');
const CHECK: BugLocationCheck = { type: 'bug-location', slackLines: 3, zeroAtLines: 15 };

const LOCATION = criterion(CHECK, 4, 'location');
const RUBRIC: Rubric = { id: 'test-bug', title: 'Test rubric', kind: 'bug-hunt', criteria: [LOCATION] };

function exerciseWith(buggy: string, fixed: string): BugHuntExercise {
  return bugHuntExercise({ buggy, fixed, summary: 'v20 is off by one.', rubric: RUBRIC });
}

const EXERCISE = exerciseWith(BUGGY, FIXED);

function grade(lines: [number, number][], exercise: BugHuntExercise = EXERCISE) {
  return bugLocation({
    exercise,
    criterion: LOCATION,
    submission: { kind: 'bug-hunt', lines, explanation: '', fix: null },
  });
}

describe('bug-location: happy path', () => {
  it('marking exactly the bug line earns full points, with the line quoted as evidence', () => {
    expect(grade([[20, 20]])).toEqual({
      score: 4,
      rationale: 'marked line 20 covers the bug (line 20); 0 lines beyond it (up to 3 allowed)',
      evidence: [{ quote: 'export const v20 = 21;', start: 20, end: 20, verified: true, in: 'lines', label: 'bug' }],
    });
  });

  it('a range reaching exactly the slack beyond the bug still earns full points', () => {
    const result = grade([[18, 21]]);
    expect(result.score).toBe(4);
    expect(result.rationale).toBe('marked lines 18-21 cover the bug (line 20); 3 lines beyond it (up to 3 allowed)');
  });

  it('credit falls linearly past the slack: one line past still rounds to 4, two lines past to 3', () => {
    // 4 beyond: 4 x 11/12 = 3.67; 5 beyond: 4 x 10/12 = 3.33.
    expect(grade([[17, 21]])).toMatchObject({
      score: 4,
      rationale:
        'marked lines 17-21 cover the bug (line 20); 4 lines beyond it: credit falls after 3 and is gone at 15, so 92 % of the points',
    });
    expect(grade([[16, 21]]).score).toBe(3);
    expect(grade([[20, 28]]).score).toBe(2); // 8 beyond: 4 x 7/12 = 2.33
  });

  it('a bug of several separate ranges is found by marking any one of them', () => {
    const fixed = FIXED;
    const buggy = fixed.replace('v10 = 10;', 'v10 = 11;').replace('v30 = 30;', 'v30 = 31;');
    const result = grade([[30, 30]], exerciseWith(buggy, fixed));
    expect(result.score).toBe(4);
    expect(result.rationale).toBe(
      'marked line 30 overlaps the bug (lines 10 and 30); 0 lines beyond it (up to 3 allowed)',
    );
  });
});

describe('bug-location: marking too much is not finding the bug', () => {
  it('a range covering the whole file earns nothing, and its quote is clipped', () => {
    const result = grade([[1, 40]]);
    expect(result.score).toBe(0);
    expect(result.rationale).toBe(
      'marked lines 1-40 cover the bug (line 20) but 39 lines beyond it: 15 or more earn nothing, marking this much of the file is not finding the bug',
    );
    const [evidence] = result.evidence;
    expect(evidence).toMatchObject({ start: 1, end: 40, label: 'bug', in: 'lines' });
    expect(evidence?.quote.startsWith('export const v1 = 1;\nexport const v2 = 2;\n')).toBe(true);
    expect(evidence?.quote.endsWith('…')).toBe(true);
    expect(evidence?.quote.length).toBeLessThanOrEqual(300);
  });

  it('scattered single-line marks cost as much as one wide range with the same number of extra lines', () => {
    const scattered: [number, number][] = [[20, 20], ...[1, 3, 5, 7, 9, 11, 13].map((n): [number, number] => [n, n])];
    const result = grade(scattered);
    expect(result.score).toBe(grade([[20, 27]]).score);
    expect(result.score).toBe(3); // 7 beyond: 4 x 8/12 = 2.67
    expect(result.rationale).toBe(
      'marked lines 1, 3, 5, 7, 9, 11, 13 and 20 cover the bug (line 20); 7 lines beyond it: credit falls after 3 and is gone at 15, so 67 % of the points',
    );
    expect(result.evidence.map((e) => e.label)).toEqual(['bug', ...Array(7).fill('outside')]);
  });

  it('fifteen scattered single lines beside the bug earn nothing', () => {
    const lines: [number, number][] = [[20, 20], ...[...Array(15).keys()].map((i): [number, number] => [i + 1, i + 1])];
    expect(grade(lines).score).toBe(0);
  });

  it('overlapping ranges count each marked line once', () => {
    const result = grade([
      [18, 21],
      [19, 23],
    ]);
    // Lines 18, 19, 21, 22 and 23 are outside the bug: 5, not the 3 + 3 + ... a per-range sum would give.
    expect(result.score).toBe(3);
    expect(result.rationale).toBe(
      'marked lines 18-23 cover the bug (line 20); 5 lines beyond it: credit falls after 3 and is gone at 15, so 83 % of the points',
    );
    expect(result.evidence.map((e) => [e.start, e.end, e.label])).toEqual([
      [18, 21, 'bug'],
      [19, 23, 'bug'],
    ]);
  });
});

describe('bug-location: odd input', () => {
  it('no ranges earn nothing and say so', () => {
    expect(grade([])).toEqual({
      score: 0,
      rationale: 'no lines marked: the bug (line 20) is not located',
      evidence: [],
    });
  });

  it('a range that misses the bug earns nothing, its evidence labelled outside', () => {
    expect(grade([[25, 27]])).toEqual({
      score: 0,
      rationale: 'marked lines 25-27 miss the bug (line 20)',
      evidence: [
        {
          quote: 'export const v25 = 25;\nexport const v26 = 26;\nexport const v27 = 27;',
          start: 25,
          end: 27,
          verified: true,
          in: 'lines',
          label: 'outside',
        },
      ],
    });
  });

  it('a range running past the end of the file is cut to the file, its missing lines not counted', () => {
    const result = grade([
      [20, 20],
      [38, 60],
    ]);
    // Lines 38-40 are outside the bug: 3, within the slack; 41-60 do not exist.
    expect(result.score).toBe(4);
    expect(result.rationale).toBe(
      "marked lines 20 and 38-40 cover the bug (line 20); 3 lines beyond it (up to 3 allowed); lines 38-60 cut to the file's last line (40)",
    );
    expect(result.evidence.map((e) => [e.start, e.end])).toEqual([
      [20, 20],
      [38, 40],
    ]);
  });

  it('ranges wholly past the end of the file mark nothing', () => {
    expect(grade([[50, 55]])).toEqual({
      score: 0,
      rationale:
        'no line of the file marked: the bug (line 20) is not located; lines 50-55 lie outside the file (40 lines) and mark nothing',
      evidence: [],
    });
    expect(
      grade([
        [20, 20],
        [50, 55],
      ]).score,
    ).toBe(4);
  });

  it('a spec submission is not graded: 0 and a check-not-applicable flag, no exception', () => {
    const spec: Submission = { kind: 'spec', text: 'A spec.' };
    const result = bugLocation({
      exercise: EXERCISE,
      criterion: LOCATION,
      submission: spec,
    });
    expect(result.score).toBe(0);
    expect(result.flags).toEqual([
      {
        code: 'check-not-applicable',
        message: 'bug-location grades bug-hunt answers only; this is a bug-hunt exercise with a spec submission',
        criterion: 'location',
      },
    ]);
  });
});
