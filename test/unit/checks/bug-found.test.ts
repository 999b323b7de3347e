import { describe, expect, it } from 'vitest';
import { bugLocation } from '../../../server/grading/checks/bug-location.js';
import {
  type BugHuntSubmission,
  type BugLocationCheck,
  bugFound,
  describeLines,
  locationCredit,
} from '../../../server/grading/verdict.js';
import { bugHuntExercise, criterion } from '../../helpers/exercises.js';

// A 40-line file whose bug is line 20; the standard rubric's precision limit (3 free, nothing from 15).
const fixedLines = Array.from({ length: 40 }, (_, i) => `export const v${i + 1} = ${i + 1};`);
const FIXED = `${fixedLines.join('\n')}\n`;
const BUGGY = FIXED.replace('v20 = 20;', 'v20 = 21;');
const CHECK: BugLocationCheck = { type: 'bug-location', slackLines: 3, zeroAtLines: 15 };

const EXERCISE = bugHuntExercise({
  buggy: BUGGY,
  fixed: FIXED,
  summary: 'v20 is one too high.',
  concepts: [{ id: 'off-by-one', description: 'One too high.', patterns: ['off[- ]by[- ]one', 'one too (high|many)'] }],
});

const RIGHT = 'v20 is 21, off by one.';
const answer = (lines: [number, number][], explanation = RIGHT): BugHuntSubmission => ({
  kind: 'bug-hunt',
  lines,
  explanation,
  fix: null,
});

describe('bugFound: the verdict needs the place and the concept', () => {
  it('the bug line and a named concept: found', () => {
    expect(bugFound(EXERCISE, answer([[20, 20]]), CHECK)).toBe(true);
  });

  it('the bug line with an explanation naming no concept: not found', () => {
    expect(bugFound(EXERCISE, answer([[20, 20]], 'This line looks suspicious.'), CHECK)).toBe(false);
    expect(bugFound(EXERCISE, answer([[20, 20]], ''), CHECK)).toBe(false);
  });

  it('the right concept on the wrong lines, or on no lines: not found', () => {
    expect(bugFound(EXERCISE, answer([[21, 23]]), CHECK)).toBe(false);
    expect(bugFound(EXERCISE, answer([]), CHECK)).toBe(false);
    expect(bugFound(EXERCISE, answer([[41, 50]]), CHECK)).toBe(false);
  });

  it('the whole file with the right concept: not found', () => {
    expect(bugFound(EXERCISE, answer([[1, 40]]), CHECK)).toBe(false);
  });

  it('found while any location credit is left, even where the location score rounds to 0', () => {
    // 14 lines beyond the bug: credit 1/12, 4 points x 1/12 rounds to 0, but the bug is still pointed at.
    const wide = answer([[20, 34]]);
    expect(bugFound(EXERCISE, wide, CHECK)).toBe(true);
    expect(bugLocation({ exercise: EXERCISE, criterion: criterion(CHECK), submission: wide }).score).toBe(0);
    // 15 lines beyond: no credit, no verdict.
    expect(bugFound(EXERCISE, answer([[20, 35]]), CHECK)).toBe(false);
  });

  it('is pure: the same answer gets the same verdict and is left unchanged', () => {
    const submission = Object.freeze(answer([[20, 22]]));
    const verdicts = [1, 2, 3].map(() => bugFound(EXERCISE, submission, CHECK));
    expect(verdicts).toEqual([true, true, true]);
    expect(submission.lines).toEqual([[20, 22]]);
  });
});

describe('locationCredit: what the verdict and bug-location share', () => {
  it('counts distinct marked lines outside the bug and cuts ranges to the file', () => {
    expect(
      locationCredit(
        [[20, 20]],
        [
          [18, 21],
          [19, 23],
          [39, 45],
          [60, 61],
        ],
        40,
        CHECK,
      ),
    ).toEqual({
      marked: [
        [18, 21],
        [19, 23],
        [39, 40],
      ],
      outsideFile: [[60, 61]],
      overlap: true,
      overreach: 7,
      credit: 8 / 12,
    });
  });

  it('gives no credit without overlap, whatever the overreach', () => {
    expect(locationCredit([[20, 20]], [[21, 21]], 40, CHECK)).toMatchObject({
      overlap: false,
      overreach: 1,
      credit: 0,
    });
  });

  it('treats slack as free even when a rubric sets zeroAtLines below it', () => {
    expect(locationCredit([[5, 5]], [[3, 6]], 40, { slackLines: 3, zeroAtLines: 2 }).credit).toBe(1);
    expect(locationCredit([[5, 5]], [[1, 6]], 40, { slackLines: 3, zeroAtLines: 2 }).credit).toBe(0);
  });
});

describe('describeLines', () => {
  it('words one line, one range and several', () => {
    expect(describeLines([[39, 39]])).toBe('line 39');
    expect(describeLines([[42, 44]])).toBe('lines 42-44');
    expect(
      describeLines([
        [30, 30],
        [40, 40],
        [72, 73],
      ]),
    ).toBe('lines 30, 40 and 72-73');
    expect(describeLines([])).toBe('no lines');
  });
});
