/**
 * The grading job queue, in the database. A worker claims the oldest runnable job with FOR UPDATE SKIP
 * LOCKED and a lease; a job whose lease expired (its process died) is claimed again. Failures the judge may
 * recover from are retried with backoff; after MAX_ATTEMPTS the job is failed with its reason, and staff
 * can queue it again.
 */
import { randomUUID } from 'node:crypto';
import { one, type Queryable } from '../db/db.js';

export const MAX_ATTEMPTS = 5;
export const LEASE_MS = 5 * 60_000;

export type JobState = 'queued' | 'running' | 'done' | 'failed';

export type Job = {
  id: string;
  submissionId: string;
  state: JobState;
  attempts: number;
  runAfter: Date;
  lastError: string | null;
};

const JOB_COLUMNS = `id, submission_id AS "submissionId", state, attempts, run_after AS "runAfter", last_error AS "lastError"`;

export async function enqueue(db: Queryable, submissionId: string, now: Date): Promise<string> {
  const id = randomUUID();
  await db.query(
    `INSERT INTO grading_jobs (id, submission_id, state, run_after, created_at, updated_at)
     VALUES ($1, $2, 'queued', $3, $3, $3)`,
    [id, submissionId, now],
  );
  return id;
}

/** Claims one runnable job, or null. Safe to call from several workers and processes at once. */
export function claim(db: Queryable, now: Date): Promise<Job | null> {
  return one<Job>(
    db,
    `UPDATE grading_jobs SET state = 'running', attempts = attempts + 1, locked_until = $2, updated_at = $1
      WHERE id = (
        SELECT id FROM grading_jobs
         WHERE (state = 'queued' AND run_after <= $1) OR (state = 'running' AND locked_until < $1)
         ORDER BY run_after, created_at
         LIMIT 1
         FOR UPDATE SKIP LOCKED)
      RETURNING ${JOB_COLUMNS}`,
    [now, new Date(now.getTime() + LEASE_MS)],
  );
}

export async function complete(db: Queryable, jobId: string, now: Date): Promise<void> {
  await db.query(
    `UPDATE grading_jobs SET state = 'done', locked_until = NULL, last_error = NULL, updated_at = $2 WHERE id = $1`,
    [jobId, now],
  );
}

/** Records a failure: queued again after a backoff, or failed for good after MAX_ATTEMPTS. */
export async function fail(db: Queryable, job: Job, reason: string, retryable: boolean, now: Date): Promise<JobState> {
  const giveUp = !retryable || job.attempts >= MAX_ATTEMPTS;
  const backoffMs = Math.min(10 * 60_000, 15_000 * 2 ** (job.attempts - 1));
  await db.query(
    `UPDATE grading_jobs SET state = $2, run_after = $3, locked_until = NULL, last_error = $4, updated_at = $5
      WHERE id = $1`,
    [job.id, giveUp ? 'failed' : 'queued', new Date(now.getTime() + backoffMs), reason, now],
  );
  return giveUp ? 'failed' : 'queued';
}

/** Staff retry: a failed job is queued again with its attempts reset. Answers false when it was not failed. */
export async function retry(db: Queryable, jobId: string, now: Date): Promise<boolean> {
  const rows = await db.query(
    `UPDATE grading_jobs SET state = 'queued', attempts = 0, run_after = $2, last_error = NULL, updated_at = $2
      WHERE id = $1 AND state = 'failed' RETURNING id`,
    [jobId, now],
  );
  return rows.length === 1;
}

export function jobsOf(db: Queryable, submissionId: string): Promise<Job[]> {
  return db.query<Job>(`SELECT ${JOB_COLUMNS} FROM grading_jobs WHERE submission_id = $1 ORDER BY seq`, [submissionId]);
}

export type JobListing = Job & { exerciseId: string; updatedAt: Date };

export function listJobs(db: Queryable, state: JobState | undefined, limit: number): Promise<JobListing[]> {
  return db.query<JobListing>(
    `SELECT j.id, j.submission_id AS "submissionId", s.exercise_id AS "exerciseId", j.state, j.attempts,
            j.run_after AS "runAfter", j.last_error AS "lastError", j.updated_at AS "updatedAt"
       FROM grading_jobs j JOIN submissions s ON s.id = j.submission_id
      WHERE ($1::text IS NULL OR j.state = $1)
      ORDER BY j.updated_at DESC LIMIT $2`,
    [state ?? null, limit],
  );
}
