/**
 * The admin pages' side of the API (staff users, assessments, invites), through the app's one typed client
 * (api.ts): a renamed field in server/routes/users.ts or assessments.ts breaks `npm run typecheck` here.
 * Each function returns the body of a successful answer or throws an ApiFailure carrying the server's message.
 */
import type { InferRequestType, InferResponseType } from 'hono/client';
import { call, client } from './api';
import { failureFrom } from './api-failure';

const users = client.api.staff.users;
const assessments = client.api.staff.assessments;
const assessment = assessments[':id'];

export type StaffUser = InferResponseType<typeof users.$get, 200>['users'][number];
export type Role = StaffUser['role'];
export type AddedUser = InferResponseType<typeof users.$post, 201>;
export type UserChange = InferRequestType<(typeof users)[':id']['$patch']>['json'];

export type AssessmentListing = InferResponseType<typeof assessments.$get, 200>['assessments'][number];
export type AttemptState = keyof AssessmentListing['byState'];
export type NewAssessment = InferRequestType<typeof assessments.$post>['json'];
export type CreatedAssessment = InferResponseType<typeof assessments.$post, 201>;
export type AssessmentDetail = InferResponseType<typeof assessment.$get, 200>;
export type InviteProgress = AssessmentDetail['invites'][number];
export type Settings = Pick<AssessmentDetail['assessment'], 'anonymous' | 'blind'>;
export type NewInvite = InferRequestType<typeof assessment.invites.$post>['json'];
export type CreatedInvite = InferResponseType<typeof assessment.invites.$post, 201>;

export async function listUsers(signal: AbortSignal): Promise<StaffUser[]> {
  const response = await call(() => users.$get({}, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).users;
}

export async function addUser(body: { email: string; role: Role }): Promise<AddedUser> {
  const response = await call(() => users.$post({ json: body }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function changeUser(id: string, change: UserChange): Promise<StaffUser> {
  const response = await call(() => users[':id'].$patch({ param: { id }, json: change }));
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).user;
}

export async function listAssessments(signal: AbortSignal): Promise<AssessmentListing[]> {
  const response = await call(() => assessments.$get({}, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return (await response.json()).assessments;
}

export async function createAssessment(body: NewAssessment): Promise<CreatedAssessment> {
  const response = await call(() => assessments.$post({ json: body }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function fetchAssessment(id: string, signal: AbortSignal): Promise<AssessmentDetail> {
  const response = await call(() => assessment.$get({ param: { id } }, { init: { signal } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function changeSettings(id: string, change: Partial<Settings>): Promise<Settings> {
  const response = await call(() => assessment.$patch({ param: { id }, json: change }));
  if (!response.ok) throw await failureFrom(response);
  const { anonymous, blind } = await response.json();
  return { anonymous, blind };
}

export async function inviteCandidate(assessmentId: string, body: NewInvite): Promise<CreatedInvite> {
  const response = await call(() => assessment.invites.$post({ param: { id: assessmentId }, json: body }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}

export async function revokeInvite(inviteId: string): Promise<{ id: string; revokedAt: string }> {
  const response = await call(() => client.api.staff.invites[':id'].$delete({ param: { id: inviteId } }));
  if (!response.ok) throw await failureFrom(response);
  return response.json();
}
