/**
 * Blind explanations (test/fixtures/blind-explanations.yaml), written for each bug-hunt exercise from its
 * brief, code and bug summary before the key patterns were read: five correct ones in different voices
 * (senior, junior, QA symptom report, terse review comment, non-native speaker) and three plausible wrong
 * ones. Every correct one must name a key concept and every wrong one none, so that a key change which
 * loses one of these phrasings, or starts firing on a wrong one, fails here.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { bugFound, namedConcepts } from '../../server/grading/verdict.js';
import { bugHuntIds, exerciseOf, locationCheckOf, REPO } from '../helpers/bug-hunts.js';

type BlindEntry = { exercise: string; correct: string[]; wrong: string[] };

const entries = parse(readFileSync(join(REPO, 'test', 'fixtures', 'blind-explanations.yaml'), 'utf8')) as BlindEntry[];

const conceptsNamed = (id: string, explanation: string) =>
  namedConcepts(exerciseOf(id).key.concepts, explanation).map(({ concept }) => concept.id);

/** The verdict for the explanation when the candidate marked exactly the bug's lines. */
const foundOnBugLines = (id: string, explanation: string) => {
  const exercise = exerciseOf(id);
  return bugFound(
    exercise,
    { kind: 'bug-hunt', lines: exercise.code.bug.ranges, explanation, fix: null },
    locationCheckOf(exercise),
  );
};

const correct = entries.flatMap(({ exercise, correct }) => correct.map((explanation) => ({ exercise, explanation })));
const wrong = entries.flatMap(({ exercise, wrong }) => wrong.map((explanation) => ({ exercise, explanation })));

describe('blind explanations of the bug-hunt exercises', () => {
  it('covers every bug-hunt exercise of the library with 5 correct and 3 wrong explanations', () => {
    expect(entries.map((e) => e.exercise).sort()).toEqual(bugHuntIds().sort());
    expect(entries.map((e) => [e.exercise, e.correct.length, e.wrong.length])).toEqual(
      entries.map((e) => [e.exercise, 5, 3]),
    );
  });

  it.each(correct)(
    '$exercise: "$explanation" names a key concept and is found on the bug lines',
    ({ exercise, explanation }) => {
      expect(conceptsNamed(exercise, explanation).length).toBeGreaterThan(0);
      expect(foundOnBugLines(exercise, explanation)).toBe(true);
    },
  );

  it.each(wrong)(
    '$exercise: "$explanation" names no key concept and is not found even on the bug lines',
    ({ exercise, explanation }) => {
      expect(conceptsNamed(exercise, explanation)).toEqual([]);
      expect(foundOnBugLines(exercise, explanation)).toBe(false);
    },
  );
});
