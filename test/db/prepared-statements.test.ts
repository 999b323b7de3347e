/**
 * Prepared statements through the Db, on every engine (ADR 020 on PGlite, ADR 022 on PostgreSQL): a
 * statement whose table changed shape, or that was deallocated behind the server's back, is prepared again
 * and answers as if it had never been prepared. One connection, so that on PostgreSQL every run meets the
 * statement its connection prepared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db.js';
import { openTestDb } from '../helpers/test-db.js';

let db: Db;
beforeAll(async () => {
  db = await openTestDb({ connections: 1 });
});
afterAll(() => db.close());

describe('prepared statements', () => {
  it('a statement run again after its table gained a column answers with the new columns', async () => {
    await db.exec('CREATE TABLE shape_t (a int); INSERT INTO shape_t VALUES (1)');
    // Six runs: past PostgreSQL's five custom plans, onto the generic plan.
    for (let run = 0; run < 6; run++) expect(await db.query('SELECT * FROM shape_t')).toEqual([{ a: 1 }]);
    await db.exec('ALTER TABLE shape_t ADD COLUMN b text');
    expect(await db.query('SELECT * FROM shape_t')).toEqual([{ a: 1, b: null }]);
  });

  it('inside a transaction the stale statement fails it, and the next run outside answers', async () => {
    await db.exec('CREATE TABLE shape_tx_t (a int); INSERT INTO shape_tx_t VALUES (1)');
    expect(await db.query('SELECT * FROM shape_tx_t')).toEqual([{ a: 1 }]);
    await db.exec('ALTER TABLE shape_tx_t ADD COLUMN b text');
    await expect(db.transaction((tx) => tx.query('SELECT * FROM shape_tx_t'))).rejects.toMatchObject({
      code: '0A000',
    });
    expect(await db.query('SELECT * FROM shape_tx_t')).toEqual([{ a: 1, b: null }]);
  });

  it('a statement deallocated behind the server’s back is prepared again', async () => {
    expect(await db.query('SELECT $1::int + 1 AS n', [41])).toEqual([{ n: 42 }]);
    await db.exec('DEALLOCATE ALL');
    expect(await db.query('SELECT $1::int + 1 AS n', [41])).toEqual([{ n: 42 }]);
  });
});
