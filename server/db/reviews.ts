/**
 * Reviews and their audit. A save locks the submission's row, checks the version the page showed, and
 * writes the next state and one audit record per change in the same transaction (review-plan.ts decides
 * what changes). Audit records are never updated or deleted.
 */
import { randomUUID } from 'node:crypto';
import type { Staff } from '../app-env.js';
import { ApiError } from '../errors.js';
import {
  EMPTY_REVIEW,
  type PlanContext,
  planReview,
  type ReviewInput,
  type ReviewState,
} from '../review/review-plan.js';
import { type Db, one, type Queryable } from './db.js';

export type AuditEntry = {
  version: number;
  actor: string;
  at: Date;
  action: 'score' | 'note' | 'confirm' | 'reopen';
  criterionId: string | null;
  from: number | null;
  to: number | null;
  reason: string | null;
  note: string | null;
};

/** The review as staff see it: the state plus who confirmed and who saved last, by email. */
export type ReviewView = ReviewState & {
  confirmedByEmail: string | null;
  updatedByEmail: string | null;
  updatedAt: Date | null;
};

export async function reviewOf(db: Queryable, submissionId: string): Promise<ReviewView> {
  const row = await one<ReviewView>(
    db,
    `SELECT r.version, r.scores, r.note, r.confirmed_by AS "confirmedBy", r.confirmed_at AS "confirmedAt",
            r.scored_by AS "scoredBy", c.email AS "confirmedByEmail", u.email AS "updatedByEmail",
            r.updated_at AS "updatedAt"
       FROM reviews r JOIN users u ON u.id = r.updated_by LEFT JOIN users c ON c.id = r.confirmed_by
      WHERE r.submission_id = $1`,
    [submissionId],
  );
  return row ?? { ...EMPTY_REVIEW, confirmedByEmail: null, updatedByEmail: null, updatedAt: null };
}

export function auditOf(db: Queryable, submissionId: string): Promise<AuditEntry[]> {
  return db.query<AuditEntry>(
    `SELECT e.version, u.email AS actor, e.at, e.action, e.criterion_id AS "criterionId", e.from_score AS "from",
            e.to_score AS "to", e.reason, e.note
       FROM review_events e JOIN users u ON u.id = e.actor_id
      WHERE e.submission_id = $1 ORDER BY e.version, e.seq`,
    [submissionId],
  );
}

/**
 * Saves a review. `context(current)` gives the rubric and the pre-grade scores the reviewer could see, which
 * in blind mode depend on the stored review. Answers the review after the save; 409 when the version is stale.
 */
export async function saveReview(
  db: Db,
  submissionId: string,
  actor: Staff,
  input: ReviewInput,
  context: (current: ReviewState) => Omit<PlanContext, 'actorId' | 'now'>,
  now: Date,
): Promise<ReviewView> {
  await db.transaction(async (tx) => {
    const locked = await one(tx, 'SELECT id FROM submissions WHERE id = $1 FOR UPDATE', [submissionId]);
    if (!locked) throw new ApiError('not_found', `No submission ${submissionId}.`);
    const current = await reviewOf(tx, submissionId);
    if (input.version !== current.version) {
      const who = current.updatedByEmail ?? 'another reviewer';
      throw new ApiError(
        'conflict',
        `${who} saved this review since you opened it (version ${current.version}, yours ${input.version}): reload to see the current scores.`,
      );
    }
    const { next, changes } = planReview(current, input, { ...context(current), actorId: actor.id, now });
    if (changes.length === 0) {
      // Nothing decided; but in blind mode, entering the scores already there still reveals the pre-grade.
      const mine = (state: ReviewState) => JSON.stringify(state.scoredBy[actor.id] ?? []);
      if (current.version > 0 && mine(next) !== mine(current)) {
        await tx.query('UPDATE reviews SET scored_by = $2 WHERE submission_id = $1', [
          submissionId,
          JSON.stringify(next.scoredBy),
        ]);
      }
      return;
    }
    await tx.query(
      `INSERT INTO reviews (submission_id, version, scores, scored_by, note, confirmed_by, confirmed_at, updated_by, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (submission_id) DO UPDATE SET version = $2, scores = $3, scored_by = $4, note = $5,
         confirmed_by = $6, confirmed_at = $7, updated_by = $8, updated_at = $9`,
      [
        submissionId,
        next.version,
        JSON.stringify(next.scores),
        JSON.stringify(next.scoredBy),
        next.note,
        next.confirmedBy,
        next.confirmedAt,
        actor.id,
        now,
      ],
    );
    for (const [seq, change] of changes.entries()) {
      await tx.query(
        `INSERT INTO review_events (id, submission_id, version, seq, actor_id, at, action, criterion_id, from_score, to_score, reason, note)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        [
          randomUUID(),
          submissionId,
          next.version,
          seq,
          actor.id,
          now,
          change.action,
          change.criterionId ?? null,
          change.from ?? null,
          change.to ?? null,
          change.reason ?? null,
          change.note ?? null,
        ],
      );
    }
  });
  return reviewOf(db, submissionId);
}

/** Every audit record, by submission and in order, optionally of one assessment's submissions. */
export function auditEvents(
  db: Queryable,
  filters: { assessment?: string | undefined },
): Promise<(AuditEntry & { submissionId: string })[]> {
  return db.query<AuditEntry & { submissionId: string }>(
    `SELECT e.submission_id AS "submissionId", e.version, u.email AS actor, e.at, e.action,
            e.criterion_id AS "criterionId", e.from_score AS "from", e.to_score AS "to", e.reason, e.note
       FROM review_events e JOIN users u ON u.id = e.actor_id
       JOIN submissions s ON s.id = e.submission_id JOIN attempts t ON t.id = s.attempt_id
      WHERE ($1::text IS NULL OR t.assessment_id = $1)
      ORDER BY s.submitted_at, s.id, e.version, e.seq`,
    [filters.assessment ?? null],
  );
}
