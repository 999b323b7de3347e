/** The library's bug-hunt exercises, for tests that grade explanations against the real keys and rubrics. */
import { join } from 'node:path';
import { type BugHuntExercise, loadLibrary } from '../../server/content/library.js';
import type { BugLocationCheck } from '../../server/grading/verdict.js';

export const REPO = join(import.meta.dirname, '..', '..');

const library = new Map(
  loadLibrary(REPO).exercises.flatMap(({ exercise }) =>
    exercise?.kind === 'bug-hunt' ? [[exercise.id, exercise] as const] : [],
  ),
);

export function bugHuntIds(): string[] {
  return [...library.keys()];
}

export function exerciseOf(id: string): BugHuntExercise {
  const exercise = library.get(id);
  if (!exercise) throw new Error(`no bug-hunt exercise ${id} in the library`);
  return exercise;
}

export function locationCheckOf(exercise: BugHuntExercise): BugLocationCheck {
  for (const { check } of exercise.rubric.criteria) if (check?.type === 'bug-location') return check;
  throw new Error(`${exercise.id}: its rubric has no bug-location criterion`);
}
