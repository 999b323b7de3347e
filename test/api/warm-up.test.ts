/**
 * What a server does before it listens, for candidates who may be saving already (ADR 021, 024): it
 * remembers the attempts under way and rehearses the autosave, leaving nothing behind; with no attempt
 * under way it does neither; a failure is logged and the start goes on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db.js';
import { readyForCandidates } from '../../server/warm-up.js';
import { json, type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;

beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

function recordingLog() {
  const lines: string[] = [];
  return {
    lines,
    info: (l: string) => lines.push(`info: ${l}`),
    warn: (l: string) => lines.push(`warn: ${l}`),
    error: (l: string) => lines.push(`error: ${l}`),
  };
}

/** The same database behind a new handle, as a restarted server has it: nothing remembered yet. */
const restarted = (): Db => ({ ...t.db });

async function startedToken(): Promise<string> {
  const admin = await t.signIn('admin');
  const created = await t.app.request(
    '/api/staff/assessments',
    json({ name: 'Warm', exerciseIds: ['canary-spec'] }, { cookie: admin }),
  );
  const { id } = (await created.json()) as { id: string };
  const invited = await t.app.request(`/api/staff/assessments/${id}/invites`, json({}, { cookie: admin }));
  const token = ((await invited.json()) as { url: string }).url.split('/take/')[1] ?? '';
  const started = await t.app.request(`/api/take/${token}/start`, json({}));
  expect(started.status).toBe(200);
  return token;
}

const rowCounts = async () =>
  (
    await t.db.query<{ drafts: number; invites: number; attempts: number }>(
      `SELECT (SELECT count(*)::int FROM draft_revisions) AS drafts, (SELECT count(*)::int FROM invites) AS invites,
              (SELECT count(*)::int FROM attempts) AS attempts`,
    )
  )[0];

describe('before listening', () => {
  it('with no attempt under way, does nothing and says nothing', async () => {
    const log = recordingLog();
    await readyForCandidates(t.app, restarted(), log, t.deps.clock());
    expect(log.lines).toEqual([]);
  });

  it('rehearses the route and the write, and leaves every table as it was', async () => {
    const token = await startedToken();
    const before = await rowCounts();
    const log = recordingLog();

    await readyForCandidates(t.app, restarted(), log, t.deps.clock());

    expect(log.lines[0]).toBe('info: 1 attempt under way: remembered for their saves. Warming up before listening…');
    // 400 batches of one to four saves, on PGlite; on PostgreSQL the write is not rehearsed.
    const writes = t.db.engine === 'pglite' ? 1000 : 0;
    expect(log.lines[1]).toMatch(
      new RegExp(
        `^info: Warmed up in \\d+ ms: 1500 rehearsal saves through the route, ${writes} revisions written and rolled back\\.$`,
      ),
    );
    expect(log.lines).toHaveLength(2);
    expect(await rowCounts()).toEqual(before);
    // The candidate's first real save is the draft's first revision: the rehearsal's were rolled back.
    const saved = await t.app.request(`/api/take/${token}/exercises/canary-spec/draft`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ baseRevision: 0, submission: { kind: 'spec', text: 'mine' } }),
    });
    expect(await saved.json()).toMatchObject({ revision: 1, conflict: false });
  });

  it('starts anyway when the attempts under way cannot be read, and says so', async () => {
    const log = recordingLog();
    const broken: Db = { ...t.db, query: () => Promise.reject(new Error('connection reset')) };
    await readyForCandidates(t.app, broken, log, t.deps.clock());
    expect(log.lines).toEqual([
      'warn: Could not load the attempts under way (connection reset); starting without them.',
    ]);
  });

  it('starts anyway when the rehearsal fails, and says so', async () => {
    await startedToken();
    const log = recordingLog();
    const failing = { fetch: () => new Response('{}', { status: 500 }) };
    await readyForCandidates(failing, restarted(), log, t.deps.clock());
    expect(log.lines.at(-1)).toBe(
      'warn: The warm-up failed (a rehearsal save was answered 500, not 404); starting without it.',
    );
  });
});
