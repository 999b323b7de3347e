/**
 * The role matrix (docs/review.md, "Roles"): every staff route, called signed out and as each role. Signed out
 * is 401, a role without access is 403, and a role with access gets the route's own answer. Every staff route
 * in the OpenAPI document must be in the table, so a new route without a decided role fails here.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Role } from '../../server/app-env.js';
import { createAssessment, invite, STRONG_BUG, takeAttempt } from '../helpers/attempts.js';
import { type TestApp, testApp } from '../helpers/test-app.js';

type Fixture = { assessment: string; invite: string; submission: string; job: string; user: string };
type Case = {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  path: string;
  roles: Role[];
  /** The request for fixture f: the path with its ids, and a body. */
  request: (f: Fixture) => { url: string; body?: unknown };
  ok: number;
};

let emails = 0;
const ALL: Role[] = ['admin', 'reviewer', 'author'];

const CASES: Case[] = [
  { method: 'GET', path: '/api/staff/users', roles: ['admin'], request: () => ({ url: '/api/staff/users' }), ok: 200 },
  {
    method: 'POST',
    path: '/api/staff/users',
    roles: ['admin'],
    request: () => ({ url: '/api/staff/users', body: { email: `new${++emails}@example.test`, role: 'author' } }),
    ok: 201,
  },
  {
    method: 'PATCH',
    path: '/api/staff/users/{id}',
    roles: ['admin'],
    request: (f) => ({ url: `/api/staff/users/${f.user}`, body: { role: 'author' } }),
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/staff/assessments',
    roles: ['admin'],
    request: () => ({ url: '/api/staff/assessments' }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/staff/assessments',
    roles: ['admin'],
    request: () => ({ url: '/api/staff/assessments', body: { name: 'Matrix', exerciseIds: ['canary-bug'] } }),
    ok: 201,
  },
  {
    method: 'GET',
    path: '/api/staff/assessments/{id}',
    roles: ['admin'],
    request: (f) => ({ url: `/api/staff/assessments/${f.assessment}` }),
    ok: 200,
  },
  {
    method: 'PATCH',
    path: '/api/staff/assessments/{id}',
    roles: ['admin'],
    request: (f) => ({ url: `/api/staff/assessments/${f.assessment}`, body: { anonymous: true } }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/staff/assessments/{id}/invites',
    roles: ['admin'],
    request: (f) => ({ url: `/api/staff/assessments/${f.assessment}/invites`, body: {} }),
    ok: 201,
  },
  {
    method: 'DELETE',
    path: '/api/staff/invites/{id}',
    roles: ['admin'],
    request: (f) => ({ url: `/api/staff/invites/${f.invite}` }),
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/staff/submissions',
    roles: ['admin', 'reviewer'],
    request: () => ({ url: '/api/staff/submissions' }),
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/staff/submissions/{id}',
    roles: ['admin', 'reviewer'],
    request: (f) => ({ url: `/api/staff/submissions/${f.submission}` }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/staff/submissions/{id}/review',
    roles: ['admin', 'reviewer'],
    // Changes nothing, so it can be sent by every role in turn.
    request: (f) => ({
      url: `/api/staff/submissions/${f.submission}/review`,
      body: { version: 0, criteria: [], confirm: false },
    }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/staff/submissions/{id}/regrade',
    roles: ['admin', 'reviewer'],
    request: (f) => ({ url: `/api/staff/submissions/${f.submission}/regrade`, body: {} }),
    ok: 202,
  },
  {
    method: 'GET',
    path: '/api/staff/grading-jobs',
    roles: ['admin', 'reviewer'],
    request: () => ({ url: '/api/staff/grading-jobs' }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/staff/grading-jobs/{id}/retry',
    roles: ['admin', 'reviewer'],
    // The job is done, not failed: the route's own refusal proves the role check let the call through.
    request: (f) => ({ url: `/api/staff/grading-jobs/${f.job}/retry`, body: {} }),
    ok: 409,
  },
  {
    method: 'GET',
    path: '/api/staff/export',
    roles: ['admin', 'reviewer'],
    request: () => ({ url: '/api/staff/export?format=json' }),
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/staff/calibration',
    roles: ['admin'],
    request: () => ({ url: '/api/staff/calibration' }),
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/staff/exercises',
    roles: ALL,
    request: () => ({ url: '/api/staff/exercises' }),
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/staff/exercises/{id}/preview',
    roles: ALL,
    request: () => ({ url: '/api/staff/exercises/canary-bug/preview' }),
    ok: 200,
  },
  {
    method: 'GET',
    path: '/api/staff/exercises/{id}/key',
    roles: ['admin', 'author'],
    request: () => ({ url: '/api/staff/exercises/canary-bug/key' }),
    ok: 200,
  },
  {
    method: 'POST',
    path: '/api/staff/exercises/{id}/try',
    roles: ['admin', 'author'],
    request: () => ({ url: '/api/staff/exercises/canary-bug/try', body: { submission: STRONG_BUG } }),
    ok: 200,
  },
];

let t: TestApp;
let fixture: Fixture;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  t = await testApp();
  for (const role of ALL) cookies.set(role, await t.signIn(role));
  const admin = cookies.get('admin') ?? '';
  const assessment = await createAssessment(t, admin);
  const { inviteId, token } = await invite(t, admin, assessment);
  const ids = await takeAttempt(t, token, { bug: STRONG_BUG }, ['canary-bug', 'canary-spec']);
  const submission = ids['canary-bug'] ?? '';
  const spec = ids['canary-spec'] ?? '';
  const [job] = await t.db.query<{ id: string }>(`SELECT id FROM grading_jobs WHERE submission_id = $1`, [spec]);
  await t.db.query(`UPDATE grading_jobs SET state = 'done' WHERE id = $1`, [job?.id]);
  const target = await t.addStaff('reviewer');
  fixture = { assessment, invite: inviteId, submission, job: job?.id ?? '', user: target.id };
});
afterAll(() => t.close());

function send(c: Case, cookie: string | null) {
  const { url, body } = c.request(fixture);
  // A browser sends Origin with every state-changing request; Hono's csrf check refuses a DELETE without it.
  const headers: Record<string, string> = { origin: 'http://localhost', ...(cookie ? { cookie } : {}) };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return t.app.request(`http://localhost${url}`, {
    method: c.method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
}

describe('the role matrix', () => {
  it('covers every staff route in the OpenAPI document', async () => {
    const doc = (await (await t.app.request('/api/openapi.json')).json()) as { paths: Record<string, object> };
    const documented = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith('/api/staff/'))
      .flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`))
      .sort();
    expect(CASES.map((c) => `${c.method} ${c.path}`).sort()).toEqual(documented);
  });

  describe.each(CASES)('$method $path', (c) => {
    it('is 401 signed out', async () => {
      expect((await send(c, null)).status).toBe(401);
    });
    it.each(ALL)('as %s', async (role) => {
      const res = await send(c, cookies.get(role) ?? '');
      const expected = c.roles.includes(role) ? c.ok : 403;
      expect(res.status, await res.clone().text()).toBe(expected);
      if (expected === 403) {
        expect(((await res.json()) as { error: { message: string } }).error.message).toContain(`you are ${role}`);
      }
    });
  });
});
