import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { MAX_DRAFT_BYTES } from '../../server/routes/take.js';
import { json, type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: string;
/** Every body sent under a candidate's token, for the canary sweep at the end. */
const candidateBodies: string[] = [];

beforeAll(async () => {
  t = await testApp();
});
// Some tests move the clock by days, past a session's lifetime: sign in afresh for each.
beforeEach(async () => {
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

async function newAssessment(body: Record<string, unknown> = {}) {
  const res = await t.app.request(
    '/api/staff/assessments',
    json({ name: 'Backend engineer', exerciseIds: ['canary-spec', 'canary-bug'], ...body }, { cookie: admin }),
  );
  expect(res.status).toBe(201);
  return (await res.json()) as { id: string; minutes: number; exerciseIds: string[] };
}

async function newInvite(assessmentId: string, body: Record<string, unknown> = { name: 'Ada' }) {
  const res = await t.app.request(`/api/staff/assessments/${assessmentId}/invites`, json(body, { cookie: admin }));
  expect(res.status).toBe(201);
  const invite = (await res.json()) as { id: string; url: string; expiresAt: string };
  return { ...invite, token: invite.url.split('/take/')[1] ?? '' };
}

/** A candidate request: records the body for the canary sweep. */
async function take(token: string, path: string, init: RequestInit = {}) {
  const res = await t.app.request(`/api/take/${token}${path}`, init);
  const text = await res.text();
  candidateBodies.push(text);
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

const put = (body: unknown): RequestInit => ({
  method: 'PUT',
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});
const post: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
const spec = (text: string) => ({ kind: 'spec', text });
const TAB_A = 'tab-a-0123456789abcd';
const TAB_B = 'tab-b-0123456789abcd';
const tab = (id: string, seq: number) => ({ id, seq });

/** Every stored revision of one exercise of the invite's attempt: number, text, conflict, superseded. */
async function revisions(token: string, exerciseId: string) {
  const rows = await t.db.query<{
    revision: number;
    submission: { text: string };
    conflict: boolean;
    superseded: boolean;
  }>(
    `SELECT revision, submission, conflict, superseded FROM draft_revisions d JOIN attempts a ON a.id = d.attempt_id
      JOIN invites i ON i.id = a.invite_id WHERE i.token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')
      AND d.exercise_id = $2 ORDER BY revision`,
    [token, exerciseId],
  );
  return rows.map((r) => [r.revision, r.submission.text, r.conflict, r.superseded]);
}

describe('staff create assessments and invites', () => {
  it('defaults the time limit to the sum of the exercises’ minutes', async () => {
    const a = await newAssessment();
    expect(a.minutes).toBe(40);
    expect(a.exerciseIds).toEqual(['canary-spec', 'canary-bug']);
    expect((await newAssessment({ minutes: 90 })).minutes).toBe(90);
  });

  it('refuses unknown exercises with 400 naming them', async () => {
    const res = await t.app.request(
      '/api/staff/assessments',
      json({ name: 'x', exerciseIds: ['canary-spec', 'nope'] }, { cookie: admin }),
    );
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('nope');
  });

  it('answers an invite link with a token of at least 128 random bits, stored only as a hash', async () => {
    const a = await newAssessment();
    const invite = await newInvite(a.id);
    expect(invite.url).toMatch(/^http:\/\/localhost\/take\/[\w-]{43}$/);
    const rows = await t.db.query<{ token_hash: string }>('SELECT token_hash FROM invites WHERE id = $1', [invite.id]);
    expect(rows[0]?.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(rows)).not.toContain(invite.token);
    expect(new Date(invite.expiresAt).getTime() - t.deps.clock().getTime()).toBe(14 * 86_400_000);
  });

  it('lets only admins create assessments and invites', async () => {
    const reviewer = await t.signIn('reviewer');
    const res = await t.app.request(
      '/api/staff/assessments',
      json({ name: 'x', exerciseIds: ['canary-spec'] }, { cookie: reviewer }),
    );
    expect(res.status).toBe(403);
    expect(
      (await t.app.request('/api/staff/assessments', json({ name: 'x', exerciseIds: ['canary-spec'] }))).status,
    ).toBe(401);
  });
});

describe('a candidate takes an assessment', () => {
  it('sees the landing page without any exercise content, starts, saves, submits and finishes', async () => {
    const a = await newAssessment();
    const { token } = await newInvite(a.id);

    const landing = await take(token, '');
    expect(landing.status).toBe(200);
    expect(landing.body).toMatchObject({
      assessment: {
        name: 'Backend engineer',
        minutes: 40,
        exercises: [
          { id: 'canary-spec', title: 'Password reset', kind: 'spec', minutes: 30 },
          { id: 'canary-bug', title: 'Sum of a list', kind: 'bug-hunt', minutes: 10 },
        ],
      },
      candidate: { name: 'Ada' },
      attempt: null,
    });
    expect(JSON.stringify(landing.body)).not.toContain('Let them reset it by email');
    expect((await take(token, '/exercises/canary-spec')).status).toBe(409);

    const started = await take(token, '/start', post);
    expect(started.status).toBe(200);
    expect(started.body.attempt.startedAt).toBe('2026-03-02T09:00:00.000Z');
    expect(started.body.attempt.deadlineAt).toBe('2026-03-02T09:40:00.000Z');
    const again = await take(token, '/start', post);
    expect(again.body.attempt.startedAt).toBe(started.body.attempt.startedAt);

    const spec = await take(token, '/exercises/canary-spec');
    expect(spec.status).toBe(200);
    expect(spec.body).toMatchObject({ exercise: { kind: 'spec', files: [] }, draft: null, submitted: null });
    expect(spec.body.exercise.brief).toContain('Let them reset it by email');

    const first = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 0, submission: { kind: 'spec', text: 'v1' } }),
    );
    expect(first.body).toMatchObject({ revision: 1, conflict: false, late: false });
    t.advance(5000);
    const second = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 1, submission: { kind: 'spec', text: 'v2' } }),
    );
    expect(second.body).toMatchObject({ revision: 2, conflict: false });
    expect((await take(token, '/exercises/canary-spec')).body.draft).toMatchObject({
      revision: 2,
      submission: { kind: 'spec', text: 'v2' },
    });

    const bug = await take(token, '/exercises/canary-bug');
    expect(bug.body.exercise.files).toEqual([
      { name: 'buggy.ts', language: 'typescript', content: expect.stringContaining('let i = 1') },
    ]);
    const answer = { kind: 'bug-hunt', lines: [[4, 4]], explanation: 'Starts at 1.', fix: null };
    expect(
      (await take(token, '/exercises/canary-bug/draft', put({ baseRevision: 0, submission: answer }))).status,
    ).toBe(200);

    const submitted = await take(token, '/exercises/canary-spec/submit', post);
    expect(submitted.body).toEqual({
      exerciseId: 'canary-spec',
      revision: 2,
      submittedAt: '2026-03-02T09:00:05.000Z',
      lateMs: 0,
    });
    const locked = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 2, submission: { kind: 'spec', text: 'v3' } }),
    );
    expect(locked.status).toBe(409);

    const finished = await take(token, '/finish', post);
    expect(finished.body.attempt.finishedAt).toBe('2026-03-02T09:00:05.000Z');
    expect(finished.body.attempt.exercises).toEqual([
      { id: 'canary-spec', submitted: true, submittedAt: '2026-03-02T09:00:05.000Z', lateMs: 0 },
      { id: 'canary-bug', submitted: true, submittedAt: '2026-03-02T09:00:05.000Z', lateMs: 0 },
    ]);
    const rows = await t.db.query<{ exercise_id: string; submission: unknown }>(
      'SELECT exercise_id, submission FROM submissions ORDER BY exercise_id',
    );
    expect(rows.find((r) => r.exercise_id === 'canary-bug')?.submission).toEqual(answer);
  });

  it('keeps both revisions when two tabs save from the same base, and says so', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 0, submission: { kind: 'spec', text: 'base' } }),
    );
    const tabA = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 1, submission: { kind: 'spec', text: 'tab A' } }),
    );
    const tabB = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 1, submission: { kind: 'spec', text: 'tab B' } }),
    );
    expect(tabA.body).toMatchObject({ revision: 2, conflict: false, latestBefore: 1 });
    expect(tabB.body).toMatchObject({ revision: 3, conflict: true, latestBefore: 2 });
    const kept = await t.db.query<{ revision: number; submission: { text: string } }>(
      `SELECT revision, submission FROM draft_revisions d JOIN attempts a ON a.id = d.attempt_id
        JOIN invites i ON i.id = a.invite_id WHERE i.token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')
        AND d.exercise_id = 'canary-spec' ORDER BY revision`,
      [token],
    );
    expect(kept.map((r) => [r.revision, r.submission.text])).toEqual([
      [1, 'base'],
      [2, 'tab A'],
      [3, 'tab B'],
    ]);
  });

  it('keeps both saves of a tab when the page-close save overtakes the one in flight, the newer as the latest', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    const draftPath = '/exercises/canary-spec/draft';
    await take(token, draftPath, put({ baseRevision: 0, submission: spec('The link'), tab: tab(TAB_A, 1) }));
    // The save of "…expires" is in flight when the page closes and sends "…expires after 7 days" beside it;
    // the server gets the page-close save first.
    t.advance(20);
    const closedAt = t.deps.clock().toISOString();
    const closing = await take(
      token,
      draftPath,
      put({ baseRevision: 1, submission: spec('The link expires after 7 days'), tab: tab(TAB_A, 3) }),
    );
    t.advance(20);
    const inFlight = await take(
      token,
      draftPath,
      put({ baseRevision: 1, submission: spec('The link expires'), tab: tab(TAB_A, 2) }),
    );
    expect(closing.body).toMatchObject({ revision: 2, conflict: false, superseded: false });
    expect(inFlight.body).toMatchObject({ revision: 3, conflict: false, superseded: true });

    expect((await take(token, '/exercises/canary-spec')).body.draft).toEqual({
      revision: 2,
      submission: spec('The link expires after 7 days'),
      savedAt: closedAt,
      tabId: TAB_A,
    });
    expect(await revisions(token, 'canary-spec')).toEqual([
      [1, 'The link', false, false],
      [2, 'The link expires after 7 days', false, false],
      [3, 'The link expires', false, true],
    ]);
    const submitted = await take(token, '/exercises/canary-spec/submit', post);
    expect(submitted.body).toMatchObject({ revision: 2 });
    const stored = await t.db.query<{ submission: unknown }>(
      `SELECT s.submission FROM submissions s JOIN attempts a ON a.id = s.attempt_id JOIN invites i ON i.id = a.invite_id
        WHERE i.token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') AND s.exercise_id = 'canary-spec'`,
      [token],
    );
    expect(stored.map((r) => r.submission)).toEqual([spec('The link expires after 7 days')]);
  });

  it('in the usual order a tab’s page-close save lands last and is its own, not a conflict', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    const draftPath = '/exercises/canary-spec/draft';
    await take(token, draftPath, put({ baseRevision: 0, submission: spec('a'), tab: tab(TAB_A, 1) }));
    const inFlight = await take(token, draftPath, put({ baseRevision: 1, submission: spec('ab'), tab: tab(TAB_A, 2) }));
    const closing = await take(token, draftPath, put({ baseRevision: 1, submission: spec('abc'), tab: tab(TAB_A, 3) }));
    expect(inFlight.body).toMatchObject({ revision: 2, conflict: false, superseded: false });
    expect(closing.body).toMatchObject({ revision: 3, conflict: false, superseded: false });
    expect((await take(token, '/exercises/canary-spec')).body.draft).toMatchObject({ revision: 3, tabId: TAB_A });
  });

  it('still reports another tab’s save in between as a conflict, and orders each tab by its own numbers', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    const draftPath = '/exercises/canary-spec/draft';
    await take(token, draftPath, put({ baseRevision: 0, submission: spec('base'), tab: tab(TAB_A, 1) }));
    const a = await take(token, draftPath, put({ baseRevision: 1, submission: spec('A1'), tab: tab(TAB_A, 2) }));
    const b = await take(token, draftPath, put({ baseRevision: 1, submission: spec('B1'), tab: tab(TAB_B, 1) }));
    const a2 = await take(token, draftPath, put({ baseRevision: 2, submission: spec('A2'), tab: tab(TAB_A, 3) }));
    // Tab B's seq 1 is below tab A's 3, but each tab is ordered only against itself.
    const b2 = await take(token, draftPath, put({ baseRevision: 3, submission: spec('B2'), tab: tab(TAB_B, 2) }));
    expect([a, b, a2, b2].map((r) => [r.body.revision, r.body.conflict, r.body.superseded])).toEqual([
      [2, false, false],
      [3, true, false],
      [4, true, false],
      [5, true, false],
    ]);
    expect((await take(token, '/exercises/canary-spec')).body.draft).toMatchObject({
      revision: 5,
      submission: spec('B2'),
      tabId: TAB_B,
    });
  });

  it('orders saves of a client that names no tab by arrival, as before, beside tabs that do', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    const draftPath = '/exercises/canary-spec/draft';
    await take(token, draftPath, put({ baseRevision: 0, submission: spec('tab'), tab: tab(TAB_A, 5) }));
    const old = await take(token, draftPath, put({ baseRevision: 1, submission: spec('old client') }));
    expect(old.body).toMatchObject({ revision: 2, conflict: false, superseded: false });
    const again = await take(token, draftPath, put({ baseRevision: 1, submission: spec('old client again') }));
    expect(again.body).toMatchObject({ revision: 3, conflict: true, superseded: false });
    // A save of tab A after the old client's is based on A's own last revision: another client saved since.
    const tabAgain = await take(
      token,
      draftPath,
      put({ baseRevision: 1, submission: spec('tab'), tab: tab(TAB_A, 6) }),
    );
    expect(tabAgain.body).toMatchObject({ revision: 4, conflict: true, superseded: false });
    expect((await take(token, '/exercises/canary-spec')).body.draft).toMatchObject({ revision: 4, tabId: TAB_A });
  });

  it('gives one submission for a double click, a retry or two tabs', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    await take(
      token,
      '/exercises/canary-bug/draft',
      put({ baseRevision: 0, submission: { kind: 'bug-hunt', lines: [[4, 4]], explanation: 'x', fix: null } }),
    );
    const results = await Promise.all([1, 2, 3].map(() => take(token, '/exercises/canary-bug/submit', post)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body.submittedAt)).size).toBe(1);
    const count = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM submissions s JOIN attempts a ON a.id = s.attempt_id
        JOIN invites i ON i.id = a.invite_id WHERE i.token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [token],
    );
    expect(count[0]?.n).toBe(1);
  });

  it('accepts work after the deadline and marks it late with the delay', async () => {
    const { token } = await newInvite((await newAssessment({ minutes: 10 })).id);
    await take(token, '/start', post);
    t.advance(10 * 60_000 + 3_000);
    const saved = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 0, submission: { kind: 'spec', text: 'late words' } }),
    );
    expect(saved.body).toMatchObject({ revision: 1, late: true });
    const submitted = await take(token, '/exercises/canary-spec/submit', post);
    expect(submitted.body).toMatchObject({ revision: 1, lateMs: 3_000 });
  });

  it('serves the version the attempt started on after the files change', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    const before = await take(token, '/exercises/canary-bug');
    const original = t.deps.content;
    const current = original.exercise('canary-bug');
    if (current?.kind !== 'bug-hunt') throw new Error('fixture missing');
    const edited = { ...current, version: 'edited000000', code: { ...current.code, buggy: 'changed' } };
    t.deps.content = { ...original, exercise: (id) => (id === 'canary-bug' ? edited : original.exercise(id)) };
    try {
      const after = await take(token, '/exercises/canary-bug');
      expect(after.body.exercise).toEqual(before.body.exercise);
    } finally {
      t.deps.content = original;
    }
  });
});

