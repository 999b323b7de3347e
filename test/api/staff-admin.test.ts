/**
 * Admin pages' API (docs/review.md): staff users (one-time password, role change, deactivation ending
 * sessions, the last admin kept), assessments with each attempt's state and review settings, and the author
 * preview's key and "try an answer".
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAssessment, invite, STRONG_BUG, STRONG_SPEC, takeAttempt } from '../helpers/attempts.js';
import { json, type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn('admin');
});
afterAll(() => t.close());

const get = (path: string, cookie = admin) => t.app.request(path, { headers: { cookie } });
const patch = (path: string, body: unknown, cookie = admin) =>
  t.app.request(path, {
    method: 'PATCH',
    headers: { 'content-type': 'application/json', cookie },
    body: JSON.stringify(body),
  });

describe('staff users', () => {
  it('adds a user whose one-time password signs them in, and refuses a taken email with 409', async () => {
    const res = await t.app.request(
      '/api/staff/users',
      json({ email: 'Rita@example.test', role: 'reviewer' }, { cookie: admin }),
    );
    expect(res.status).toBe(201);
    const { user, password } = (await res.json()) as {
      user: { email: string; role: string; active: boolean };
      password: string;
    };
    expect(user).toMatchObject({ email: 'Rita@example.test', role: 'reviewer', active: true });
    expect(password.length).toBeGreaterThanOrEqual(20);
    const login = await t.app.request('/api/auth/login', json({ email: 'rita@example.test', password }));
    expect(login.status).toBe(200);

    const again = await t.app.request(
      '/api/staff/users',
      json({ email: 'rita@EXAMPLE.test', role: 'author' }, { cookie: admin }),
    );
    expect(again.status).toBe(409);
    const list = (await (await get('/api/staff/users')).json()) as { users: { email: string }[] };
    expect(list.users.filter((u) => u.email.toLowerCase() === 'rita@example.test')).toHaveLength(1);
  });

  it('changes a role, and deactivating ends the user’s sessions at once', async () => {
    const reviewer = await t.signIn('reviewer');
    const me = (await (await get('/api/auth/me', reviewer)).json()) as { user: { id: string } };
    const promoted = await patch(`/api/staff/users/${me.user.id}`, { role: 'author' });
    expect(promoted.status).toBe(200);
    expect(((await (await get('/api/auth/me', reviewer)).json()) as { user: { role: string } }).user.role).toBe(
      'author',
    );

    const deactivated = await patch(`/api/staff/users/${me.user.id}`, { active: false });
    expect(((await deactivated.json()) as { user: { active: boolean } }).user.active).toBe(false);
    expect((await get('/api/auth/me', reviewer)).status).toBe(401);
    const [sessions] = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM sessions WHERE user_id = $1', [
      me.user.id,
    ]);
    expect(sessions?.n).toBe(0);
  });

  it('keeps the last active admin: neither demoted nor deactivated', async () => {
    const solo = await testApp();
    try {
      const cookie = await solo.signIn('admin');
      const me = (await (await solo.app.request('/api/auth/me', { headers: { cookie } })).json()) as {
        user: { id: string };
      };
      const demote = await solo.app.request(`/api/staff/users/${me.user.id}`, {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', cookie },
        body: JSON.stringify({ role: 'reviewer' }),
      });
      expect(demote.status).toBe(409);
      expect(await demote.text()).toMatch(/last active admin/);
      const still = await solo.app.request('/api/auth/me', { headers: { cookie } });
      expect(((await still.json()) as { user: { role: string } }).user.role).toBe('admin');
    } finally {
      await solo.close();
    }
  });

  it('refuses an empty change and an unknown user', async () => {
    expect((await patch('/api/staff/users/nope', {})).status).toBe(400);
    expect((await patch('/api/staff/users/nope', { active: false })).status).toBe(404);
  });
});

describe('assessments', () => {
  it('lists assessments with invites counted by attempt state, and shows each attempt’s state', async () => {
    const id = await createAssessment(t, admin, { name: 'States', minutes: 5 });
    await invite(t, admin, id, { name: 'Not started' });
    const started = await invite(t, admin, id, { name: 'Started' });
    await takeAttempt(t, started.token, { spec: STRONG_SPEC }, []);
    const done = await invite(t, admin, id, { name: 'Late', email: 'late@example.test' });
    await takeAttempt(t, done.token, { spec: STRONG_SPEC, bug: STRONG_BUG }, ['canary-bug']);
    t.advance(6 * 60_000);
    await t.app.request(`/api/take/${done.token}/finish`, json({}));

    const detail = (await (await get(`/api/staff/assessments/${id}`)).json()) as {
      assessment: { anonymous: boolean; blind: boolean };
      invites: { id: string; name: string; state: string; maxLateMs: number; submitted: number }[];
    };
    expect(detail.assessment).toMatchObject({ anonymous: true, blind: false });
    const byName = Object.fromEntries(detail.invites.map((i) => [i.name, i]));
    expect(byName['Not started']?.state).toBe('invited');
    expect(byName.Started?.state).toBe('started');
    // Finished after the deadline: everything submitted, the spec late; its LLM criterion still grading.
    expect(byName.Late).toMatchObject({ state: 'submitted', submitted: 2 });
    expect(byName.Late?.maxLateMs).toBeGreaterThan(0);

    const assessmentsBody = (await (await get('/api/staff/assessments')).json()) as {
      assessments: { id: string; invites: number; byState: Record<string, number>; late: number }[];
    };
    const { assessments } = assessmentsBody;
    expect(assessments.find((a) => a.id === id)).toMatchObject({
      invites: 3,
      late: 1,
      revoked: 0,
      byState: { invited: 1, started: 1, submitted: 1, graded: 0, reviewed: 0 },
    });

    // A withdrawn link nobody used is no longer "invited"; a started attempt keeps its state when revoked.
    for (const inviteId of [byName['Not started']?.id, byName.Started?.id]) {
      const res = await t.app.request(`http://localhost/api/staff/invites/${inviteId}`, {
        method: 'DELETE',
        headers: { cookie: admin, origin: 'http://localhost' },
      });
      expect(res.status).toBe(200);
    }
    const after = (await (await get('/api/staff/assessments')).json()) as typeof assessmentsBody;
    expect(after.assessments.find((a) => a.id === id)).toMatchObject({
      invites: 3,
      revoked: 1,
      byState: { invited: 0, started: 1, submitted: 1 },
    });
  });

  it('changes the review settings, and answers 404 for an unknown assessment', async () => {
    const id = await createAssessment(t, admin);
    const res = await patch(`/api/staff/assessments/${id}`, { blind: true });
    expect(await res.json()).toEqual({ id, anonymous: true, blind: true });
    expect((await patch('/api/staff/assessments/nope', { blind: true })).status).toBe(404);
    expect((await get('/api/staff/assessments/nope')).status).toBe(404);
  });
});

describe('author preview', () => {
  it('shows an author the key, the rubric and the bug’s code', async () => {
    const author = await t.signIn('author');
    const res = await get('/api/staff/exercises/canary-bug/key', author);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      key: { bug: { summary: string } };
      code: { ranges: unknown; fixed: string };
      rubric: { criteria: unknown[] };
    };
    expect(body.code.ranges).toEqual([[4, 4]]);
    expect(body.code.fixed).toContain('PRIVATE-CANARY');
    expect(body.rubric.criteria).toHaveLength(3);
    const spec = (await (await get('/api/staff/exercises/canary-spec/key', author)).json()) as {
      rubric: { criteria: { id: string; llm: { guidance: string } | null }[] };
    };
    expect(spec.rubric.criteria.find((c) => c.id === 'judgement')?.llm?.guidance).toContain('Judge the scoping');
    expect(spec.rubric.criteria.find((c) => c.id === 'coverage')?.llm).toBeNull();
  });

  it('pre-grades a pasted answer and stores nothing', async () => {
    const author = await t.signIn('author');
    const before = await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pregrades');
    const res = await t.app.request(
      '/api/staff/exercises/canary-bug/try',
      json({ submission: STRONG_BUG }, { cookie: author }),
    );
    expect(res.status).toBe(200);
    const { pregrade } = (await res.json()) as { pregrade: { total: unknown; bugFound: boolean } };
    expect(pregrade).toMatchObject({ total: { score: 8, max: 10, pending: 0 }, bugFound: true });
    expect(await t.db.query('SELECT count(*)::int AS n FROM pregrades')).toEqual(before);
  });

  it('asks the judge only with llm: true; without an API key the LLM criteria stay pending, flagged', async () => {
    const author = await t.signIn('author');
    const spec = { kind: 'spec', text: STRONG_SPEC };
    const quick = await t.app.request(
      '/api/staff/exercises/canary-spec/try',
      json({ submission: spec }, { cookie: author }),
    );
    const full = await t.app.request(
      '/api/staff/exercises/canary-spec/try',
      json({ submission: spec, llm: true }, { cookie: author }),
    );
    const flags = async (res: Response) =>
      ((await res.json()) as { pregrade: { flags: { code: string }[] } }).pregrade.flags.map((f) => f.code);
    expect(await flags(quick)).not.toContain('llm-not-configured');
    expect(await flags(full)).toContain('llm-not-configured');
  });

  it('refuses an answer of the wrong kind with 400', async () => {
    const author = await t.signIn('author');
    const res = await t.app.request(
      '/api/staff/exercises/canary-bug/try',
      json({ submission: { kind: 'spec', text: 'x' } }, { cookie: author }),
    );
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/This is a bug-hunt exercise; the answer is a spec answer/);
  });
});
