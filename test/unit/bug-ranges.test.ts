import { describe, expect, it } from 'vitest';
import { diffRanges, lineCount, mergeRanges } from '../../server/content/bug-ranges.js';

describe('the bug location is the lines of buggy that the diff to fixed touches', () => {
  it('a changed line', () => {
    expect(diffRanges('a\nb\nc\n', 'a\nB\nc\n')).toEqual({ ranges: [[2, 2]], touchedLines: 1 });
  });

  it('two separate hunks stay separate; adjacent ones merge', () => {
    expect(diffRanges('a\nb\nc\nd\ne\nf\n', 'A\nb\nc\nd\nE\nf\n').ranges).toEqual([
      [1, 1],
      [5, 5],
    ]);
    expect(diffRanges('a\nb\nc\n', 'A\nB\nc\n').ranges).toEqual([[1, 2]]);
  });

  it('a pure insertion touches the lines on both sides of it', () => {
    expect(diffRanges('a\nb\nc\n', 'a\nb\nguard\nc\n')).toEqual({ ranges: [[2, 3]], touchedLines: 1 });
  });

  it('an insertion before the first line touches line 1 only', () => {
    expect(diffRanges('a\nb\n', 'x\na\nb\n').ranges).toEqual([[1, 1]]);
  });

  it('a deleted line', () => {
    expect(diffRanges('a\nb\nc\n', 'a\nc\n')).toEqual({ ranges: [[2, 2]], touchedLines: 1 });
  });

  it('identical files have no bug', () => {
    expect(diffRanges('a\n', 'a\n')).toEqual({ ranges: [], touchedLines: 0 });
  });

  it('counts lines with and without a final newline', () => {
    expect([lineCount(''), lineCount('a'), lineCount('a\n'), lineCount('a\nb')]).toEqual([0, 1, 1, 2]);
  });

  it('merges overlapping and touching ranges', () => {
    expect(
      mergeRanges([
        [5, 6],
        [1, 2],
        [3, 3],
        [9, 9],
      ]),
    ).toEqual([
      [1, 3],
      [5, 6],
      [9, 9],
    ]);
  });
});