describe('bad input changes nothing', () => {
  it('answers an unknown token with 404 and a revoked one with 404', async () => {
    const unknown = await take('x'.repeat(43), '');
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('This link is not valid');
    const a = await newAssessment();
    const invite = await newInvite(a.id);
    const revoked = await t.app.request(`http://localhost/api/staff/invites/${invite.id}`, {
      method: 'DELETE',
      headers: { cookie: admin, origin: 'http://localhost' },
    });
    expect(revoked.status).toBe(200);
    const res = await take(invite.token, '');
    expect(res.status).toBe(404);
    expect(res.body.error.message).toBe('This link was withdrawn by the team that sent it. Ask them for a new one.');
  });

  it('refuses a save with 404 once its invite is revoked, though the saves before it went through', async () => {
    const a = await newAssessment();
    const invite = await newInvite(a.id);
    await take(invite.token, '/start', post);
    // Two saves: the second runs on what the first remembered of the token (ADR 021).
    for (const [base, text] of [
      [0, 'first'],
      [1, 'second'],
    ] as const) {
      const saved = await take(
        invite.token,
        '/exercises/canary-spec/draft',
        put({ baseRevision: base, submission: spec(text) }),
      );
      expect(saved.status).toBe(200);
    }
    const revoked = await t.app.request(`http://localhost/api/staff/invites/${invite.id}`, {
      method: 'DELETE',
      headers: { cookie: admin, origin: 'http://localhost' },
    });
    expect(revoked.status).toBe(200);
    const refused = await take(
      invite.token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 2, submission: spec('after the revoke') }),
    );
    expect(refused.status).toBe(404);
    expect(refused.body.error.message).toBe(
      'This link was withdrawn by the team that sent it. Ask them for a new one.',
    );
    expect((await revisions(invite.token, 'canary-spec')).map((r) => r[1])).toEqual(['first', 'second']);
  });

  it('answers an expired invite with 410, but lets an attempt already under way continue', async () => {
    const a = await newAssessment();
    const unused = await newInvite(a.id);
    const started = await newInvite(a.id);
    await take(started.token, '/start', post);
    t.advance(15 * 86_400_000);
    const expired = await take(unused.token, '');
    expect(expired.status).toBe(410);
    expect(expired.body.error.code).toBe('gone');
    expect((await take(started.token, '')).status).toBe(200);
  });

  it('answers a malformed draft with 400 and the issues, a wrong kind with 400, and keeps the saved draft', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 0, submission: { kind: 'spec', text: 'kept' } }),
    );
    const malformed = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 'one', submission: { kind: 'spec' } }),
    );
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.issues.map((i: { path: string }) => i.path).sort()).toEqual([
      'baseRevision',
      'submission.text',
    ]);
    const wrongKind = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 1, submission: { kind: 'bug-hunt', lines: [], explanation: '', fix: null } }),
    );
    expect(wrongKind.status).toBe(400);
    const outside = await take(
      token,
      '/exercises/canary-bug/draft',
      put({ baseRevision: 0, submission: { kind: 'bug-hunt', lines: [[5, 99]], explanation: '', fix: null } }),
    );
    expect(outside.status).toBe(400);
    expect(outside.body.error.message).toBe("Marked lines 5-99 go past the file's 6 lines.");
    expect((await take(token, '/exercises/canary-spec')).body.draft).toMatchObject({
      revision: 1,
      submission: { text: 'kept' },
    });
  });

  it('answers a malformed tab with 400 naming the field, and stores nothing', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    const cases = [
      [{ id: 'short', seq: 1 }, ['tab.id']],
      [{ id: 'has spaces and <html> 0123456789', seq: 1 }, ['tab.id']],
      [{ id: TAB_A, seq: 0 }, ['tab.seq']],
      [{ id: TAB_A, seq: 1.5 }, ['tab.seq']],
      [{ id: TAB_A }, ['tab.seq']],
      ['tab-a', ['tab']],
    ] as const;
    for (const [badTab, paths] of cases) {
      const res = await take(
        token,
        '/exercises/canary-spec/draft',
        put({ baseRevision: 0, submission: spec('x'), tab: badTab }),
      );
      expect(res.status).toBe(400);
      expect(res.body.error.issues.map((i: { path: string }) => i.path)).toEqual(paths);
    }
    expect((await take(token, '/exercises/canary-spec')).body.draft).toBeNull();
  });

  it('answers a save overtaken by a newer one of its tab with 409 once the exercise is submitted', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 0, submission: spec('b'), tab: tab(TAB_A, 2) }),
    );
    await take(token, '/exercises/canary-spec/submit', post);
    const late = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 0, submission: spec('a'), tab: tab(TAB_A, 1) }),
    );
    expect(late.status).toBe(409);
    expect(await revisions(token, 'canary-spec')).toEqual([[1, 'b', false, false]]);
  });

  it('answers a draft over 256 KB with 413 naming the limit', async () => {
    const { token } = await newInvite((await newAssessment()).id);
    await take(token, '/start', post);
    const res = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 0, submission: { kind: 'spec', text: 'x'.repeat(MAX_DRAFT_BYTES) } }),
    );
    expect(res.status).toBe(413);
    expect(res.body.error.message).toBe('A draft may be at most 256 KB. Shorten it to save.');
    expect((await take(token, '/exercises/canary-spec')).body.draft).toBeNull();
  });

  it('answers an exercise outside the assessment with 404, and saving after finish with 409', async () => {
    const { token } = await newInvite((await newAssessment({ exerciseIds: ['canary-spec'] })).id);
    await take(token, '/start', post);
    expect((await take(token, '/exercises/canary-bug')).status).toBe(404);
    await take(token, '/finish', post);
    const res = await take(
      token,
      '/exercises/canary-spec/draft',
      put({ baseRevision: 0, submission: { kind: 'spec', text: 'x' } }),
    );
    expect(res.status).toBe(409);
  });
});

describe('what candidates must never receive', () => {
  it('no candidate response of the attempts above contains any private canary', () => {
    expect(candidateBodies.length).toBeGreaterThan(40);
    expect(candidateBodies.some((body) => body.includes('for (let i = 1;'))).toBe(true);
    const leaks = candidateBodies.filter((body) => body.includes('PRIVATE-CANARY'));
    expect(leaks).toEqual([]);
  });
});
