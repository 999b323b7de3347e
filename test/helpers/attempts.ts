/**
 * Candidate work for staff-side tests, made through the real candidate API: an assessment of the two fixture
 * exercises, one invite per candidate, drafts saved and submitted.
 */
import { hashToken } from '../../server/auth/tokens.js';
import type { TestApp } from './test-app.js';
import { json } from './test-app.js';

export const FIXTURE_EXERCISES = ['canary-spec', 'canary-bug'] as const;

export const STRONG_SPEC = `# Behaviour
A reset link is single-use and expires after 30 minutes. The system sends it to the verified address of
the account and answers the same way whether or not the address has an account.`;

export const STRONG_BUG = {
  kind: 'bug-hunt',
  lines: [[4, 4]],
  explanation: 'The loop starts at index 1 and skips the first value.',
  fix: null,
} as const;

const post: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
const put = (body: unknown): RequestInit => ({
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

export async function createAssessment(
  t: TestApp,
  admin: string,
  input: { name?: string; minutes?: number; exerciseIds?: readonly string[] } = {},
): Promise<string> {
  const res = await t.app.request(
    '/api/staff/assessments',
    json(
      {
        name: input.name ?? 'Backend',
        exerciseIds: input.exerciseIds ?? FIXTURE_EXERCISES,
        minutes: input.minutes ?? 40,
      },
      { cookie: admin },
    ),
  );
  if (res.status !== 201) throw new Error(`create assessment: ${res.status} ${await res.text()}`);
  return ((await res.json()) as { id: string }).id;
}

export async function invite(
  t: TestApp,
  admin: string,
  assessmentId: string,
  candidate: { name?: string; email?: string } = {},
): Promise<{ inviteId: string; token: string }> {
  const res = await t.app.request(`/api/staff/assessments/${assessmentId}/invites`, json(candidate, { cookie: admin }));
  if (res.status !== 201) throw new Error(`invite: ${res.status} ${await res.text()}`);
  const body = (await res.json()) as { id: string; url: string };
  return { inviteId: body.id, token: body.url.split('/take/')[1] ?? '' };
}

/**
 * One candidate starts, saves the given answers and submits them (all, or only those in `submit`).
 * Answers the submission ids by exercise.
 */
export async function takeAttempt(
  t: TestApp,
  token: string,
  answers: { spec?: string; bug?: unknown },
  submit: readonly string[] = FIXTURE_EXERCISES,
): Promise<Record<string, string>> {
  await expectOk(t.app.request(`/api/take/${token}/start`, post));
  if (answers.spec !== undefined) {
    await expectOk(
      t.app.request(
        `/api/take/${token}/exercises/canary-spec/draft`,
        put({ baseRevision: 0, submission: { kind: 'spec', text: answers.spec } }),
      ),
    );
  }
  if (answers.bug !== undefined) {
    await expectOk(
      t.app.request(`/api/take/${token}/exercises/canary-bug/draft`, put({ baseRevision: 0, submission: answers.bug })),
    );
  }
  for (const exercise of submit) await expectOk(t.app.request(`/api/take/${token}/exercises/${exercise}/submit`, post));
  return submissionIds(t, token);
}

/** The ids of the token's submissions, by exercise id (candidates never see them). */
export async function submissionIds(t: TestApp, token: string): Promise<Record<string, string>> {
  const rows = await t.db.query<{ id: string; exercise_id: string }>(
    `SELECT s.id, s.exercise_id FROM submissions s JOIN attempts a ON a.id = s.attempt_id
       JOIN invites i ON i.id = a.invite_id WHERE i.token_hash = $1`,
    [hashToken(token)],
  );
  return Object.fromEntries(rows.map((r) => [r.exercise_id, r.id]));
}

async function expectOk(pending: Response | Promise<Response>): Promise<Response> {
  const res = await pending;
  if (!res.ok) throw new Error(`${res.url || 'request'}: ${res.status} ${await res.text()}`);
  return res;
}
