/**
 * Content snapshots: the first time an exercise version is used, its whole content is stored, so that a
 * submission can always be shown and re-graded against exactly what the candidate saw, whatever happens to
 * the files later. Rows are written once and never updated.
 */
import { one, type Queryable } from '../db/db.js';
import type { Exercise } from './library.js';

export async function ensureSnapshot(db: Queryable, exercise: Exercise, now: Date): Promise<void> {
  await db.query(
    `INSERT INTO exercise_versions (exercise_id, version, snapshot, created_at)
     VALUES ($1, $2, $3, $4) ON CONFLICT (exercise_id, version) DO NOTHING`,
    [exercise.id, exercise.version, JSON.stringify(exercise), now],
  );
}

export async function getSnapshot(db: Queryable, exerciseId: string, version: string): Promise<Exercise | null> {
  const row = await one<{ snapshot: Exercise }>(
    db,
    'SELECT snapshot FROM exercise_versions WHERE exercise_id = $1 AND version = $2',
    [exerciseId, version],
  );
  return row?.snapshot ?? null;
}

export type SnapshotReader = (exerciseId: string, version: string) => Promise<Exercise | null>;

/**
 * Reads snapshots through a cache. Safe to share and never stale: a version is a content hash and its row
 * is written once, so every process sees the same snapshot for it. Bounded, oldest entry out first.
 */
export function cachedSnapshots(db: Queryable, capacity = 200): SnapshotReader {
  const cache = new Map<string, Exercise>();
  return async (exerciseId, version) => {
    const key = `${exerciseId}@${version}`;
    const hit = cache.get(key);
    if (hit) return hit;
    const exercise = await getSnapshot(db, exerciseId, version);
    if (exercise) {
      if (cache.size >= capacity) cache.delete(cache.keys().next().value ?? '');
      cache.set(key, exercise);
    }
    return exercise;
  };
}
