/**
 * A fresh, migrated database for one test file: PGlite in memory loaded from the run's template dump, or
 * with DATABASE_URL a new PostgreSQL database copied from the template (dropped again by close()). With
 * TEST_DB=pglite-thread the PGlite runs on its own thread, as the server runs it (ADR 019).
 */
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { inject } from 'vitest';
import { type Db, guardTransactions } from '../../server/db/db.js';
import { migrate } from '../../server/db/migrate.js';
import { fromPglite, openPgliteFromDump } from '../../server/db/pglite.js';
import { openPgliteThreadFromDump } from '../../server/db/pglite-thread.js';
import { openPostgres } from '../../server/db/postgres.js';
import { TEMPLATE_DB, withDatabase } from './template.js';

/** connections: the pool's size on PostgreSQL (PGlite has one session). */
export async function openTestDb({ connections = 4 }: { connections?: number } = {}): Promise<Db> {
  // A statement on the database from inside its own transaction fails the test instead of hanging it.
  guardTransactions();
  const url = process.env.DATABASE_URL;
  if (!url) {
    const dump = await readFile(inject('pgliteDump'));
    if (process.env.TEST_DB === 'pglite-thread') {
      return openPgliteThreadFromDump(dump.buffer.slice(dump.byteOffset, dump.byteOffset + dump.byteLength));
    }
    return openPgliteFromDump(new Blob([dump]));
  }
  const name = `audition_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
  const db = await openPostgres(withDatabase(url, name), { max: connections });
  return {
    ...db,
    async close() {
      await db.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name}`);
    },
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * The run's migrated PGlite template, for tests of PGlite itself. A PostgreSQL run has none (its template
 * is a database), so one is migrated here.
 */
export async function migratedDump(): Promise<ArrayBuffer> {
  const path = inject('pgliteDump');
  if (path) {
    const dump = await readFile(path);
    return dump.buffer.slice(dump.byteOffset, dump.byteOffset + dump.byteLength);
  }
  const pglite = new PGlite();
  await migrate(fromPglite(pglite));
  const dump = (await pglite.dumpDataDir('none')) as Blob;
  await pglite.close();
  return dump.arrayBuffer();
}
