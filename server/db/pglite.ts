/**
 * The embedded engine on the calling thread: in memory from a dump (tests), or any PGlite the caller opened
 * (the database thread's own, ADR 019). A data directory is opened through pglite-thread.ts, which locks it.
 */
import { PGlite, type Transaction } from '@electric-sql/pglite';
import { assertNotInsideTransaction, type Db, markedInside, type Queryable, type Row } from './db.js';

/** An in-memory database loaded from a data-directory dump: no lock, gone when closed. */
export async function openPgliteFromDump(dump: Blob): Promise<Db> {
  const pg = new PGlite({ loadDataDir: dump });
  await pg.waitReady;
  return fromPglite(pg);
}

function queryable(target: PGlite | Transaction): Queryable {
  return {
    async query<T extends Row>(sql: string, params: unknown[] = []) {
      return (await target.query<T>(sql, params)).rows;
    },
    async exec(sql: string) {
      await target.exec(sql);
    },
  };
}

/** Wraps a PGlite the caller opened (and will close through the returned Db). */
export function fromPglite(pg: PGlite): Db {
  let closed = false;
  const direct = queryable(pg);
  const db: Db = {
    engine: 'pglite',
    query: (sql, params) => {
      assertNotInsideTransaction(db);
      return direct.query(sql, params);
    },
    exec: (sql) => {
      assertNotInsideTransaction(db);
      return direct.exec(sql);
    },
    transaction: (fn) => {
      assertNotInsideTransaction(db);
      return pg.transaction((tx) => markedInside(db, () => fn(queryable(tx))));
    },
    call: (procedure, input) => {
      assertNotInsideTransaction(db);
      return procedure.run(db, input);
    },
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
  return db;
}
