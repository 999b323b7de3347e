import { describe, expect, it } from 'vitest';
import type { KeyItem } from '../../../server/content/schema.js';
import { type BugConceptsCheck, bugConcepts } from '../../../server/grading/checks/bug-concepts.js';
import { bugHuntExercise, criterion } from '../../helpers/exercises.js';

const BUGGY = 'let total = 0;\nfor (let i = 1; i < values.length; i++) total += values[i];\n';
const FIXED = 'let total = 0;\nfor (let i = 0; i < values.length; i++) total += values[i];\n';
const CONCEPTS: KeyItem[] = [
  {
    id: 'off-by-one',
    description: 'The loop starts one too late.',
    patterns: ['off[- ]by[- ]one', 'skips? the first'],
  },
  { id: 'first-element-lost', description: 'The first value is never added.', patterns: ['first (value|element)'] },
];

const EXERCISE = bugHuntExercise({ buggy: BUGGY, fixed: FIXED, summary: 'The loop starts at 1.', concepts: CONCEPTS });

function grade(explanation: string, full = 1) {
  const check: BugConceptsCheck = { type: 'bug-concepts', full };
  return bugConcepts({
    exercise: EXERCISE,
    criterion: criterion(check),
    submission: { kind: 'bug-hunt', lines: [[2, 2]], explanation, fix: null },
  });
}

describe('bug-concepts: happy path', () => {
  it('one named concept earns full points, with its sentence as evidence', () => {
    const explanation = 'The loop looks fine at first glance. It is an off-by-one: i starts at 1. Nothing else.';
    expect(grade(explanation)).toEqual({
      score: 4,
      rationale: 'names 1 of 2 key concepts (off-by-one), not first-element-lost; 1 needed for full points',
      evidence: [
        {
          quote: 'It is an off-by-one: i starts at 1.',
          start: 37,
          end: 72,
          verified: true,
          in: 'explanation',
          label: 'off-by-one',
        },
      ],
    });
  });

  it('with full: 2, each named concept earns half the points', () => {
    expect(grade('An off by one.', 2).score).toBe(2);
    const both = grade('An off by one. So the first value is never added.', 2);
    expect(both.score).toBe(4);
    expect(both.evidence.map((e) => [e.label, e.quote])).toEqual([
      ['off-by-one', 'An off by one.'],
      ['first-element-lost', 'So the first value is never added.'],
    ]);
    expect(both.rationale).toBe('names 2 of 2 key concepts (off-by-one, first-element-lost); 2 needed for full points');
  });

  it('matches across case and line breaks, with offsets into the original text', () => {
    const explanation = 'Classic OFF BY\n   ONE.';
    const [evidence] = grade(explanation).evidence;
    expect(evidence).toMatchObject({ start: 0, end: 22, quote: 'Classic OFF BY\n   ONE.' });
  });

  it('a concept named twice is one concept, evidenced by its first mention', () => {
    const result = grade('Off by one here. Really, off by one.', 2);
    expect(result.score).toBe(2);
    expect(result.evidence.map((e) => e.quote)).toEqual(['Off by one here.']);
  });
});

describe('bug-concepts: answers that name nothing', () => {
  it('an explanation naming no concept earns nothing', () => {
    expect(grade('It should use reduce instead of a loop.')).toEqual({
      score: 0,
      rationale: 'names none of the 2 key concepts (off-by-one, first-element-lost)',
      evidence: [],
    });
  });

  it('an empty or blank explanation earns nothing', () => {
    expect(grade('')).toEqual({ score: 0, rationale: 'no explanation written', evidence: [] });
    expect(grade('  \n\t ')).toEqual({ score: 0, rationale: 'no explanation written', evidence: [] });
  });
});
