/** The embedded engine: PGlite on a locked data directory, or in memory from a dump (tests). */
import { join } from 'node:path';
import { PGlite, type Transaction } from '@electric-sql/pglite';
import type { Db, Queryable, Row } from './db.js';
import { type DirLock, lockDataDir } from './lock.js';

export async function openPglite(dataDir: string): Promise<Db> {
  const lock = lockDataDir(dataDir);
  try {
    const pg = new PGlite(join(dataDir, 'pglite'));
    await pg.waitReady;
    return wrap(pg, lock);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** An in-memory database loaded from a data-directory dump: no lock, gone when closed. */
export async function openPgliteFromDump(dump: Blob): Promise<Db> {
  const pg = new PGlite({ loadDataDir: dump });
  await pg.waitReady;
  return wrap(pg, null);
}

/** Wraps a PGlite the caller opened (and will close through the returned Db). */
export function fromPglite(pg: PGlite): Db & { pglite: PGlite } {
  return wrap(pg, null);
}

export async function dumpPglite(db: Db): Promise<Blob> {
  const pg = (db as Db & { pglite?: PGlite }).pglite;
  if (!pg) throw new Error('dumpPglite needs a PGlite database');
  return (await pg.dumpDataDir('gzip')) as Blob;
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

function wrap(pg: PGlite, lock: DirLock | null): Db & { pglite: PGlite } {
  let closed = false;
  return {
    engine: 'pglite',
    pglite: pg,
    ...queryable(pg),
    transaction: (fn) => pg.transaction((tx) => fn(queryable(tx))),
    async close() {
      if (closed) return;
      closed = true;
      await pg.close();
      lock?.release();
    },
  };
}
