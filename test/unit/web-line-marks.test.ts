/**
 * Marking lines in a bug-hunt (web/src/line-marks.ts): whatever the candidate clicks, the marks stay the
 * sorted, merged, 1-based inclusive ranges that the submission schema accepts and the bug-location check reads.
 */
import { describe, expect, it } from 'vitest';
import { bugHuntSubmissionSchema } from '../../server/content/schema.js';
import {
  describeRange,
  isMarked,
  type LineRange,
  MAX_RANGES,
  markRange,
  removeRange,
  toggleLine,
} from '../../web/src/line-marks.js';

function accepted(lines: LineRange[]): boolean {
  return bugHuntSubmissionSchema.safeParse({ kind: 'bug-hunt', lines, explanation: '', fix: null }).success;
}

describe('happy path: clicking a line', () => {
  it('marks an unmarked line as a one-line range', () => {
    expect(toggleLine([], 7)).toEqual([[7, 7]]);
  });

  it('a line next to a marked range joins it', () => {
    expect(toggleLine([[3, 5]], 6)).toEqual([[3, 6]]);
    expect(toggleLine([[3, 5]], 2)).toEqual([[2, 5]]);
  });

  it('a line filling the gap between two ranges joins them into one', () => {
    expect(
      toggleLine(
        [
          [1, 2],
          [4, 5],
        ],
        3,
      ),
    ).toEqual([[1, 5]]);
  });

  it('a line marked above the others is kept in line order', () => {
    expect(toggleLine([[10, 12]], 4)).toEqual([
      [4, 4],
      [10, 12],
    ]);
  });

  it('clicking a marked line unmarks it, splitting its range when it was in the middle', () => {
    expect(toggleLine([[3, 7]], 5)).toEqual([
      [3, 4],
      [6, 7],
    ]);
    expect(toggleLine([[3, 7]], 3)).toEqual([[4, 7]]);
    expect(toggleLine([[3, 7]], 7)).toEqual([[3, 6]]);
    expect(
      toggleLine(
        [
          [1, 1],
          [3, 3],
        ],
        3,
      ),
    ).toEqual([[1, 1]]);
  });

  it('clicking a line twice leaves the marks as they were', () => {
    const marks: LineRange[] = [
      [2, 4],
      [9, 9],
    ];
    expect(toggleLine(toggleLine(marks, 6), 6)).toEqual(marks);
  });

  it('leaves the marks it was given untouched, so the previous answer is not changed behind the page', () => {
    const marks: LineRange[] = [
      [1, 2],
      [4, 5],
    ];
    toggleLine(marks, 3);
    toggleLine(marks, 4);
    markRange(marks, 2, 8);
    expect(marks).toEqual([
      [1, 2],
      [4, 5],
    ]);
  });

  it('tells which lines are marked, ends included', () => {
    const marks: LineRange[] = [
      [3, 5],
      [9, 9],
    ];
    expect([2, 3, 4, 5, 6, 8, 9, 10].map((line) => isMarked(marks, line))).toEqual([
      false,
      true,
      true,
      true,
      false,
      false,
      true,
      false,
    ]);
  });
});

describe('happy path: shift-click and Shift+arrow', () => {
  it('marks every line between the two, whichever was clicked first', () => {
    expect(markRange([], 4, 9)).toEqual([[4, 9]]);
    expect(markRange([], 9, 4)).toEqual([[4, 9]]);
  });

  it('swallows ranges inside it and merges with ranges it overlaps or touches', () => {
    expect(
      markRange(
        [
          [2, 3],
          [5, 5],
          [8, 12],
          [20, 21],
        ],
        4,
        9,
      ),
    ).toEqual([
      [2, 12],
      [20, 21],
    ]);
  });

  it('extending over lines already marked changes nothing', () => {
    expect(markRange([[3, 9]], 4, 6)).toEqual([[3, 9]]);
  });
});

describe('happy path: the list of marked ranges', () => {
  it('removing a range unmarks exactly that range', () => {
    expect(
      removeRange(
        [
          [1, 2],
          [4, 6],
        ],
        [4, 6],
      ),
    ).toEqual([[1, 2]]);
  });

  it('removing a range that is not in the list changes nothing', () => {
    expect(removeRange([[1, 2]], [1, 3])).toEqual([[1, 2]]);
  });

  it('names a range the way a screen reader announces it', () => {
    expect(describeRange([4, 4])).toBe('line 4');
    expect(describeRange([4, 9])).toBe('lines 4–9');
  });
});

describe('bad input: the marks are always what the submission accepts', () => {
  it('any sequence of clicks yields sorted, merged ranges the submission schema accepts', () => {
    let marks: LineRange[] = [];
    for (const line of [9, 3, 4, 40, 5, 12, 4, 10, 11, 1]) marks = toggleLine(marks, line);
    marks = markRange(marks, 20, 15);
    expect(marks).toEqual([
      [1, 1],
      [3, 3],
      [5, 5],
      [9, 12],
      [15, 20],
      [40, 40],
    ]);
    expect(accepted(marks)).toBe(true);
  });

  it('MAX_RANGES is the submission schema’s limit: 50 ranges are accepted, 51 refused', () => {
    const separate = (count: number) => Array.from({ length: count }, (_, i): LineRange => [2 * i + 1, 2 * i + 1]);
    expect(MAX_RANGES).toBe(50);
    expect(accepted(separate(MAX_RANGES))).toBe(true);
    expect(accepted(separate(MAX_RANGES + 1))).toBe(false);
  });
});
