/** Stored pre-grades: every one computed, newest last. */
import { randomUUID } from 'node:crypto';
import type { PreGrade } from '../grading/types.js';
import { one, type Queryable } from './db.js';

export type StoredPregrade = {
  id: string;
  jobId: string | null;
  complete: boolean;
  pregrade: PreGrade;
  createdAt: Date;
};

export async function insertPregrade(
  db: Queryable,
  input: { submissionId: string; jobId: string | null; complete: boolean; pregrade: PreGrade },
  now: Date,
): Promise<void> {
  await db.query(
    `INSERT INTO pregrades (id, submission_id, job_id, complete, pregrade, created_at) VALUES ($1, $2, $3, $4, $5, $6)`,
    [randomUUID(), input.submissionId, input.jobId, input.complete, JSON.stringify(input.pregrade), now],
  );
}

export function latestPregrade(db: Queryable, submissionId: string): Promise<StoredPregrade | null> {
  return one<StoredPregrade>(
    db,
    `SELECT id, job_id AS "jobId", complete, pregrade, created_at AS "createdAt" FROM pregrades
      WHERE submission_id = $1 ORDER BY seq DESC LIMIT 1`,
    [submissionId],
  );
}
