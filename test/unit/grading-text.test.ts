import { describe, expect, it } from 'vitest';
import { countWords, findAll, findFirst, fold, locateQuote, sentenceAround } from '../../server/grading/text.js';

describe('matching patterns on whitespace-folded text', () => {
  it('folds runs of whitespace and maps matches back to the original offsets', () => {
    const text = 'Links  expire\n\tafter 30 minutes.';
    expect(fold(text).text).toBe('Links expire after 30 minutes.');
    const [hit] = findAll(text, 'expire after \\d+');
    expect(hit).toEqual({ start: 7, end: 23 });
    expect(text.slice(hit?.start, hit?.end)).toBe('expire\n\tafter 30');
  });

  it('matches case-insensitively and finds every occurrence', () => {
    expect(findAll('TBD here, tbd there', 'tbd')).toEqual([
      { start: 0, end: 3 },
      { start: 10, end: 13 },
    ]);
  });

  it('returns the earliest match of several patterns', () => {
    expect(findFirst('an off-by-one error; it skips the first', ['skips the first', 'off-by-one'])).toEqual({
      start: 3,
      end: 13,
    });
    expect(findFirst('nothing here', ['absent'])).toBeNull();
  });
});

describe('the sentence around a match', () => {
  it('stops at sentence ends', () => {
    const text = 'First sentence. The link expires after 30 minutes. Last one.';
    const [hit] = findAll(text, 'expires');
    const s = sentenceAround(text, hit ?? { start: 0, end: 0 });
    expect(text.slice(s.start, s.end)).toBe('The link expires after 30 minutes.');
  });

  it('stops at list items and headings', () => {
    const text = '# Rules\n- Links expire after 30 minutes\n- Links are single-use\n';
    const [hit] = findAll(text, 'single');
    const s = sentenceAround(text, hit ?? { start: 0, end: 0 });
    expect(text.slice(s.start, s.end)).toBe('- Links are single-use');
  });
});

describe('verifying quotes', () => {
  it('finds a quote despite case and whitespace differences', () => {
    const text = 'The system MUST send\n  a reset link.';
    const span = locateQuote(text, 'must send a RESET link');
    expect(span).toEqual({ start: 11, end: 35 });
    expect(text.slice(span?.start, span?.end)).toBe('MUST send\n  a reset link');
  });

  it('answers null for a quote that is not there', () => {
    expect(locateQuote('The system sends a link.', 'the system sends an email')).toBeNull();
    expect(locateQuote('anything', '   ')).toBeNull();
  });
});

describe('counting words', () => {
  it('counts words with apostrophes and hyphens as one', () => {
    expect(countWords("It's a single-use link, valid for 30 minutes.")).toBe(8);
    expect(countWords('')).toBe(0);
  });
});
