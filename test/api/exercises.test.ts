import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;
let cookie: string;
beforeAll(async () => {
  t = await testApp();
  cookie = await t.signIn('reviewer');
});
afterAll(() => t.close());

describe('the exercise library for staff', () => {
  it('lists each exercise with its kind, rubric, version and check status', async () => {
    const res = await t.app.request('/api/staff/exercises', { headers: { cookie } });
    expect(res.status).toBe(200);
    const { exercises } = (await res.json()) as { exercises: Record<string, unknown>[] };
    expect(exercises.map((e) => [e.id, e.kind, e.status])).toEqual([
      ['canary-bug', 'bug-hunt', 'ok'],
      ['canary-spec', 'spec', 'ok'],
    ]);
    expect(exercises[0]).toMatchObject({
      title: 'Sum of a list',
      minutes: 10,
      tags: ['fixture'],
      rubric: { id: 'fixture-bug', title: 'Fixture bug-hunt rubric' },
      problems: [],
    });
    expect(exercises[0]?.version).toMatch(/^[0-9a-f]{12}$/);
  });

  it('needs a signed-in staff user', async () => {
    const res = await t.app.request('/api/staff/exercises');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ error: { code: 'unauthorized' } });
  });

  it('previews a bug-hunt as the candidate sees it: brief and buggy code, nothing private', async () => {
    const res = await t.app.request('/api/staff/exercises/canary-bug/preview', { headers: { cookie } });
    expect(res.status).toBe(200);
    const text = await res.text();
    expect(text).not.toContain('PRIVATE-CANARY');
    const body = JSON.parse(text);
    expect(body).toMatchObject({ id: 'canary-bug', kind: 'bug-hunt', title: 'Sum of a list', minutes: 10 });
    expect(body.brief).toContain('Write a function that adds up a list of numbers.');
    expect(body.files).toEqual([
      { name: 'buggy.ts', language: 'typescript', content: expect.stringContaining('for (let i = 1;') },
    ]);
  });

  it('previews a spec with its brief and no files', async () => {
    const res = await t.app.request('/api/staff/exercises/canary-spec/preview', { headers: { cookie } });
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(text).not.toContain('PRIVATE-CANARY');
    expect(JSON.parse(text)).toMatchObject({ kind: 'spec', files: [] });
  });

  it('answers 404 for an unknown exercise', async () => {
    const res = await t.app.request('/api/staff/exercises/no-such-thing/preview', { headers: { cookie } });
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'not_found', message: 'No exercise "no-such-thing" in the library.' },
    });
  });
});

describe('health and the API document', () => {
  it('reports the database engine and the number of exercises loaded', async () => {
    const res = await t.app.request('/healthz');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      ok: true,
      database: process.env.DATABASE_URL ? 'postgres' : 'pglite',
      exercises: { loaded: 2, invalid: 0 },
    });
  });

  it('serves an OpenAPI 3.1 document listing every route', async () => {
    const res = await t.app.request('/api/openapi.json');
    expect(res.status).toBe(200);
    const doc = (await res.json()) as { openapi: string; paths: Record<string, object> };
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/api/auth/login',
      '/api/auth/logout',
      '/api/auth/me',
      '/api/staff/assessments',
      '/api/staff/assessments/{id}',
      '/api/staff/assessments/{id}/invites',
      '/api/staff/calibration',
      '/api/staff/exercises',
      '/api/staff/exercises/{id}/key',
      '/api/staff/exercises/{id}/preview',
      '/api/staff/exercises/{id}/try',
      '/api/staff/export',
      '/api/staff/grading-jobs',
      '/api/staff/grading-jobs/{id}/retry',
      '/api/staff/invites/{id}',
      '/api/staff/submissions',
      '/api/staff/submissions/{id}',
      '/api/staff/submissions/{id}/regrade',
      '/api/staff/submissions/{id}/review',
      '/api/staff/users',
      '/api/staff/users/{id}',
      '/api/take/{token}',
      '/api/take/{token}/exercises/{exerciseId}',
      '/api/take/{token}/exercises/{exerciseId}/draft',
      '/api/take/{token}/exercises/{exerciseId}/submit',
      '/api/take/{token}/finish',
      '/api/take/{token}/start',
      '/healthz',
    ]);
  });
});
