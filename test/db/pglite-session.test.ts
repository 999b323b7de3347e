/**
 * PGlite's session driven in few exchanges (ADR 020): the same rows, types and errors as PGlite's own
 * query(); each text prepared once, at most `max` kept, prepared again when old or when the schema changed
 * under it; transactions that commit, roll back and refuse as PGlite's own transaction() does; and a
 * statement outside a transaction still waits for an open one.
 */
import { PGlite, TransactionAbortedError } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { PgliteSession } from '../../server/db/pglite-session.js';
import { migratedDump } from '../helpers/test-db.js';

let dump: ArrayBuffer;
let pg: PGlite;

beforeAll(async () => {
  dump = await migratedDump();
  pg = await open();
});
afterAll(() => pg.close());

async function open(): Promise<PGlite> {
  const opened = new PGlite({ loadDataDir: new Blob([dump]) });
  await opened.waitReady;
  return opened;
}

type Prepared = { statement: string; generic_plans: number; custom_plans: number };

/** The statements the engine holds prepared, as it reports them (PGlite's own query() prepares none). */
async function preparedNow(): Promise<Prepared[]> {
  const { rows } = await pg.query<Prepared>(
    `SELECT statement, generic_plans::int AS generic_plans, custom_plans::int AS custom_plans
       FROM pg_prepared_statements WHERE name LIKE 'audition\\_%' ORDER BY prepare_time, statement`,
  );
  return rows;
}

async function deallocateAll(): Promise<void> {
  await pg.exec('DEALLOCATE ALL');
}

describe('results and errors', () => {
  it('returns the rows and types PGlite’s own query() returns', async () => {
    const session = new PgliteSession(pg);
    const sql = `SELECT $1::int AS i, $2::text AS t, $3::timestamptz AS at, $4::jsonb AS j, $5::text[] AS arr,
                        $6::boolean AS b, NULL::text AS nothing, 12::bigint AS big, 1.5::numeric AS num`;
    const params = [7, 'it’s "quoted"', new Date('2026-12-03T10:00:00.123Z'), { a: [1, 'x'] }, ['a', 'b,c'], true];
    const mine = await session.query(sql, params);
    expect(mine).toEqual((await pg.query(sql, params)).rows);
    expect(mine[0]).toMatchObject({ i: 7, at: new Date('2026-12-03T10:00:00.123Z'), j: { a: [1, 'x'] } });
    expect(await session.query('SELECT 1 AS one WHERE false')).toEqual([]);
  });

  it('throws PGlite’s error, with its code and constraint, and the statement stays usable', async () => {
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE errors_t (id int PRIMARY KEY)');
    const insert = 'INSERT INTO errors_t (id) VALUES ($1)';
    await session.query(insert, [1]);
    await expect(session.query(insert, [1])).rejects.toMatchObject({
      code: '23505',
      constraint: 'errors_t_pkey',
      message: expect.stringContaining('duplicate key'),
    });
    await session.query(insert, [2]);
    expect((await pg.query('SELECT id FROM errors_t ORDER BY id')).rows).toEqual([{ id: 1 }, { id: 2 }]);
  });

  it('keeps no statement for a text that does not parse', async () => {
    const session = new PgliteSession(pg);
    await expect(session.query('SELEC 1')).rejects.toMatchObject({ code: '42601' });
    expect(session.size).toBe(0);
    expect(await session.query('SELECT 2 AS two')).toEqual([{ two: 2 }]);
  });
});

describe('plans', () => {
  it('prepares each text once: a VALUES list is planned five times, then runs on its generic plan', async () => {
    await deallocateAll();
    const session = new PgliteSession(pg);
    const byValues = 'SELECT id FROM attempts WHERE id IN (SELECT v FROM (VALUES ($1::text), ($2::text)) AS p (v))';
    const byArray = 'SELECT id FROM attempts WHERE id = ANY($1::text[])';
    for (let run = 0; run < 8; run++) {
      await session.query(byValues, ['a', 'b']);
      await session.query(byArray, [['a', 'b']]);
    }
    expect(await preparedNow()).toEqual([
      { statement: byValues, custom_plans: 5, generic_plans: 3 },
      // An array's length is in the parameter, not the text: its generic plan assumes ten elements and loses.
      { statement: byArray, custom_plans: 8, generic_plans: 0 },
    ]);
  });

  it('keeps at most `max` statements, closing the least recently used', async () => {
    await deallocateAll();
    const session = new PgliteSession(pg, { max: 2 });
    await session.query('SELECT 1 AS a');
    await session.query('SELECT 2 AS b');
    await session.query('SELECT 1 AS a');
    await session.query('SELECT 3 AS c');
    expect(session.size).toBe(2);
    expect((await preparedNow()).map((p) => p.statement)).toEqual(['SELECT 1 AS a', 'SELECT 3 AS c']);
  });

  it('prepares a statement again once it is `maxAgeMs` old, so that its plan follows the data', async () => {
    await deallocateAll();
    let now = 0;
    const session = new PgliteSession(pg, { maxAgeMs: 1000 }, () => now);
    const sql = 'SELECT count(*)::int AS n FROM attempts WHERE id = $1';
    for (let run = 0; run < 6; run++) await session.query(sql, ['x']);
    expect(await preparedNow()).toEqual([{ statement: sql, custom_plans: 5, generic_plans: 1 }]);
    now = 999;
    await session.query(sql, ['x']);
    expect(await preparedNow()).toEqual([{ statement: sql, custom_plans: 5, generic_plans: 2 }]);
    now = 1000;
    await session.query(sql, ['x']);
    expect(await preparedNow()).toEqual([{ statement: sql, custom_plans: 1, generic_plans: 0 }]);
    expect(session.size).toBe(1);
  });
});

