/**
 * Evidence highlighting on the review page (web/src/review-evidence.ts): the pre-grade's UTF-16 offsets cut
 * the candidate's text into marked and unmarked runs, whatever the offsets (another program wrote them).
 */
import { describe, expect, it } from 'vitest';
import type { Evidence } from '../../web/src/review-api.js';
import {
  clampSpan,
  describeLines,
  hasTextHighlights,
  highlightsOf,
  segmentsOf,
} from '../../web/src/review-evidence.js';

const marked = (text: string, spans: { start: number; end: number }[]) =>
  segmentsOf(text, spans)
    .filter((s) => s.spans.length > 0)
    .map((s) => s.text);

const evidence = (patch: Partial<Evidence>): Evidence => ({
  quote: 'q',
  start: 0,
  end: 1,
  verified: true,
  in: 'text',
  ...patch,
});

describe('segments of the source view', () => {
  it('marks exactly the passages the offsets name and keeps every character in order', () => {
    const text = 'Links expire after 30 minutes. Admins may resend.';
    const segments = segmentsOf(text, [
      { start: 0, end: 5 },
      { start: 31, end: 37 },
    ]);
    expect(segments.map((s) => s.text).join('')).toBe(text);
    expect(
      marked(text, [
        { start: 0, end: 5 },
        { start: 31, end: 37 },
      ]),
    ).toEqual(['Links', 'Admins']);
    expect(segments[0]).toMatchObject({ start: 0, end: 5, spans: [0] });
  });

  it('splits overlapping passages so that the overlap belongs to both', () => {
    const segments = segmentsOf('abcdefgh', [
      { start: 1, end: 5 },
      { start: 3, end: 7 },
    ]);
    expect(segments.map((s) => [s.text, s.spans])).toEqual([
      ['a', []],
      ['bc', [0]],
      ['de', [0, 1]],
      ['fg', [1]],
      ['h', []],
    ]);
  });

  it('reads offsets as UTF-16 code units, so text after an emoji is marked where the server meant', () => {
    const text = 'Ship 🚀 on Friday';
    const start = text.indexOf('Friday');
    expect(start).toBe(11);
    expect(marked(text, [{ start, end: start + 6 }])).toEqual(['Friday']);
  });
});

describe('bad offsets: clamped, never thrown on, never half a character', () => {
  it('clamps a passage that runs past either end of the text', () => {
    expect(marked('short', [{ start: -4, end: 99 }])).toEqual(['short']);
    expect(clampSpan('short', { start: 3, end: 1e9 })).toEqual({ start: 3, end: 5 });
  });

  it('drops empty, inverted and non-numeric passages (an unverified quote has start = end = 0)', () => {
    const text = 'nothing to mark';
    expect(
      marked(text, [
        { start: 0, end: 0 },
        { start: 9, end: 2 },
        { start: Number.NaN, end: 4 },
      ]),
    ).toEqual([]);
    expect(segmentsOf(text, [{ start: 0, end: 0 }])).toEqual([{ text, start: 0, end: text.length, spans: [] }]);
  });

  it('widens a passage that would cut a surrogate pair, so no lone half is rendered', () => {
    const text = 'a🚀b';
    // 🚀 is code units 1 and 2: offsets 2..3 start inside it, 0..2 end inside it.
    expect(marked(text, [{ start: 2, end: 4 }])).toEqual(['🚀b']);
    expect(marked(text, [{ start: 0, end: 2 }])).toEqual(['a🚀']);
  });

  it('gives one unmarked segment for text with no passages, and none for empty text', () => {
    expect(segmentsOf('plain', [])).toEqual([{ text: 'plain', start: 0, end: 5, spans: [] }]);
    expect(segmentsOf('', [{ start: 0, end: 3 }])).toEqual([]);
  });
});

describe('what a selected criterion highlights', () => {
  it('sorts verified evidence by field and leaves unverified quotes out', () => {
    const h = highlightsOf([
      evidence({ in: 'text', start: 2, end: 6 }),
      evidence({ in: 'explanation', start: 0, end: 4 }),
      evidence({ in: 'fix', start: 10, end: 20 }),
      evidence({ in: 'lines', start: 39, end: 41 }),
      evidence({ in: 'explanation', start: 0, end: 0, verified: false }),
    ]);
    expect(h).toEqual({
      text: [{ start: 2, end: 6 }],
      explanation: [{ start: 0, end: 4 }],
      fix: [{ start: 10, end: 20 }],
      lines: [[39, 41]],
    });
    expect(hasTextHighlights(h)).toBe(true);
  });

  it('puts line ranges in order and never below line 1; lines alone do not switch to the source view', () => {
    const h = highlightsOf([evidence({ in: 'lines', start: 7, end: 3 }), evidence({ in: 'lines', start: 0, end: 2 })]);
    expect(h.lines).toEqual([
      [3, 7],
      [1, 2],
    ]);
    expect(hasTextHighlights(h)).toBe(false);
  });

  it('describes line evidence the way the code view does', () => {
    expect(describeLines(4, 4)).toBe('line 4');
    expect(describeLines(4, 6)).toBe('lines 4–6');
  });
});
