/**
 * The author's side of the exercise library (authors and admins): an exercise's key, and "try an answer",
 * which pre-grades a pasted answer and stores nothing. Typed from server/routes/exercises.ts through the
 * shared client (api.ts); each function returns the body or throws an ApiFailure with the server's message.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, client } from './api';
import { failureFrom } from './api-failure';

const exercise = client.api.staff.exercises[':id'];

export type ExerciseKey = InferResponseType<typeof exercise.key.$get, 200>;
export type KeyCriterion = ExerciseKey['rubric']['criteria'][number];
export type KeyItem = ExerciseKey['key']['concepts'][number];
export type BugCode = NonNullable<ExerciseKey['code']>;
export type TrySubmission = InferRequestType<typeof exercise.try.$post>['json']['submission'];
export type PreGrade = InferResponseType<typeof exercise.try.$post, 200>['pregrade'];
export type CriterionGrade = PreGrade['criteria'][number];
export type Evidence = CriterionGrade['evidence'][number];

export async function fetchKey(id: string, signal: AbortSignal): Promise<ExerciseKey> {
  const response = await call(() => exercise.key.$get({ param: { id } }, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

/** `llm: false` answers at once (the checks only); `llm: true` also waits for the judge, or answers 503. */
export async function tryAnswer(
  id: string,
  submission: TrySubmission,
  llm: boolean,
  signal: AbortSignal,
): Promise<PreGrade> {
  const response = await call(() =>
    exercise.try.$post({ param: { id }, json: { submission, llm } }, { init: { signal } }),
  );
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).pregrade;
}
