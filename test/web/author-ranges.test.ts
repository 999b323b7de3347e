/** Line ranges typed by an author trying a bug-hunt answer (web/src/author-ranges.ts). */
import { describe, expect, it } from 'vitest';
import { formatLineRanges, parseLineRanges } from '../../web/src/author-ranges.js';

describe('happy path: lines and ranges as people write them', () => {
  it('reads lines and ranges separated by commas', () => {
    expect(parseLineRanges('12-14, 20', 30)).toEqual({
      ok: true,
      ranges: [
        [12, 14],
        [20, 20],
      ],
    });
  });

  it('accepts an en dash, "..", spaces around the dash, and spaces or semicolons between entries', () => {
    expect(parseLineRanges('3–4; 7 .. 8  10 - 11', 30)).toEqual({
      ok: true,
      ranges: [
        [3, 4],
        [7, 8],
        [10, 11],
      ],
    });
  });

  it('sorts and merges overlapping or touching ranges, as the candidate’s marks are', () => {
    expect(parseLineRanges('20, 12-14, 13-15, 16', 30)).toEqual({
      ok: true,
      ranges: [
        [12, 16],
        [20, 20],
      ],
    });
  });

  it('reads empty text as no lines marked', () => {
    expect(parseLineRanges('  ', 30)).toEqual({ ok: true, ranges: [] });
  });

  it('writes ranges back the way they are typed', () => {
    expect(
      formatLineRanges([
        [12, 14],
        [20, 20],
      ]),
    ).toBe('12-14, 20');
    expect(formatLineRanges([])).toBe('');
  });
});

describe('bad input: each refusal names the entry and says what to write', () => {
  it('refuses words and stray signs', () => {
    expect(parseLineRanges('12, abc', 30)).toEqual({
      ok: false,
      error: '“abc” is not a line or a range: write lines like 12, or ranges like 12-14.',
    });
    expect(parseLineRanges('-5', 30)).toMatchObject({ ok: false, error: expect.stringContaining('“-5”') });
    expect(parseLineRanges('1.5', 30)).toMatchObject({ ok: false, error: expect.stringContaining('“1.5”') });
  });

  it('refuses line 0', () => {
    expect(parseLineRanges('0-3', 30)).toEqual({ ok: false, error: '“0-3”: lines are numbered from 1.' });
  });

  it('refuses a backwards range and shows the right way round', () => {
    expect(parseLineRanges('14-12', 30)).toEqual({
      ok: false,
      error: '“14-12”: a range goes from the smaller line to the larger, like 12-14.',
    });
  });

  it('refuses lines past the end of the file', () => {
    expect(parseLineRanges('5-7', 6)).toEqual({ ok: false, error: '“5-7”: the file has 6 lines.' });
    expect(parseLineRanges('2', 1)).toEqual({ ok: false, error: '“2”: the file has 1 line.' });
  });

  it('refuses more separate ranges than a candidate may mark', () => {
    const many = Array.from({ length: 51 }, (_, i) => String(i * 2 + 1)).join(', ');
    expect(parseLineRanges(many, 200)).toEqual({
      ok: false,
      error: 'At most 50 separate ranges, as a candidate may mark; got 51.',
    });
    // 51 entries that merge into one range are fine.
    const touching = Array.from({ length: 51 }, (_, i) => String(i + 1)).join(',');
    expect(parseLineRanges(touching, 200)).toEqual({ ok: true, ranges: [[1, 51]] });
  });
});
