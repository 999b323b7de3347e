/**
 * The database thread (ADR 019) behaves as the engine does on one thread: the same values come back, errors
 * keep their message and fields, transactions commit or roll back whole, a statement outside a transaction
 * waits for it, procedures run on the thread, and the data directory stays locked while it is open.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashToken } from '../../server/auth/tokens.js';
import { type Db, type DbProcedure, guardTransactions } from '../../server/db/db.js';
import { LockError } from '../../server/db/lock.js';
import {
  fromErrorData,
  openPgliteThread,
  openPgliteThreadFromDump,
  toErrorData,
} from '../../server/db/pglite-thread.js';
import { lookUpToken } from '../../server/db/token-access.js';
import { ApiError } from '../../server/errors.js';
import { migratedDump } from '../helpers/test-db.js';

let db: Db;

beforeAll(async () => {
  guardTransactions();
  db = await openPgliteThreadFromDump(await migratedDump());
  await db.exec('CREATE TABLE thread_t (id int PRIMARY KEY, note text NOT NULL)');
});
afterAll(() => db.close());

describe('statements', () => {
  it('return the values PGlite parses: numbers, dates, JSON, booleans, nulls and text', async () => {
    const at = new Date('2026-12-03T10:00:00.000Z');
    const [row] = await db.query(
      `SELECT $1::int + 1 AS n, $2::timestamptz AS at, $3::jsonb AS doc, true AS yes, NULL::text AS nothing,
              $4::text AS words`,
      [41, at, JSON.stringify({ lines: [[4, 6]] }), 'naïve café — ✓'],
    );
    expect(row).toEqual({ n: 42, at, doc: { lines: [[4, 6]] }, yes: true, nothing: null, words: 'naïve café — ✓' });
  });

  it('fail with the database error: its message, SQLSTATE code and the constraint it broke', async () => {
    await db.query('INSERT INTO thread_t VALUES (1, $1)', ['one']);
    const error = await db.query('INSERT INTO thread_t VALUES (1, $1)', ['again']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({
      message: 'duplicate key value violates unique constraint "thread_t_pkey"',
      code: '23505',
      constraint: 'thread_t_pkey',
    });
    await expect(db.query('SELECT * FROM no_such_table')).rejects.toMatchObject({ code: '42P01' });
  });
});

describe('transactions', () => {
  it('commit whole when the function returns, and give back its value', async () => {
    const value = await db.transaction(async (tx) => {
      await tx.query('INSERT INTO thread_t VALUES (10, $1)', ['ten']);
      await tx.query('INSERT INTO thread_t VALUES (11, $1)', ['eleven']);
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM thread_t WHERE id >= 10'))[0]?.n;
    });
    expect(value).toBe(2);
    expect(await db.query('SELECT note FROM thread_t WHERE id >= 10 ORDER BY id')).toEqual([
      { note: 'ten' },
      { note: 'eleven' },
    ]);
  });

  it('roll back whole when the function throws, and rethrow its error', async () => {
    const failure = new Error('changed my mind');
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO thread_t VALUES (20, $1)', ['twenty']);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect(await db.query('SELECT id FROM thread_t WHERE id = 20')).toEqual([]);
  });

  it('roll back after a failed statement, and the database goes on working', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query('INSERT INTO thread_t VALUES (30, $1)', ['thirty']);
        await tx.query('INSERT INTO thread_t VALUES (30, $1)', ['duplicate']);
      }),
    ).rejects.toMatchObject({ code: '23505' });
    expect(await db.query('SELECT id FROM thread_t WHERE id = 30')).toEqual([]);
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('keep a statement outside them waiting until they end, so it sees the committed state', async () => {
    let openTheGate = () => {};
    const gate = new Promise<void>((resolve) => {
      openTheGate = resolve;
    });
    let answered = false;
    // Another request's statement: started outside the transaction, sent while it is open.
    const outside = (async () => {
      await gate;
      const rows = await db.query('SELECT note FROM thread_t WHERE id = 40');
      answered = true;
      return rows;
    })();
    await db.transaction(async (tx) => {
      await tx.query('INSERT INTO thread_t VALUES (40, $1)', ['forty']);
      openTheGate();
      // Give the outside statement every chance to overtake the open transaction.
      await new Promise((resolve) => setTimeout(resolve, 50));
      await tx.query('UPDATE thread_t SET note = $1 WHERE id = 40', ['forty, final']);
      expect(answered).toBe(false);
    });
    expect(await outside).toEqual([{ note: 'forty, final' }]);
  });

  it('refuse a statement on the database itself from inside one of its transactions, which would wait forever', async () => {
    const error = await db.transaction(async () => db.query('SELECT 1')).catch((e: unknown) => e);
    expect(error).toMatchObject({
      message:
        'A statement on the database from inside one of its transactions would wait for it forever: use the transaction (tx), or run it before or after.',
    });
    // Refused at once, and the transaction rolled back: the database goes on answering.
    expect(await db.query<{ one: number }>('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});

describe('procedures', () => {
  it('run on the thread in one call and return cloneable data, dates as dates', async () => {
    expect(await db.call(lookUpToken, 'no-such-token')).toBeNull();
    const created = new Date('2026-12-01T09:00:00.000Z');
    const expires = new Date('2026-12-15T09:00:00.000Z');
    await db.query(
      `INSERT INTO assessments (id, name, exercise_ids, minutes, created_at) VALUES ('as-1', 'Thread', '["x"]', 30, $1)`,
      [created],
    );
    await db.query(
      `INSERT INTO invites (id, assessment_id, token_hash, name, expires_at, created_at)
       VALUES ('in-1', 'as-1', $1, 'Ada', $2, $3)`,
      [hashToken('thread-token'), expires, created],
    );
    expect(await db.call(lookUpToken, 'thread-token')).toEqual({
      invite: { id: 'in-1', assessmentId: 'as-1', name: 'Ada', email: null, expiresAt: expires, revokedAt: null },
      assessment: { id: 'as-1', name: 'Thread', exerciseIds: ['x'], minutes: 30, createdAt: created },
      attempt: null,
    });
  });

  it('that are not listed in procedures.ts fail with a message that says where to list them', async () => {
    const unlisted: DbProcedure<number, number> = { name: 'unlisted', run: async (_db, n) => n };
    await expect(db.call(unlisted, 1)).rejects.toThrow(
      'No database procedure "unlisted": list it in server/db/procedures.ts.',
    );
  });
});

describe('errors crossing the thread', () => {
  it('keep an ApiError an ApiError, with its code', () => {
    const crossed = fromErrorData(toErrorData(new ApiError('conflict', 'Already submitted.')));
    expect(crossed).toBeInstanceOf(ApiError);
    expect(crossed).toMatchObject({ code: 'conflict', message: 'Already submitted.' });
  });

  it('turn something thrown that is not an Error into an Error with its text', () => {
    expect(fromErrorData(toErrorData('plain words'))).toMatchObject({ name: 'Error', message: 'plain words' });
  });
});

describe('a data directory', () => {
  it('is locked while the thread has it open; once closed, the handle refuses statements and the directory is free', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-thread-'));
    const first = await openPgliteThread(dataDir);
    await expect(openPgliteThread(dataDir)).rejects.toBeInstanceOf(LockError);
    await first.query('CREATE TABLE kept (n int)');
    await first.query('INSERT INTO kept VALUES (7)');
    await first.close();
    await expect(first.query('SELECT 1')).rejects.toThrow('The database thread stopped');
    const again = await openPgliteThread(dataDir);
    expect(await again.query('SELECT n FROM kept')).toEqual([{ n: 7 }]);
    await again.close();
  });

  it('that PGlite cannot open fails to open with its reason, and leaves the directory unlocked', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-thread-'));
    writeFileSync(join(dataDir, 'pglite'), 'not a directory');
    await expect(openPgliteThread(dataDir)).rejects.toThrow(
      `PGlite could not open the database in ${join(dataDir, 'pglite')}: {"name":"ErrnoError"`,
    );
    // The lock was released: the next open fails for the same reason, not because of a stale lock.
    await expect(openPgliteThread(dataDir)).rejects.not.toBeInstanceOf(LockError);
  });
});
