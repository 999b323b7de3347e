import { describe, expect, it } from 'vitest';
import { length } from '../../../server/grading/checks/length.js';
import { criterion, specExercise } from '../../helpers/exercises.js';

const exercise = specExercise();

function grade(text: string) {
  return length({
    exercise,
    criterion: criterion({ type: 'length', minWords: 5, maxWords: 10 }, 2),
    submission: { kind: 'spec', text },
  });
}

describe('the length check', () => {
  it('gives full points within the bounds, both bounds included', () => {
    expect(grade('one two three four five')).toEqual({
      score: 2,
      rationale: '5 words: within 5 to 10 words.',
      evidence: [],
    });
    expect(grade('a b c d e f g h i j').score).toBe(2);
  });

  it('gives nothing to an empty or a short answer', () => {
    expect(grade('')).toEqual({
      score: 0,
      rationale: '0 words: below the 5 to 10 words that earn points.',
      evidence: [],
    });
    expect(grade('Make it work.').rationale).toBe('3 words: below the 5 to 10 words that earn points.');
  });

  it('gives nothing to a padded answer', () => {
    expect(grade('word '.repeat(11))).toEqual({
      score: 0,
      rationale: '11 words: above the 5 to 10 words that earn points.',
      evidence: [],
    });
  });

  it('counts every word, code and quotations included', () => {
    expect(grade('Run `npm test` and see "all tests pass".').rationale).toBe('8 words: within 5 to 10 words.');
  });
});
