import { describe, expect, it } from 'vitest';
import type { SpecKey } from '../../../server/content/schema.js';
import { type CoverageCheck, coverage } from '../../../server/grading/checks/coverage.js';
import { criterion, specExercise } from '../../helpers/exercises.js';

const KEY: SpecKey = {
  edgeCases: [
    { id: 'token-expiry', description: 'Links expire.', patterns: ['expir', 'valid for \\d+'] },
    { id: 'single-use', description: 'A link works once.', patterns: ['single[- ]use', 'only once'] },
    { id: 'rate-limit', description: 'Requests are limited.', patterns: ['rate[- ]limit', 'at most \\d+ emails'] },
  ],
  concepts: [{ id: 'enumeration', description: 'No account leak.', patterns: ['enumerat', 'same message whether'] }],
};

const BRIEF = 'Reset links should expire. Keep it secure.';

function grade(text: string, of: CoverageCheck['of'] = 'edgeCases', key = KEY) {
  return coverage({
    exercise: specExercise({ brief: BRIEF, key }),
    criterion: criterion({ type: 'coverage', of }, 6),
    submission: { kind: 'spec', text },
  });
}

describe('the coverage check', () => {
  it('scores the share of items covered, with the sentence around the first match as evidence', () => {
    const text = '# Rules\n- A link is single-use.\n- The link is valid for 30 minutes. It expires then.';
    const result = grade(text);
    expect(result.score).toBe(4);
    expect(result.rationale).toBe('2 of 3 edge cases covered: missing rate-limit.');
    const expiry = '- The link is valid for 30 minutes.';
    const single = '- A link is single-use.';
    expect(result.evidence).toEqual([
      { quote: expiry, start: 32, end: 32 + expiry.length, verified: true, in: 'text', label: 'token-expiry' },
      { quote: single, start: 8, end: 8 + single.length, verified: true, in: 'text', label: 'single-use' },
    ]);
    expect(text.indexOf(expiry)).toBe(32);
  });

  it('does not count a quotation of the brief as covering an item', () => {
    const quoted = grade('The brief says "Reset links should expire." We send one link.');
    expect(quoted.score).toBe(0);
    expect(quoted.rationale).toBe(
      '0 of 3 edge cases covered: missing token-expiry, single-use, rate-limit. Quotations of the brief were not counted.',
    );
    const decided = grade('The brief says "Reset links should expire". Links expire after 30 minutes.');
    expect(decided.evidence.map((e) => [e.label, e.quote])).toEqual([
      ['token-expiry', 'Links expire after 30 minutes.'],
    ]);
  });

  it('reads concepts, or both lists, as the rubric asks', () => {
    const text = 'The page shows the same message whether or not the email exists. A link is single-use.';
    expect(grade(text, 'concepts').rationale).toBe('1 of 1 concepts covered.');
    expect(grade(text, 'concepts').score).toBe(6);
    const both = grade(text, 'both');
    expect(both.rationale).toBe('2 of 4 edge cases and concepts covered: missing token-expiry, rate-limit.');
    expect(both.score).toBe(3);
  });

  it('gives 0 and flags the criterion when the key has no items of the kind asked for', () => {
    const result = grade('Anything.', 'concepts', { ...KEY, concepts: [] });
    expect(result).toEqual({
      score: 0,
      rationale: 'The key lists no concepts, so coverage cannot be measured.',
      evidence: [],
      flags: [
        {
          code: 'check-not-applicable',
          message: 'The key lists no concepts for the coverage check.',
          criterion: 'coverage',
        },
      ],
    });
  });

  it('gives 0 to an empty spec', () => {
    expect(grade('').score).toBe(0);
  });
});
