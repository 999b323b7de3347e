/**
 * The embedded engine on the calling thread: in memory from a dump (tests), or any PGlite the caller opened
 * (the database thread's own, ADR 019). A data directory is opened through pglite-thread.ts, which locks it.
 */
import { PGlite } from '@electric-sql/pglite';
import { assertNotInsideTransaction, type Db, markedInside } from './db.js';
import { PgliteSession } from './pglite-session.js';

/** An in-memory database loaded from a data-directory dump: no lock, gone when closed. */
export async function openPgliteFromDump(dump: Blob): Promise<Db> {
  const pg = new PGlite({ loadDataDir: dump });
  await pg.waitReady;
  return fromPglite(pg);
}

/** Wraps a PGlite the caller opened (and will close through the returned Db). */
export function fromPglite(pg: PGlite): Db {
  let closed = false;
  // Statements and transactions in as few exchanges with the engine as possible (ADR 020).
  const session = new PgliteSession(pg);
  const db: Db = {
    engine: 'pglite',
    query: (sql, params) => {
      assertNotInsideTransaction(db);
      return session.query(sql, params);
    },
    async exec(sql) {
      assertNotInsideTransaction(db);
      await pg.exec(sql);
    },
    transaction: (fn) => {
      assertNotInsideTransaction(db);
      return session.transaction((tx) => markedInside(db, () => fn(tx)));
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
