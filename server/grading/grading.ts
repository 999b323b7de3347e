/**
 * Grading wired to storage: at submit, the deterministic pre-grade is stored in the submit's own
 * transaction and, when the rubric has llm criteria, a job is queued; the job runner then stores the full
 * pre-grade. Judge outages become retryable job failures.
 */
import type Anthropic from '@anthropic-ai/sdk';
import type { Exercise } from '../content/library.js';
import type { Submission } from '../content/schema.js';
import type { SnapshotReader } from '../content/snapshots.js';
import type { SubmissionRow } from '../db/attempts.js';
import { type Db, one, type Queryable } from '../db/db.js';
import { insertPregrade } from '../db/pregrades.js';
import type { Logger } from '../deps.js';
import { ApiError } from '../errors.js';
import { enqueue } from './jobs.js';
import { JudgeUnavailableError, judge } from './judge/judge.js';
import { llmCriteria } from './judge/schema.js';
import { deterministicPregrade, type JudgeFn, pregrade } from './pregrade.js';
import { RetryableError, type RunJob } from './worker.js';

/** The judge as the rest of the server calls it; with no client every llm criterion stays pending. */
export function makeJudge(options: { client: Anthropic | null; model: string; log: Logger }): JudgeFn {
  return (exercise, criteria, submission) =>
    judge({ client: options.client, model: options.model, exercise, criteria, submission, log: options.log });
}

/** Called inside the transaction that creates a submission. */
export async function onSubmitted(tx: Queryable, row: SubmissionRow, exercise: Exercise, now: Date): Promise<void> {
  await storeDeterministic(tx, row, exercise, now, null);
}

/**
 * Grades a submission again (staff): the deterministic pre-grade at once, from the snapshot the candidate saw,
 * and a job for the llm criteria. A job already queued or running is reused, so a double click queues one.
 */
export async function regrade(
  db: Db,
  snapshots: SnapshotReader,
  submissionId: string,
  now: Date,
): Promise<{ jobId: string | null }> {
  // The snapshot first, outside the transaction: reading it may query the database, and a statement outside
  // a transaction would wait for it to end (one connection). A submission's exercise version never changes.
  const pinned = await one<{ exerciseId: string; version: string }>(
    db,
    `SELECT exercise_id AS "exerciseId", exercise_version AS version FROM submissions WHERE id = $1`,
    [submissionId],
  );
  if (!pinned) throw new ApiError('not_found', `No submission ${submissionId}.`);
  const exercise = await snapshots(pinned.exerciseId, pinned.version);
  if (!exercise) throw new Error(`snapshot ${pinned.exerciseId}@${pinned.version} not found`);
  return db.transaction(async (tx) => {
    const row = await one<{ id: string; exerciseId: string; version: string; submission: Submission; lateMs: number }>(
      tx,
      `SELECT id, exercise_id AS "exerciseId", exercise_version AS version, submission, late_ms AS "lateMs"
         FROM submissions WHERE id = $1 FOR UPDATE`,
      [submissionId],
    );
    if (!row) throw new ApiError('not_found', `No submission ${submissionId}.`);
    const active = await one<{ id: string }>(
      tx,
      `SELECT id FROM grading_jobs WHERE submission_id = $1 AND state IN ('queued', 'running') LIMIT 1`,
      [submissionId],
    );
    return { jobId: await storeDeterministic(tx, row, exercise, now, active?.id ?? null) };
  });
}

/** Stores the deterministic pre-grade and, when the rubric has llm criteria, queues a job (or reuses `job`). */
async function storeDeterministic(
  tx: Queryable,
  row: { id: string; submission: Submission; lateMs: number },
  exercise: Exercise,
  now: Date,
  job: string | null,
): Promise<string | null> {
  const deterministic = deterministicPregrade(exercise, row.submission, { lateMs: row.lateMs });
  const needsJudge = llmCriteria(exercise.rubric).length > 0;
  const jobId = needsJudge ? (job ?? (await enqueue(tx, row.id, now))) : null;
  await insertPregrade(tx, { submissionId: row.id, jobId, complete: !needsJudge, pregrade: deterministic }, now);
  return jobId;
}

export function gradingRunner(deps: {
  db: Queryable;
  snapshots: SnapshotReader;
  judge: JudgeFn;
  clock: () => Date;
}): RunJob {
  return async (job) => {
    const row = await one<{ exerciseId: string; version: string; submission: Submission; lateMs: number }>(
      deps.db,
      `SELECT exercise_id AS "exerciseId", exercise_version AS version, submission, late_ms AS "lateMs"
         FROM submissions WHERE id = $1`,
      [job.submissionId],
    );
    if (!row) throw new Error(`submission ${job.submissionId} not found`);
    const exercise = await deps.snapshots(row.exerciseId, row.version);
    if (!exercise) throw new Error(`snapshot ${row.exerciseId}@${row.version} not found`);
    try {
      const full = await pregrade(exercise, row.submission, deps.judge, { lateMs: row.lateMs });
      await insertPregrade(
        deps.db,
        { submissionId: job.submissionId, jobId: job.id, complete: true, pregrade: full },
        deps.clock(),
      );
    } catch (error) {
      if (error instanceof JudgeUnavailableError) throw new RetryableError(error.message);
      throw error;
    }
  };
}
