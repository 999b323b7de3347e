/**
 * The autosave's memory of started attempts (ADR 021, amended): remembered by whichever request first
 * finds the attempt, and at a server's start for the attempts that may still save, so that a candidate's
 * saves skip the token lookup from the first one on, after a restart too. What can change is still
 * checked by the write.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../../server/app.js';
import { hashToken } from '../../server/auth/tokens.js';
import { cachedSnapshots } from '../../server/content/snapshots.js';
import type { Db } from '../../server/db/db.js';
import { lookUpToken, rememberOpenAttempts, startedAccess } from '../../server/db/token-access.js';
import { json, type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: string;

beforeAll(async () => {
  t = await testApp();
});
beforeEach(async () => {
  admin = await t.signIn('admin');
});
afterEach(() => {
  vi.restoreAllMocks();
});
afterAll(() => t.close());

/**
 * The same database behind a new handle and app, as a restarted server has it: the rows are all there,
 * the memory (kept per handle) is empty. Counts the token lookups the app makes.
 */
function restartedServer() {
  const db: Db = { ...t.db };
  const app = createApp({ ...t.deps, db, snapshots: cachedSnapshots(db) });
  const calls = vi.spyOn(db, 'call');
  const lookups = () => calls.mock.calls.filter(([procedure]) => procedure === lookUpToken).length;
  return { db, app, lookups };
}

type Server = { app: { request: (path: string, init?: RequestInit) => Response | Promise<Response> } };

async function invite(minutes?: number): Promise<{ id: string; token: string }> {
  const created = await t.app.request(
    '/api/staff/assessments',
    json({ name: 'Remembered', exerciseIds: ['canary-spec'], ...(minutes ? { minutes } : {}) }, { cookie: admin }),
  );
  const { id } = (await created.json()) as { id: string };
  const invited = await t.app.request(`/api/staff/assessments/${id}/invites`, json({}, { cookie: admin }));
  const { id: inviteId, url } = (await invited.json()) as { id: string; url: string };
  return { id: inviteId, token: url.split('/take/')[1] ?? '' };
}

const post: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };

async function request(server: Server, token: string, path: string, init?: RequestInit) {
  const res = await server.app.request(`/api/take/${token}${path}`, init);
  return { status: res.status, body: (await res.json()) as { revision?: number; error?: { code: string } } };
}

const save = (server: Server, token: string, baseRevision: number, text: string) =>
  request(server, token, '/exercises/canary-spec/draft', {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ baseRevision, submission: { kind: 'spec', text } }),
  });

async function startedToken(minutes?: number): Promise<{ id: string; token: string }> {
  const created = await invite(minutes);
  expect((await request(t, created.token, '/start', post)).status).toBe(200);
  return created;
}

describe('the first request that finds a started attempt remembers it', () => {
  it('a start: the saves that follow take no lookup', async () => {
    const { token } = await invite();
    const server = restartedServer();
    expect((await request(server, token, '')).status).toBe(200);
    expect(startedAccess(server.db, hashToken(token))).toBeUndefined();
    expect((await request(server, token, '/start', post)).status).toBe(200);
    const lookupsBefore = server.lookups();

    expect((await save(server, token, 0, 'one')).body.revision).toBe(1);
    expect((await save(server, token, 1, 'two')).body.revision).toBe(2);
    expect(server.lookups()).toBe(lookupsBefore);
  });

  it('loading an exercise: the page’s first save takes no lookup', async () => {
    const { token } = await startedToken();
    const server = restartedServer();
    expect((await request(server, token, '/exercises/canary-spec')).status).toBe(200);
    expect(server.lookups()).toBe(1);

    expect((await save(server, token, 0, 'first')).status).toBe(200);
    expect(server.lookups()).toBe(1);
  });

  it('without one, the first save looks the token up and the next does not', async () => {
    const { token } = await startedToken();
    const server = restartedServer();
    expect((await save(server, token, 0, 'first')).status).toBe(200);
    expect((await save(server, token, 1, 'second')).status).toBe(200);
    expect(server.lookups()).toBe(1);
  });

  it('a token whose attempt has not started is not remembered, and its save is refused with 409', async () => {
    const { token } = await invite();
    const server = restartedServer();
    expect((await request(server, token, '')).status).toBe(200);
    const refused = await save(server, token, 0, 'too soon');
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'conflict']);
    expect(startedAccess(server.db, hashToken(token))).toBeUndefined();
  });
});

describe('a server at its start', () => {
  // A database of its own, so that every attempt in it is one of this test's.
  beforeAll(async () => {
    await t.close();
    t = await testApp();
  });

  it('remembers the attempts that may still save, as the full lookup would, and no others', async () => {
    // An attempt left unfinished whose deadline passed more than a day ago.
    const stale = await startedToken(5);
    t.advance(24 * 60 * 60_000 + 5 * 60_000 + 1);
    admin = await t.signIn('admin'); // the session ran out meanwhile
    const open = await startedToken();
    const lateToday = await startedToken(5);
    t.advance(10 * 60_000);
    const finished = await startedToken();
    expect((await request(t, finished.token, '/finish', post)).status).toBe(200);
    const revoked = await startedToken();
    const withdrawn = await t.app.request(`/api/staff/invites/${revoked.id}`, {
      method: 'DELETE',
      headers: { cookie: admin, origin: 'http://localhost' },
    });
    expect(withdrawn.status).toBe(200);
    const notStarted = await invite();

    const server = restartedServer();
    const memory = (token: string) => startedAccess(server.db, hashToken(token));
    const underWay = await rememberOpenAttempts(server.db, t.deps.clock());
    // What it remembered, newest deadline first.
    expect(underWay).toEqual([memory(open.token), memory(lateToday.token)]);
    expect(memory(open.token)).toBeDefined();

    // What the full lookup remembers of the same token, on the first server.
    expect((await save(t, open.token, 0, 'before the restart')).status).toBe(200);
    expect(memory(open.token)).toEqual(startedAccess(t.db, hashToken(open.token)));
    expect(memory(lateToday.token)?.attempt.deadlineAt.getTime()).toBeLessThan(t.deps.clock().getTime());
    for (const other of [stale, finished, revoked, notStarted]) expect(memory(other.token)).toBeUndefined();

    // Saves go straight to the write, which still refuses what it must.
    expect((await save(server, open.token, 1, 'after the restart')).body.revision).toBe(2);
    expect((await save(server, lateToday.token, 0, 'late')).status).toBe(200);
    expect(server.lookups()).toBe(0);
    const refused = await save(server, finished.token, 0, 'after the finish');
    expect([refused.status, refused.body.error?.code]).toEqual([409, 'conflict']);
  });
});
