/**
 * Autosave under concurrency (ADR 013): saves that arrive together are written in one transaction, and
 * every rule of a single save still holds for each of them: consecutive revisions in arrival order,
 * conflicts kept, a tab's overtaken saves superseded, submitted and finished refuse with 409, late marked,
 * bad input refused before it joins a batch, and each caller gets its own answer or its own error.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer, type Outcome } from '../../server/db/coalescer.js';
import type { Queryable } from '../../server/db/db.js';
import { type DraftState, placeDraft, writeDraftSave } from '../../server/db/draft-writes.js';
import { MAX_DRAFT_BYTES } from '../../server/routes/take.js';
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

async function startedAttempt(minutes?: number): Promise<string> {
  const created = await t.app.request(
    '/api/staff/assessments',
    json(
      { name: 'Batch', exerciseIds: ['canary-spec', 'canary-bug'], ...(minutes ? { minutes } : {}) },
      { cookie: admin },
    ),
  );
  const { id } = (await created.json()) as { id: string };
  const invited = await t.app.request(`/api/staff/assessments/${id}/invites`, json({}, { cookie: admin }));
  const token = ((await invited.json()) as { url: string }).url.split('/take/')[1] ?? '';
  expect((await t.app.request(`/api/take/${token}/start`, post)).status).toBe(200);
  return token;
}

type Answer = { status: number; body: Record<string, unknown> & { error?: { code: string; message: string } } };

async function send(token: string, path: string, init: RequestInit): Promise<Answer> {
  const res = await t.app.request(`/api/take/${token}${path}`, init);
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

const spec = (text: string) => ({ kind: 'spec', text });
const bugHunt = (explanation: string) => ({
  baseRevision: 0,
  submission: { kind: 'bug-hunt', lines: [[4, 4]], explanation, fix: null },
});
const post: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };
const putDraft = (token: string, exerciseId: string, body: unknown) =>
  send(token, `/exercises/${exerciseId}/draft`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

type Row = {
  revision: number;
  base_revision: number;
  conflict: boolean;
  superseded: boolean;
  tab_id: string | null;
  tab_seq: number | null;
  submission: { text?: string; explanation?: string };
};

async function stored(token: string, exerciseId: string): Promise<Row[]> {
  return t.db.query<Row>(
    `SELECT revision, base_revision, conflict, superseded, tab_id, tab_seq, submission FROM draft_revisions d
       JOIN attempts a ON a.id = d.attempt_id JOIN invites i ON i.id = a.invite_id
      WHERE i.token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') AND d.exercise_id = $2
      ORDER BY revision`,
    [token, exerciseId],
  );
}

/** Replays stored revisions in order through the rule of a single save: what each should have been marked. */
function replay(rows: Row[]) {
  let state: DraftState = { last: 0, liveRevision: null, liveTab: null, tabSeq: null };
  const seqs = new Map<string, number>();
  return rows.map((row) => {
    const tab = row.tab_id !== null && row.tab_seq !== null ? { id: row.tab_id, seq: row.tab_seq } : undefined;
    const placed = placeDraft(
      { ...state, tabSeq: tab ? (seqs.get(tab.id) ?? null) : null },
      {
        baseRevision: row.base_revision,
        tab,
      },
    );
    if (tab) seqs.set(tab.id, Math.max(tab.seq, seqs.get(tab.id) ?? 0));
    state = {
      last: placed.revision,
      liveRevision: placed.superseded ? state.liveRevision : placed.revision,
      liveTab: placed.superseded ? state.liveTab : (tab?.id ?? null),
      tabSeq: null,
    };
    return placed;
  });
}

const tokenHashes = `SELECT encode(sha256(convert_to(x, 'UTF8')), 'hex') FROM unnest($1::text[]) AS x`;

/**
 * How many transactions wrote the stored revisions of these tokens' drafts of these exercises, as the
 * database saw it: a row's xmin is the transaction that inserted it (rows are never updated). Counted in
 * the database, so it holds wherever the transactions ran, on the test's thread or the database thread
 * (ADR 019).
 */
