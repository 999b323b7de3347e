/** How each exercise kind is named on screen. A new kind fails typecheck here until it has a name. */
import type { CandidateExercise } from './api';

export type ExerciseKind = CandidateExercise['kind'];

const KIND_LABELS = {
  spec: 'Spec writing',
  'bug-hunt': 'Bug hunt',
} as const satisfies Record<ExerciseKind, string>;

export function kindLabel(kind: ExerciseKind): string {
  return KIND_LABELS[kind];
}

/** The library also lists exercises that failed to load, whose kind is whatever the author typed. */
export function isExerciseKind(kind: string | null): kind is ExerciseKind {
  return kind !== null && Object.hasOwn(KIND_LABELS, kind);
}
