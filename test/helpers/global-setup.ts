/**
 * Builds the migrated template database once per run: a PGlite dump that each test file loads into
 * memory (≈0.3 s instead of ≈3 s for a fresh one), or, with DATABASE_URL, a PostgreSQL template database
 * that each test file copies with CREATE DATABASE … TEMPLATE.
 */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../../server/db/migrate.js';
import { fromPglite } from '../../server/db/pglite.js';
import { openPostgres } from '../../server/db/postgres.js';
import { TEMPLATE_DB, withDatabase } from './template.js';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteDump: string;
  }
}

export default async function setup(project: TestProject) {
  const url = process.env.DATABASE_URL;
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB}`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const db = await openPostgres(withDatabase(url, TEMPLATE_DB));
    await migrate(db);
    await db.close();
    project.provide('pgliteDump', '');
    return;
  }
  const pglite = new PGlite();
  const db = fromPglite(pglite);
  await migrate(db);
  const dump = (await pglite.dumpDataDir('gzip')) as Blob;
  await pglite.close();
  const path = join(tmpdir(), `audition-test-template-${process.pid}.tar.gz`);
  await writeFile(path, Buffer.from(await dump.arrayBuffer()));
  project.provide('pgliteDump', path);
}
