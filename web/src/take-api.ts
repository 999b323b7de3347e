/**
 * The candidate's side of the API, under the invite token, through the same typed client as the staff
 * pages (api.ts): a renamed field in server/routes/take.ts breaks `npm run typecheck` here. Each function
 * returns the body of a successful answer or throws an ApiFailure carrying the server's message.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, client } from './api';
import { failureFrom } from './api-failure';

const take = client.api.take[':token'];
const exercise = take.exercises[':exerciseId'];

export type TakeLanding = InferResponseType<typeof take.$get, 200>;
export type AttemptState = NonNullable<TakeLanding['attempt']>;
export type LandingExercise = TakeLanding['assessment']['exercises'][number];
export type TakeExercise = InferResponseType<typeof exercise.$get, 200>;
export type DraftBody = InferRequestType<typeof exercise.draft.$put>['json'];
export type Submission = DraftBody['submission'];
export type DraftSaved = InferResponseType<typeof exercise.draft.$put, 200>;
export type ExerciseSubmitted = InferResponseType<typeof exercise.submit.$post, 200>;

/**
 * Keep-alive requests may outlive the page (a closed tab) but browsers cap their bodies at 64 KB in total;
 * a larger draft goes as a plain request, and the local copy covers it if the page dies first.
 */
const KEEPALIVE_MAX_BYTES = 60 * 1024;

export async function fetchLanding(token: string, signal?: AbortSignal): Promise<TakeLanding> {
  const response = await call(() => take.$get({ param: { token } }, signal ? { init: { signal } } : {}));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function startAttempt(token: string): Promise<TakeLanding> {
  const response = await call(() => take.start.$post({ param: { token } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function fetchTakeExercise(token: string, exerciseId: string): Promise<TakeExercise> {
  const response = await call(() => exercise.$get({ param: { token, exerciseId } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function saveDraft(
  token: string,
  exerciseId: string,
  body: DraftBody,
  options: { keepalive: boolean },
): Promise<DraftSaved> {
  const keepalive = options.keepalive && new TextEncoder().encode(JSON.stringify(body)).length < KEEPALIVE_MAX_BYTES;
  const response = await call(() =>
    exercise.draft.$put({ param: { token, exerciseId }, json: body }, keepalive ? { init: { keepalive } } : {}),
  );
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function submitExercise(token: string, exerciseId: string): Promise<ExerciseSubmitted> {
  const response = await call(() => exercise.submit.$post({ param: { token, exerciseId } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function finishAttempt(token: string): Promise<TakeLanding> {
  const response = await call(() => take.finish.$post({ param: { token } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}
