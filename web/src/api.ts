/**
 * The only way the web app talks to the server: Hono's typed client over the server's AppType, so that a
 * renamed route or field breaks `npm run typecheck` instead of a page. Each function returns the body of a
 * successful answer or throws an ApiFailure carrying the server's message.
 */
import { hc, type InferRequestType, type InferResponseType } from 'hono/client';
import type { AppType } from '../../server/app';
import { failureFrom, failureFromThrown } from './api-failure';

/** Shared with the candidate's client (take-api.ts): one typed client for the whole app. */
export const client = hc<AppType>('/');

type PreviewEndpoint = (typeof client.api.staff.exercises)[':id']['preview']['$get'];

export type Staff = InferResponseType<typeof client.api.auth.me.$get, 200>['user'];
export type ExerciseSummary = InferResponseType<typeof client.api.staff.exercises.$get, 200>['exercises'][number];
export type CandidateExercise = InferResponseType<PreviewEndpoint, 200>;
export type CandidateFile = CandidateExercise['files'][number];

export async function login(email: string, password: string): Promise<Staff> {
  const response = await call(() => client.api.auth.login.$post({ json: { email, password } }));
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).user;
}

export async function logout(): Promise<void> {
  const response = await call(() => client.api.auth.logout.$post());
  if (!response.ok) throw await failureFrom(response);
}

export async function fetchMe(signal: AbortSignal): Promise<Staff> {
  const response = await call(() => client.api.auth.me.$get({}, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).user;
}

export async function listExercises(signal: AbortSignal): Promise<ExerciseSummary[]> {
  const response = await call(() => client.api.staff.exercises.$get({}, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).exercises;
}

export async function previewExercise(id: string, signal: AbortSignal): Promise<CandidateExercise> {
  const response = await call(() =>
    client.api.staff.exercises[':id'].preview.$get({ param: { id } }, { init: { signal } }),
  );
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

/** Sends a request, turning "no response at all" into an ApiFailure the page can show. */
export async function call<R>(send: () => Promise<R>): Promise<R> {
  try {
    return await send();
  } catch (error) {
    throw failureFromThrown(error);
  }
}

export type ExportQuery = InferRequestType<typeof client.api.staff.export.$get>['query'];

/**
 * An export download as a plain link: the browser sends the session cookie and saves the file. Built by hand
 * because the client's $url needs an absolute base and this app's client is relative ('/'); the query is
 * typed from the route, so a renamed parameter still breaks typecheck.
 */
export function exportUrl(
  format: NonNullable<ExportQuery['format']>,
  assessment: string | null | undefined,
  what: NonNullable<ExportQuery['what']> = 'scores',
): string {
  // The server's default is the scores: their links stay as they were before the audit could be exported.
  const query = {
    format,
    ...(what === 'scores' ? {} : { what }),
    ...(assessment ? { assessment } : {}),
  } satisfies ExportQuery;
  return `/api/staff/export?${new URLSearchParams(query)}`;
}