describe('a schema that changes under a statement', () => {
  /** A fresh session with `SELECT *` on a new one-row table prepared; then the table gains `column`. */
  async function preparedThenAltered(table: string, column: string) {
    await deallocateAll();
    const session = new PgliteSession(pg);
    const sql = `SELECT * FROM ${table}`;
    await pg.exec(`CREATE TABLE ${table} (a int); INSERT INTO ${table} VALUES (1)`);
    expect(await session.query(sql)).toEqual([{ a: 1 }]);
    await pg.exec(`ALTER TABLE ${table} ADD COLUMN ${column}`);
    return { session, sql };
  }

  it('outside a transaction, prepares it again and answers with the new shape, leaving nothing behind', async () => {
    const { session, sql } = await preparedThenAltered('shape_t', 'b text DEFAULT $$x$$');
    expect(await session.query(sql)).toEqual([{ a: 1, b: 'x' }]);
    expect((await preparedNow()).map((p) => p.statement)).toEqual([sql]);
  });

  it('inside a transaction, throws (the transaction is aborted) and the next run prepares afresh', async () => {
    const { session, sql } = await preparedThenAltered('shape_u', 'b int DEFAULT 2');
    await expect(session.transaction((tx) => tx.query(sql))).rejects.toMatchObject({ code: '0A000' });
    expect(await session.query(sql)).toEqual([{ a: 1, b: 2 }]);
    expect((await preparedNow()).map((p) => p.statement)).toEqual([sql]);
  });

  it('does not run again a statement refused as not supported, which preparing again would not cure', async () => {
    await deallocateAll();
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE unsupported_a (n int); CREATE TABLE unsupported_b (n int)');
    const sql = 'SELECT * FROM unsupported_a LEFT JOIN unsupported_b ON true FOR UPDATE OF unsupported_b';
    for (let run = 0; run < 3; run++) {
      await expect(session.query(sql)).rejects.toMatchObject({ code: '0A000' });
    }
    expect((await preparedNow()).map((p) => p.statement)).toEqual([sql]);
  });

  it('recovers a statement deallocated behind its back', async () => {
    const session = new PgliteSession(pg);
    expect(await session.query('SELECT 41 + $1::int AS n', [1])).toEqual([{ n: 42 }]);
    await deallocateAll();
    expect(await session.query('SELECT 41 + $1::int AS n', [1])).toEqual([{ n: 42 }]);
  });
});

