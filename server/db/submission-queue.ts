/**
 * Submissions as reviewers find them: the queue (oldest first, filtered by assessment, exercise and state)
 * and one submission with everything its review page shows. States come from the submission_states view
 * (migration 004, defined in docs/review.md).
 */
import type { Submission } from '../content/schema.js';
import type { PreGrade } from '../grading/types.js';
import type { Queryable } from './db.js';

export const SUBMISSION_STATES = ['grading', 'grading_failed', 'ready', 'in_review', 'confirmed'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export type QueueFilters = {
  assessment?: string | undefined;
  exercise?: string | undefined;
  state?: SubmissionState[] | undefined;
};

export type QueueRow = {
  id: string;
  attemptId: string;
  assessmentId: string;
  assessmentName: string;
  anonymous: boolean;
  blind: boolean;
  candidateName: string | null;
  candidateEmail: string | null;
  /** Every exercise of the attempt is submitted and confirmed: anonymity ends. */
  attemptReviewed: boolean;
  exerciseId: string;
  exerciseVersion: string;
  submittedAt: Date;
  lateMs: number;
  state: SubmissionState;
  jobId: string | null;
  jobState: 'queued' | 'running' | 'done' | 'failed' | null;
  lastError: string | null;
  reviewVersion: number | null;
  confirmedAt: Date | null;
};

export type SubmissionRecord = QueueRow & {
  submission: Submission;
  revision: number;
  pregrade: PreGrade | null;
  pregradeComplete: boolean | null;
  deadlineAt: Date;
};

const COLUMNS = `
  s.id, s.attempt_id AS "attemptId", t.assessment_id AS "assessmentId", a.name AS "assessmentName",
  a.anonymous, a.blind, i.name AS "candidateName", i.email AS "candidateEmail",
  (SELECT count(*) FROM submission_states c WHERE c.attempt_id = t.id AND c.state = 'confirmed')
    >= (SELECT count(*) FROM jsonb_object_keys(t.exercise_versions)) AS "attemptReviewed",
  s.exercise_id AS "exerciseId", s.exercise_version AS "exerciseVersion", s.submitted_at AS "submittedAt",
  s.late_ms AS "lateMs", v.state, v.job_id AS "jobId", v.job_state AS "jobState", v.last_error AS "lastError",
  v.review_version AS "reviewVersion", v.confirmed_at AS "confirmedAt"`;

const FROM = `
  FROM submissions s
  JOIN submission_states v ON v.submission_id = s.id
  JOIN attempts t ON t.id = s.attempt_id
  JOIN assessments a ON a.id = t.assessment_id
  JOIN invites i ON i.id = t.invite_id`;

export function listSubmissions(db: Queryable, filters: QueueFilters, limit = 500): Promise<QueueRow[]> {
  return db.query<QueueRow>(
    `SELECT ${COLUMNS} ${FROM}
      WHERE ($1::text IS NULL OR t.assessment_id = $1)
        AND ($2::text IS NULL OR s.exercise_id = $2)
        AND ($3::jsonb IS NULL OR $3::jsonb ? v.state)
      ORDER BY s.submitted_at, s.id
      LIMIT $4`,
    [filters.assessment ?? null, filters.exercise ?? null, filters.state ? JSON.stringify(filters.state) : null, limit],
  );
}

export function submissionRecord(db: Queryable, id: string): Promise<SubmissionRecord | null> {
  return db
    .query<SubmissionRecord>(
      `SELECT ${COLUMNS}, s.submission, s.revision, v.pregrade, v.pregrade_complete AS "pregradeComplete",
              t.deadline_at AS "deadlineAt"
       ${FROM} WHERE s.id = $1`,
      [id],
    )
    .then((rows) => rows[0] ?? null);
}

/** The oldest submission after `id` that waits for a reviewer (ready or in review), with the same filters. */
export async function nextToReview(db: Queryable, id: string, filters: QueueFilters): Promise<string | null> {
  const rows = await db.query<{ id: string }>(
    `SELECT s.id ${FROM}
      WHERE v.state IN ('ready', 'in_review') AND s.id <> $1
        AND ($2::text IS NULL OR t.assessment_id = $2)
        AND ($3::text IS NULL OR s.exercise_id = $3)
      ORDER BY (s.submitted_at, s.id) > (SELECT submitted_at, id FROM submissions WHERE id = $1) DESC,
               s.submitted_at, s.id
      LIMIT 1`,
    [id, filters.assessment ?? null, filters.exercise ?? null],
  );
  return rows[0]?.id ?? null;
}

export type ScoredRecord = QueueRow & {
  pregrade: PreGrade | null;
  scores: Record<string, { score: number; by: string; at: string }> | null;
};

/** Every submission with its latest pre-grade and final scores, oldest first: for export and calibration. */
export function scoredRecords(db: Queryable, filters: { assessment?: string | undefined }): Promise<ScoredRecord[]> {
  return db.query<ScoredRecord>(
    `SELECT ${COLUMNS}, v.pregrade, r.scores ${FROM} LEFT JOIN reviews r ON r.submission_id = s.id
      WHERE ($1::text IS NULL OR t.assessment_id = $1)
      ORDER BY s.submitted_at, s.id`,
    [filters.assessment ?? null],
  );
}