async function transactionsWriting(drafts: [token: string, exerciseId: string][]): Promise<number> {
  const [row] = await t.db.query<{ n: number }>(
    `SELECT count(DISTINCT d.xmin::text)::int AS n FROM draft_revisions d
       JOIN attempts a ON a.id = d.attempt_id JOIN invites i ON i.id = a.invite_id
       JOIN unnest($1::text[], $2::text[]) AS w (token, exercise_id)
         ON i.token_hash = encode(sha256(convert_to(w.token, 'UTF8')), 'hex') AND d.exercise_id = w.exercise_id`,
    [drafts.map(([token]) => token), drafts.map(([, exerciseId]) => exerciseId)],
  );
  return row?.n ?? 0;
}

/**
 * Opens a transaction that locks these tokens' attempts (on PGlite, which has one session, it holds the
 * whole database), runs `write` under it with the attempts' ids, and resolves once all that is held, with
 * the function that commits it.
 */
async function lockAttempts(
  tokens: string[],
  write: (tx: Queryable, attemptIds: string[]) => Promise<unknown> = async () => undefined,
): Promise<() => Promise<void>> {
  let held!: () => void;
  let release!: () => void;
  const lockHeld = new Promise<void>((resolve) => (held = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  const holder = t.db.transaction(async (tx) => {
    const locked = await tx.query<{ id: string }>(
      `SELECT a.id FROM attempts a JOIN invites i ON i.id = a.invite_id
        WHERE i.token_hash IN (${tokenHashes}) ORDER BY a.id FOR UPDATE OF a`,
      [tokens],
    );
    await write(
      tx,
      locked.map((row) => row.id),
    );
    held();
    await released;
  });
  await Promise.race([lockHeld, holder]);
  return async () => {
    release();
    await holder;
  };
}

/**
 * Makes saves that arrive together go together, whatever the timing. `send` starts requests while the
 * attempts of `tokens` are locked; the lock is let go only once `saves` of them have reached the draft
 * writer (counted at db.call). The writer's first batch cannot commit before then, so every save has
 * joined its queue meanwhile: they go in at most two transactions, the batch that began waiting and the
 * one that queued behind it (coalescer.ts). The tokens must have saved before, so that their saves are
 * remembered (ADR 021) and reach the writer without a lookup that the lock would hold up too.
 */
async function arrivingTogether<T>(tokens: string[], saves: number, send: () => Promise<T>): Promise<T> {
  const calls = vi.spyOn(t.db, 'call');
  const unlock = await lockAttempts(tokens);
  const answers = send();
  try {
    await vi.waitFor(
      () => expect(calls.mock.calls.filter(([procedure]) => procedure === writeDraftSave)).toHaveLength(saves),
      { timeout: 10_000 },
    );
  } finally {
    await unlock();
  }
  return answers;
}

/** Runs fn with SQL in force that makes the database itself refuse writes; undone afterwards. */
async function withDatabaseRule<T>(install: string, remove: string, fn: () => Promise<T>): Promise<T> {
  await t.db.exec(install);
  try {
    return await fn();
  } finally {
    await t.db.exec(remove);
  }
}

describe('happy path: saves that arrive together', () => {
  it('are written in at most two transactions, not one each, each answered with its own stored revision', async () => {
    const [first, second] = [await startedAttempt(), await startedAttempt()];
    for (const token of [first, second]) await putDraft(token, 'canary-bug', bugHunt('an earlier save'));
    const saves = [
      ...Array.from({ length: 6 }, (_, i) => ({ token: first, text: `first ${i}` })),
      ...Array.from({ length: 6 }, (_, i) => ({ token: second, text: `second ${i}` })),
    ];
    const answers = await arrivingTogether([first, second], saves.length, () =>
      Promise.all(
        saves.map(({ token, text }) => putDraft(token, 'canary-spec', { baseRevision: 0, submission: spec(text) })),
      ),
    );

    expect(answers.map((a) => a.status)).toEqual(saves.map(() => 200));
    expect(
      await transactionsWriting([
        [first, 'canary-spec'],
        [second, 'canary-spec'],
      ]),
    ).toBeLessThanOrEqual(2);
    for (const token of [first, second]) {
      const rows = await stored(token, 'canary-spec');
      expect(rows.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);
      // Every answer names the row that holds its own text, with the marks that row carries.
      saves.forEach(({ token: saver, text }, i) => {
        if (saver !== token) return;
        const row = rows.find((r) => r.submission.text === text);
        expect(answers[i]?.body).toMatchObject({ revision: row?.revision, conflict: row?.conflict, superseded: false });
      });
      // The first to arrive was based on the latest (0); every later one, also based on 0, is a conflict.
      expect(rows.map((r) => r.conflict)).toEqual([false, true, true, true, true, true]);
      expect(rows.map(({ revision, conflict, superseded }) => ({ revision, conflict, superseded }))).toEqual(
        replay(rows),
      );
    }
  });

  it('keep each tab’s newest save as the latest, whatever order they reach the writer in', async () => {
    const token = await startedAttempt();
    // Two tabs, each with several saves in flight at once, sent newest first for tab A.
    const requests = [
      { tab: { id: 'tab-a-0123456789abcd', seq: 4 }, text: 'A4' },
      { tab: { id: 'tab-b-0123456789abcd', seq: 1 }, text: 'B1' },
      { tab: { id: 'tab-a-0123456789abcd', seq: 2 }, text: 'A2' },
      { tab: { id: 'tab-a-0123456789abcd', seq: 3 }, text: 'A3' },
      { tab: { id: 'tab-b-0123456789abcd', seq: 2 }, text: 'B2' },
      { tab: { id: 'tab-a-0123456789abcd', seq: 1 }, text: 'A1' },
    ];
    const answers = await Promise.all(
      requests.map(({ tab, text }) => putDraft(token, 'canary-spec', { baseRevision: 0, submission: spec(text), tab })),
    );
    expect(answers.map((a) => a.status)).toEqual(requests.map(() => 200));

    const rows = await stored(token, 'canary-spec');
    expect(rows.map((r) => r.revision)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(rows.map(({ revision, conflict, superseded }) => ({ revision, conflict, superseded }))).toEqual(
      replay(rows),
    );
    // A4 arrived before A1–A3: they are kept, superseded; B's saves come in its own order.
    const live = rows.filter((r) => !r.superseded).map((r) => r.submission.text);
    expect(live.filter((text) => text?.startsWith('A'))).toEqual(['A4']);
    expect(live.filter((text) => text?.startsWith('B'))).toEqual(['B1', 'B2']);
    for (const [i, { text }] of requests.entries()) {
      const row = rows.find((r) => r.submission.text === text);
      expect(answers[i]?.body).toMatchObject({ revision: row?.revision, superseded: row?.superseded });
    }
    const latest = rows.filter((r) => !r.superseded).at(-1);
    const shown = await send(token, '/exercises/canary-spec', {});
    expect(shown.body.draft).toMatchObject({ revision: latest?.revision, submission: latest?.submission });
  });

  it('are marked late each by its own time after the deadline', async () => {
    const token = await startedAttempt(5);
    t.advance(5 * 60_000 + 1);
    const answers = await Promise.all(
      [1, 2, 3].map((i) => putDraft(token, 'canary-spec', { baseRevision: 0, submission: spec(`late ${i}`) })),
    );
    expect(answers.map((a) => [a.status, a.body.late])).toEqual([
      [200, true],
      [200, true],
      [200, true],
    ]);
    const onTime = await startedAttempt(5);
    expect((await putDraft(onTime, 'canary-spec', { baseRevision: 0, submission: spec('x') })).body.late).toBe(false);
  });
});

describe('bad input: refusals inside a batch touch no one else', () => {
  it('answers each save its own: saved, 409 for a submitted exercise or a finished attempt, 400, 413, 404', async () => {
    const open = await startedAttempt();
    const submitted = await startedAttempt();
    const finished = await startedAttempt();
    await putDraft(open, 'canary-bug', bugHunt('an earlier save'));
    await putDraft(finished, 'canary-bug', bugHunt('an earlier save'));
    await putDraft(submitted, 'canary-spec', { baseRevision: 0, submission: spec('kept') });
    expect((await send(submitted, '/exercises/canary-spec/submit', post)).status).toBe(200);
    expect((await send(finished, '/finish', post)).status).toBe(200);

    const cases: [label: string, run: () => Promise<Answer>, status: number, code?: string][] = [
      ['open 1', () => putDraft(open, 'canary-spec', { baseRevision: 0, submission: spec('open 1') }), 200],
      [
        'submitted',
        () => putDraft(submitted, 'canary-spec', { baseRevision: 1, submission: spec('no') }),
        409,
        'conflict',
      ],
      ['submitted, other exercise', () => putDraft(submitted, 'canary-bug', bugHunt('still open')), 200],
      [
        'finished',
        () => putDraft(finished, 'canary-spec', { baseRevision: 0, submission: spec('no') }),
        409,
        'conflict',
      ],
      [
        'malformed',
        () => putDraft(open, 'canary-spec', { baseRevision: -1, submission: spec('x') }),
        400,
        'bad_request',
      ],
      ['not JSON', () => putDraft(open, 'canary-spec', '{"baseRevision":'), 400, 'bad_request'],
      [
        'wrong kind',
        () =>
          putDraft(open, 'canary-spec', {
            baseRevision: 0,
            submission: { kind: 'bug-hunt', lines: [], explanation: '', fix: null },
          }),
        400,
        'bad_request',
      ],
      [
        'too large',
        () => putDraft(open, 'canary-spec', { baseRevision: 0, submission: spec('x'.repeat(MAX_DRAFT_BYTES)) }),
        413,
        'payload_too_large',
      ],
      [
        'unknown token',
        () => putDraft('u'.repeat(43), 'canary-spec', { baseRevision: 0, submission: spec('x') }),
        404,
        'not_found',
      ],
      ['open 2', () => putDraft(open, 'canary-spec', { baseRevision: 1, submission: spec('open 2') }), 200],
    ];
    // Five of them reach the writer: the three that are stored and the two it refuses with 409.
    const answers = await arrivingTogether([open, submitted, finished], 5, () =>
      Promise.all(cases.map(([, run]) => run())),
    );

    expect(answers.map((a, i) => [cases[i]?.[0], a.status, a.body.error?.code])).toEqual(
      cases.map(([label, , status, code]) => [label, status, code]),
    );
    // The three rows went in batches, with the refusals among them.
    expect(
      await transactionsWriting([
        [open, 'canary-spec'],
        [submitted, 'canary-bug'],
      ]),
    ).toBeLessThanOrEqual(2);
    expect((await stored(open, 'canary-spec')).map((r) => r.submission.text)).toEqual(['open 1', 'open 2']);
    expect((await stored(submitted, 'canary-spec')).map((r) => r.submission.text)).toEqual(['kept']);
    expect((await stored(submitted, 'canary-bug')).map((r) => r.submission.explanation)).toEqual(['still open']);
    expect(await stored(finished, 'canary-spec')).toEqual([]);
    expect((await stored(finished, 'canary-bug')).map((r) => r.submission.explanation)).toEqual(['an earlier save']);
  });

  it('a batch the database fails is retried save by save: only the save that breaks it fails', async () => {
    const token = await startedAttempt();
    const texts = ['before', 'POISON', 'after'];
    // The database itself refuses a row carrying this text, as it would any row it cannot store.
    const answers = await withDatabaseRule(
      `ALTER TABLE draft_revisions ADD CONSTRAINT row_refused CHECK (submission->>'text' IS DISTINCT FROM 'POISON')`,
      'ALTER TABLE draft_revisions DROP CONSTRAINT row_refused',
      () =>
        Promise.all(texts.map((text) => putDraft(token, 'canary-spec', { baseRevision: 0, submission: spec(text) }))),
    );
    expect(answers.map((a) => [a.status, a.body.error?.code])).toEqual([
      [200, undefined],
      [500, 'internal'],
      [200, undefined],
    ]);
    const rows = await stored(token, 'canary-spec');
    expect(rows.map((r) => [r.revision, r.submission.text])).toEqual([
      [1, 'before'],
      [2, 'after'],
    ]);
    expect(answers.map((a) => a.body.revision)).toEqual([1, undefined, 2]);
    expect(t.logged.some((line) => line.includes('row_refused'))).toBe(true);
  });

  it('no save is acknowledged when its transaction does not commit', async () => {
    const token = await startedAttempt();
    // Every write fails at COMMIT, after its INSERT succeeded: a deferred trigger refuses the transaction.
    const answers = await withDatabaseRule(
      `CREATE FUNCTION refuse_commit() RETURNS trigger LANGUAGE plpgsql AS $$
         BEGIN RAISE EXCEPTION 'commit refused'; END $$;
       CREATE CONSTRAINT TRIGGER refuse_commit AFTER INSERT ON draft_revisions
         DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION refuse_commit();`,
      'DROP TRIGGER refuse_commit ON draft_revisions; DROP FUNCTION refuse_commit();',
      () =>
        Promise.all(
          [1, 2, 3].map((i) => putDraft(token, 'canary-spec', { baseRevision: 0, submission: spec(`lost ${i}`) })),
        ),
    );
    expect(answers.map((a) => a.status)).toEqual([500, 500, 500]);
    expect(t.logged.some((line) => line.includes('commit refused'))).toBe(true);
    expect(await stored(token, 'canary-spec')).toEqual([]);
  });

  it('a finish racing a batch of saves: every save acknowledged is stored, every refused one is not', async () => {
    const token = await startedAttempt();
    const saves = Array.from({ length: 8 }, (_, i) =>
      putDraft(token, 'canary-spec', { baseRevision: 0, submission: spec(`race ${i}`) }),
    );
    const finishing = send(token, '/finish', post);
    const answers = await Promise.all(saves);
    expect((await finishing).status).toBe(200);

    const accepted = answers.filter((a) => a.status === 200);
    const refused = answers.filter((a) => a.status !== 200);
    expect(refused.every((a) => a.status === 409 && a.body.error?.code === 'conflict')).toBe(true);
    const rows = await stored(token, 'canary-spec');
    expect(rows.map((r) => r.revision).sort()).toEqual(accepted.map((a) => a.body.revision).sort());
    // The submission is the latest revision stored before the finish, or the empty answer.
    const submitted = await t.db.query<{ revision: number }>(
      `SELECT s.revision FROM submissions s JOIN attempts a ON a.id = s.attempt_id JOIN invites i ON i.id = a.invite_id
        WHERE i.token_hash = encode(sha256(convert_to($1, 'UTF8')), 'hex') AND s.exercise_id = 'canary-spec'`,
      [token],
    );
    expect(submitted.map((s) => s.revision)).toEqual([rows.at(-1)?.revision ?? 0]);
  });
});

/**
 * Runs `during` while another transaction holds the attempt's lock, as a submit or another server process's
 * batch does, having written `write` under it; commits once the save it starts is waiting for that lock.
 * On PostgreSQL the save's batch waits on the row lock (seen in pg_stat_activity); on PGlite, which has one
 * connection, it waits for the whole transaction, so there is nothing to poll.
 */
async function underAttemptLock<T>(token: string, write: string, during: () => Promise<T>): Promise<T> {
  const unlock = await lockAttempts([token], (tx, [attemptId]) => tx.query(write, [attemptId]));
  // Started here, not in the transaction's callback: the save is another request, not part of it.
  const started = during();
  if (t.db.engine === 'postgres') {
    await vi.waitFor(
      async () => {
        const [waiting] = await t.db.query<{ n: number }>(
          `SELECT count(*)::int AS n FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()`,
        );
        expect(waiting?.n).toBeGreaterThan(0);
      },
      { timeout: 10_000 },
    );
  }
  await unlock();
  return started;
}

describe('a save that waits for its attempt’s lock', () => {
  it('reads the draft as the lock’s holder left it: a revision written meanwhile is not numbered twice', async () => {
    const token = await startedAttempt();
    expect((await putDraft(token, 'canary-spec', { baseRevision: 0, submission: spec('one') })).status).toBe(200);
    const saved = await underAttemptLock(
      token,
      `INSERT INTO draft_revisions (attempt_id, exercise_id, revision, base_revision, conflict, submission, saved_at)
       VALUES ($1, 'canary-spec', 2, 1, false, '{"kind":"spec","text":"from elsewhere"}', now())`,
      () => putDraft(token, 'canary-spec', { baseRevision: 1, submission: spec('mine') }),
    );
    expect(saved.status).toBe(200);
    expect(saved.body).toMatchObject({ revision: 3, conflict: true, latestBefore: 2 });
    expect((await stored(token, 'canary-spec')).map((row) => [row.revision, row.submission.text])).toEqual([
      [1, 'one'],
      [2, 'from elsewhere'],
      [3, 'mine'],
    ]);
  });

  it('sees a submission committed meanwhile, and refuses the save with 409', async () => {
    const token = await startedAttempt();
    const refused = await underAttemptLock(
      token,
      `INSERT INTO submissions (id, attempt_id, exercise_id, exercise_version, revision, submission, submitted_at)
       VALUES (gen_random_uuid()::text, $1, 'canary-spec', 'v', 0, '{"kind":"spec","text":""}', now())`,
      () => putDraft(token, 'canary-spec', { baseRevision: 0, submission: spec('too late') }),
    );
    expect(refused.status).toBe(409);
    expect(refused.body.error?.message).toContain('already submitted');
    expect(await stored(token, 'canary-spec')).toEqual([]);
  });
});

describe('the group commit itself (coalescer.ts)', () => {
  /** A runner that records its batches and answers each item by doubling it, failing items below zero. */
  function doubling(failBatchWith?: number) {
    const batches: number[][] = [];
    const run = async (items: number[]): Promise<Outcome<number>[]> => {
      batches.push(items);
      if (failBatchWith !== undefined && items.length > 1 && items.includes(failBatchWith)) throw new Error('batch');
      if (failBatchWith !== undefined && items.length === 1 && items[0] === failBatchWith) throw new Error('alone');
      return items.map((item) =>
        item < 0 ? { ok: false, error: new Error(`bad ${item}`) } : { ok: true, value: item * 2 },
      );
    };
    return { batches, run };
  }

  it('items pushed together go as one batch, and those pushed while it runs as the next', async () => {
    const { batches, run } = doubling();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const coalescer = new Coalescer<number, number>(
      async (items) => {
        if (batches.length === 0) await gate;
        return run(items);
      },
      { maxItems: 100 },
    );
    const first = [1, 2, 3].map((n) => coalescer.push(n));
    await new Promise((resolve) => setImmediate(resolve));
    const second = [4, 5].map((n) => coalescer.push(n));
    release();
    expect(await Promise.all([...first, ...second])).toEqual([2, 4, 6, 8, 10]);
    expect(batches).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('each item gets its own error, and a batch that fails whole is retried item by item', async () => {
    const { batches, run } = doubling(7);
    const coalescer = new Coalescer<number, number>(run, { maxItems: 100 });
    const results = await Promise.allSettled([3, -1, 7, 5].map((n) => coalescer.push(n)));
    expect(results.map((r) => (r.status === 'fulfilled' ? r.value : (r.reason as Error).message))).toEqual([
      6,
      'bad -1',
      'alone',
      10,
    ]);
    expect(batches).toEqual([[3, -1, 7, 5], [3], [-1], [7], [5]]);
  });

  it('a batch holds at most maxItems, and at most maxWeight unless one item alone weighs more', async () => {
    const { batches, run } = doubling();
    const coalescer = new Coalescer<number, number>(run, { maxItems: 3, maxWeight: 10, weigh: (n) => n });
    await Promise.all([1, 1, 1, 1, 4, 4, 4, 20, 1].map((n) => coalescer.push(n)));
    expect(batches).toEqual([[1, 1, 1], [1, 4, 4], [4], [20], [1]]);
  });
});
