/**
 * Plain SQL migrations, applied in file-name order at start, each once, each in its own transaction,
 * recorded in schema_migrations. On PostgreSQL an advisory lock keeps two starting servers from applying
 * the same migration twice. A failure stops start-up naming the file and the database's message.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Db } from './db.js';

export const MIGRATIONS_DIR = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

export class MigrationError extends Error {}

export type Migration = { name: string; sql: string };

export function readMigrations(dir = MIGRATIONS_DIR): Migration[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.sql'))
    .sort()
    .map((name) => ({ name, sql: readFileSync(join(dir, name), 'utf8') }));
}

/** Applies what is pending; returns the names applied now. */
export async function migrate(db: Db, migrations = readMigrations(), now = new Date()): Promise<string[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    name text PRIMARY KEY,
    applied_at timestamptz NOT NULL
  )`);
  const applied: string[] = [];
  for (const migration of migrations) {
    const ran = await db.transaction(async (tx) => {
      if (db.engine === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(hashtext('audition:migrate'))`);
      const done = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [migration.name]);
      if (done.length > 0) return false;
      try {
        await tx.exec(migration.sql);
      } catch (error) {
        throw new MigrationError(`Migration ${migration.name} failed: ${(error as Error).message}`);
      }
      await tx.query('INSERT INTO schema_migrations (name, applied_at) VALUES ($1, $2)', [migration.name, now]);
      return true;
    });
    if (ran) applied.push(migration.name);
  }
  return applied;
}
