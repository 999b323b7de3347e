/**
 * The review workspace's side of the API (server/routes/submissions.ts, grading-jobs.ts, export.ts), through
 * the typed client of api.ts: a renamed field breaks `npm run typecheck` here, not a reviewer's page. Each
 * function returns the body of a successful answer or throws an ApiFailure carrying the server's message.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, client } from './api';
import { failureFrom } from './api-failure';

const submissions = client.api.staff.submissions;
const one = submissions[':id'];

export type QueueItem = InferResponseType<typeof submissions.$get, 200>['submissions'][number];
export type SubmissionState = QueueItem['state'];
export type SubmissionDetail = InferResponseType<typeof one.$get, 200>;
export type PreGrade = NonNullable<SubmissionDetail['pregrade']>;
export type CriterionGrade = PreGrade['criteria'][number];
export type Evidence = CriterionGrade['evidence'][number];
export type Flag = PreGrade['flags'][number];
export type CriterionInfo = SubmissionDetail['criteria'][number];
export type Review = SubmissionDetail['review'];
export type AuditEntry = SubmissionDetail['audit'][number];
export type ReviewBody = InferRequestType<typeof one.review.$post>['json'];
export type ReviewSaved = InferResponseType<typeof one.review.$post, 200>;

/** What the queue asks the server for; `state` is the comma-separated list the route reads. */
export type QueueQuery = { assessment?: string; exercise?: string; state?: string };
/** The filters the review page passes on, so that its "next" follows the queue the reviewer came from. */
export type DetailQuery = { assessment?: string; exercise?: string };

export async function fetchQueue(query: QueueQuery, signal: AbortSignal): Promise<QueueItem[]> {
  const response = await call(() => submissions.$get({ query }, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).submissions;
}

export async function fetchSubmission(id: string, query: DetailQuery, signal: AbortSignal): Promise<SubmissionDetail> {
  const response = await call(() => one.$get({ param: { id }, query }, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function saveReview(id: string, body: ReviewBody): Promise<ReviewSaved> {
  const response = await call(() => one.review.$post({ param: { id }, json: body }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function regradeSubmission(id: string): Promise<{ jobId: string | null }> {
  const response = await call(() => one.regrade.$post({ param: { id } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function retryGradingJob(jobId: string): Promise<void> {
  const response = await call(() => client.api.staff['grading-jobs'][':id'].retry.$post({ param: { id: jobId } }));
  if (!response.ok) throw await failureFrom(response);
}