describe('transactions and closing', () => {
  it('commits when the callback returns, with its statements and exec, and answers its value', async () => {
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE commit_t (n int)');
    const value = await session.transaction(async (tx) => {
      await tx.query('INSERT INTO commit_t VALUES ($1)', [1]);
      await tx.exec('INSERT INTO commit_t VALUES (2); INSERT INTO commit_t VALUES (3)');
      return (await tx.query<{ n: number }>('SELECT count(*)::int AS n FROM commit_t'))[0]?.n;
    });
    expect(value).toBe(3);
    expect((await pg.query('SELECT n FROM commit_t ORDER BY n')).rows).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
  });

  it('rolls back whole when the callback throws, and throws its error', async () => {
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE rollback_t (n int)');
    const failure = new Error('changed my mind');
    await expect(
      session.transaction(async (tx) => {
        await tx.query('INSERT INTO rollback_t VALUES (1)');
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await pg.query('SELECT n FROM rollback_t')).rows).toEqual([]);
    expect(pg.isInTransaction()).toBe(false);
  });

  it('throws TransactionAbortedError when a statement failed and the callback went on regardless', async () => {
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE aborted_t (n int PRIMARY KEY)');
    await expect(
      session.transaction(async (tx) => {
        await tx.query('INSERT INTO aborted_t VALUES (1)');
        await tx.query('INSERT INTO aborted_t VALUES (1)').catch(() => undefined);
      }),
    ).rejects.toBeInstanceOf(TransactionAbortedError);
    expect((await pg.query('SELECT n FROM aborted_t')).rows).toEqual([]);
  });

  it('throws the error of a COMMIT that fails (a deferred constraint), and keeps nothing', async () => {
    const session = new PgliteSession(pg);
    await pg.exec(`CREATE TABLE deferred_t (n int);
      CREATE FUNCTION refuse_deferred() RETURNS trigger LANGUAGE plpgsql AS
        $$ BEGIN RAISE EXCEPTION 'refused at commit' USING ERRCODE = 'P0001'; END $$;
      CREATE CONSTRAINT TRIGGER refuse AFTER INSERT ON deferred_t DEFERRABLE INITIALLY DEFERRED
        FOR EACH ROW EXECUTE FUNCTION refuse_deferred();`);
    await expect(session.transaction((tx) => tx.query('INSERT INTO deferred_t VALUES (1)'))).rejects.toMatchObject({
      code: 'P0001',
      message: 'refused at commit',
    });
    expect((await pg.query('SELECT n FROM deferred_t')).rows).toEqual([]);
    expect(await session.transaction(async () => 'next')).toBe('next');
  });

  it('sends BEGIN with the first statement: one statement and COMMIT are two exchanges, no statement none', async () => {
    const session = new PgliteSession(pg);
    await session.query('SELECT $1::int AS n', [1]); // prepared before the count starts
    const exchanges = vi.spyOn(pg, 'execProtocol');
    try {
      const rows = await session.transaction((tx) => tx.query('SELECT $1::int AS n', [2]));
      expect(rows).toEqual([{ n: 2 }]);
      expect(exchanges).toHaveBeenCalledTimes(2);
      exchanges.mockClear();
      expect(await session.transaction(async () => 'nothing to do')).toBe('nothing to do');
      expect(exchanges).not.toHaveBeenCalled();
    } finally {
      exchanges.mockRestore();
    }
    expect(pg.isInTransaction()).toBe(false);
  });

  it('a statement already prepared runs inside the transaction: a throw after it keeps nothing', async () => {
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE prepared_first_t (n int)');
    const insert = 'INSERT INTO prepared_first_t VALUES ($1)';
    await session.query(insert, [1]);
    const failure = new Error('changed my mind');
    await expect(
      session.transaction(async (tx) => {
        await tx.query(insert, [2]);
        expect(pg.isInTransaction()).toBe(true);
        throw failure;
      }),
    ).rejects.toBe(failure);
    expect((await pg.query('SELECT n FROM prepared_first_t')).rows).toEqual([{ n: 1 }]);
    expect(pg.isInTransaction()).toBe(false);
  });

  it('a callback that throws before any statement sends nothing, and throws its error', async () => {
    const session = new PgliteSession(pg);
    const exchanges = vi.spyOn(pg, 'execProtocol');
    const failure = new Error('before anything');
    try {
      await expect(session.transaction(() => Promise.reject(failure))).rejects.toBe(failure);
      expect(exchanges).not.toHaveBeenCalled();
    } finally {
      exchanges.mockRestore();
    }
  });

  it('a statement still queued when the callback returned is refused, and leaves no transaction open', async () => {
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE stray_t (n int)');
    // Something else holds PGlite's query lock, so the statement waits its turn past the callback's return.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let stray: Promise<unknown> | undefined;
    await session.transaction(async (tx) => {
      void pg.runExclusive(() => held);
      stray = tx.query('INSERT INTO stray_t VALUES (1)');
    });
    release();
    await expect(stray).rejects.toThrow('Transaction is closed');
    expect(pg.isInTransaction()).toBe(false);
    expect((await pg.query('SELECT n FROM stray_t')).rows).toEqual([]);
  });

  it('a first statement that does not parse aborts the transaction, as any failing statement does', async () => {
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE parse_first_t (n int)');
    await expect(
      session.transaction(async (tx) => {
        await tx.query('SELEC nonsense').catch(() => undefined);
        await tx.query('INSERT INTO parse_first_t VALUES (1)');
      }),
    ).rejects.toMatchObject({ code: '25P02' }); // in_failed_sql_transaction
    expect((await pg.query('SELECT n FROM parse_first_t')).rows).toEqual([]);
  });

  it('refuses statements on a transaction’s handle once its callback has returned', async () => {
    const session = new PgliteSession(pg);
    let kept: { query(sql: string): Promise<unknown> } | undefined;
    await session.transaction(async (tx) => {
      kept = tx;
    });
    await expect(kept?.query('SELECT 1')).rejects.toThrow('Transaction is closed');
  });

  it('a statement outside an open transaction waits for it, and sees what it committed', async () => {
    const session = new PgliteSession(pg);
    await pg.exec('CREATE TABLE waits_t (n int)');
    const order: string[] = [];
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const transaction = session.transaction(async (tx) => {
      await tx.query('INSERT INTO waits_t VALUES (1)');
      await released;
      order.push('commit');
    });
    const outside = session.query<{ n: number }>('SELECT n FROM waits_t').then((rows) => {
      order.push('outside');
      return rows;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(order).toEqual([]);
    release();
    await transaction;
    expect(await outside).toEqual([{ n: 1 }]);
    expect(order).toEqual(['commit', 'outside']);
  });

  it('refuses statements once PGlite is closed, as PGlite does', async () => {
    const closing = await open();
    const session = new PgliteSession(closing);
    expect(await session.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
    await closing.close();
    await expect(session.query('SELECT 1 AS one')).rejects.toThrow(/closed/i);
  });
});
