import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadLibrary } from '../../server/content/library.js';
import { ensureSnapshot, getSnapshot } from '../../server/content/snapshots.js';
import type { Db } from '../../server/db/db.js';
import { FIXTURE_CONTENT } from '../helpers/test-app.js';
import { openTestDb } from '../helpers/test-db.js';

let db: Db;
beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

describe('content snapshots', () => {
  it('keeps the version an attempt started on, intact and retrievable, after the files change', async () => {
    const root = mkdtempSync(join(tmpdir(), 'audition-snap-'));
    cpSync(FIXTURE_CONTENT, root, { recursive: true });
    const before = loadLibrary(root).exercises.find((e) => e.id === 'canary-bug')?.exercise;
    if (!before) throw new Error('fixture missing');
    await ensureSnapshot(db, before, new Date('2026-03-01T10:00:00Z'));

    const buggy = join(root, 'exercises/canary-bug/buggy.ts');
    writeFileSync(buggy, readFileSync(buggy, 'utf8').replace('Adds up', 'Sums'));
    const after = loadLibrary(root).exercises.find((e) => e.id === 'canary-bug')?.exercise;
    if (!after) throw new Error('edited fixture no longer loads');
    expect(after.version).not.toBe(before.version);
    await ensureSnapshot(db, after, new Date('2026-03-02T10:00:00Z'));

    const old = await getSnapshot(db, 'canary-bug', before.version);
    expect(old).toEqual(JSON.parse(JSON.stringify(before)));
    expect(old?.kind === 'bug-hunt' && old.code.buggy).toContain('// Adds up a list of numbers.');
    const current = await getSnapshot(db, 'canary-bug', after.version);
    expect(current?.kind === 'bug-hunt' && current.code.buggy).toContain('// Sums a list of numbers.');
  });

  it('writes a version once: a second use never overwrites it', async () => {
    const exercise = loadLibrary(FIXTURE_CONTENT).exercises.find((e) => e.id === 'canary-spec')?.exercise;
    if (!exercise) throw new Error('fixture missing');
    await ensureSnapshot(db, exercise, new Date('2026-03-01T10:00:00Z'));
    await ensureSnapshot(db, { ...exercise, title: 'tampered' }, new Date('2026-03-03T10:00:00Z'));
    expect((await getSnapshot(db, 'canary-spec', exercise.version))?.title).toBe('Password reset');
    const rows = await db.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM exercise_versions WHERE exercise_id = $1',
      ['canary-spec'],
    );
    expect(rows[0]?.n).toBe(1);
  });

  it('changes the version when the rubric changes, even if the exercise files do not', () => {
    const root = mkdtempSync(join(tmpdir(), 'audition-snap-'));
    cpSync(FIXTURE_CONTENT, root, { recursive: true });
    const v1 = loadLibrary(root).exercises.find((e) => e.id === 'canary-spec')?.exercise?.version;
    const rubric = join(root, 'rubrics/fixture-spec.yaml');
    writeFileSync(rubric, readFileSync(rubric, 'utf8').replace('title: Coverage', 'title: Edge-case coverage'));
    const v2 = loadLibrary(root).exercises.find((e) => e.id === 'canary-spec')?.exercise?.version;
    expect(v1).toMatch(/^[0-9a-f]{12}$/);
    expect(v2).toMatch(/^[0-9a-f]{12}$/);
    expect(v2).not.toBe(v1);
  });
});
