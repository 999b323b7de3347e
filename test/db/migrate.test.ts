import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db.js';
import { MigrationError, migrate, readMigrations } from '../../server/db/migrate.js';
import { openTestDb } from '../helpers/test-db.js';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('migrations', () => {
  it('records every shipped migration, and applying again does nothing', async () => {
    const names = (await db.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name')).map(
      (r) => r.name,
    );
    expect(names).toEqual(readMigrations().map((m) => m.name));
    expect(await migrate(db)).toEqual([]);
  });

  it('applies new files in name order, each once', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audition-mig-'));
    writeFileSync(join(dir, '900-b.sql'), 'INSERT INTO mig_probe (v) VALUES (2);');
    writeFileSync(
      join(dir, '800-a.sql'),
      'CREATE TABLE mig_probe (v int NOT NULL); INSERT INTO mig_probe (v) VALUES (1);',
    );
    expect(await migrate(db, readMigrations(dir))).toEqual(['800-a.sql', '900-b.sql']);
    expect(await migrate(db, readMigrations(dir))).toEqual([]);
    const rows = await db.query<{ v: number }>('SELECT v FROM mig_probe ORDER BY v');
    expect(rows.map((r) => r.v)).toEqual([1, 2]);
  });

  it('stops on a failing migration, naming the file and the database message, and rolls it back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'audition-mig-'));
    writeFileSync(join(dir, '950-broken.sql'), 'CREATE TABLE half_done (v int); SELECT * FROM no_such_table;');
    const error = await migrate(db, readMigrations(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MigrationError);
    expect((error as Error).message).toMatch(/^Migration 950-broken\.sql failed: .*no_such_table.*does not exist/);
    const recorded = await db.query('SELECT 1 FROM schema_migrations WHERE name = $1', ['950-broken.sql']);
    expect(recorded).toEqual([]);
    const table = await db.query(`SELECT 1 FROM information_schema.tables WHERE table_name = 'half_done'`);
    expect(table).toEqual([]);
  });
});
