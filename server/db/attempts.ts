/**
 * Attempts, draft revisions and submissions. Every change to one attempt runs in a transaction that first
 * locks the attempt's row (on PGlite, whose one session runs one transaction at a time, the draft writer
 * needs no lock: ADR 013), so that two tabs (or two server processes) saving at once get consecutive
 * revisions and one submission per exercise. The latest draft is the newest revision not superseded by a
 * later save of the same tab (ADR 012).
 */
import { randomUUID } from 'node:crypto';
import { lineCount } from '../content/bug-ranges.js';
import { emptySubmission } from '../content/empty-submission.js';
import type { Exercise } from '../content/library.js';
import type { Submission } from '../content/schema.js';
import { ensureSnapshot } from '../content/snapshots.js';
import type { ContentStore } from '../content/store.js';
import { ApiError } from '../errors.js';
import type { Assessment, Invite } from './assessments.js';
import { type Db, one, type Queryable } from './db.js';
import { type DraftSave, type SavedDraft, writeDraft } from './draft-writes.js';
import { accessByTokens } from './token-access.js';

export type { DraftSave, DraftTab, SavedDraft } from './draft-writes.js';

export type Attempt = {
  id: string;
  inviteId: string;
  assessmentId: string;
  exerciseVersions: Record<string, string>;
  startedAt: Date;
  deadlineAt: Date;
  finishedAt: Date | null;
};

export type Draft = {
  revision: number;
  submission: Submission;
  savedAt: Date;
  conflict: boolean;
  /** The page load that saved it, when the page said (ADR 012). */
  tabId: string | null;
};

export type SubmissionRow = {
  id: string;
  exerciseId: string;
  exerciseVersion: string;
  revision: number;
  submission: Submission;
  submittedAt: Date;
  lateMs: number;
};

const ATTEMPT_COLUMNS = `id, invite_id AS "inviteId", assessment_id AS "assessmentId",
  exercise_versions AS "exerciseVersions", started_at AS "startedAt", deadline_at AS "deadlineAt",
  finished_at AS "finishedAt"`;
const SUBMISSION_COLUMNS = `id, exercise_id AS "exerciseId", exercise_version AS "exerciseVersion", revision,
  submission, submitted_at AS "submittedAt", late_ms AS "lateMs"`;

export type TokenAccess = { invite: Invite; assessment: Assessment; attempt: Attempt | null };

/** The invite behind a token, with its assessment and attempt, in one query (every candidate request needs it). */
export async function accessByToken(db: Queryable, token: string): Promise<TokenAccess | null> {
  return (await accessByTokens(db, [token])).get(token) ?? null;
}

export function attemptForInvite(db: Queryable, inviteId: string): Promise<Attempt | null> {
  return one<Attempt>(db, `SELECT ${ATTEMPT_COLUMNS} FROM attempts WHERE invite_id = $1`, [inviteId]);
}

/**
 * Starts the invite's attempt, or returns the one already started (a double click, a second tab).
 * Pins each exercise's current version and stores its snapshot.
 */
export async function startAttempt(
  db: Db,
  content: ContentStore,
  invite: Invite,
  assessment: Assessment,
  now: Date,
): Promise<Attempt> {
  const existing = await attemptForInvite(db, invite.id);
  if (existing) return existing;
  const exercises = assessment.exerciseIds.map((id) => {
    const exercise = content.exercise(id);
    if (!exercise) {
      throw new ApiError(
        'conflict',
        `This assessment's exercise "${id}" is not available right now: ask the team that invited you.`,
      );
    }
    return exercise;
  });
  return db.transaction(async (tx) => {
    for (const exercise of exercises) await ensureSnapshot(tx, exercise, now);
    const versions = Object.fromEntries(exercises.map((e) => [e.id, e.version]));
    const deadline = new Date(now.getTime() + assessment.minutes * 60_000);
    await tx.query(
      `INSERT INTO attempts (id, invite_id, assessment_id, exercise_versions, started_at, deadline_at)
       VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT (invite_id) DO NOTHING`,
      [randomUUID(), invite.id, assessment.id, JSON.stringify(versions), now, deadline],
    );
    const attempt = await attemptForInvite(tx, invite.id);
    if (!attempt) throw new Error('attempt vanished after insert');
    return attempt;
  });
}

/** The draft the candidate sees and submits: the newest revision that no later save of its tab superseded. */
export function latestDraft(db: Queryable, attemptId: string, exerciseId: string): Promise<Draft | null> {
  return one<Draft>(
    db,
    `SELECT revision, submission, saved_at AS "savedAt", conflict, tab_id AS "tabId" FROM draft_revisions
      WHERE attempt_id = $1 AND exercise_id = $2 AND NOT superseded ORDER BY revision DESC LIMIT 1`,
    [attemptId, exerciseId],
  );
}

export function submissionsOf(db: Queryable, attemptId: string): Promise<SubmissionRow[]> {
  return db.query<SubmissionRow>(
    `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE attempt_id = $1 ORDER BY submitted_at`,
    [attemptId],
  );
}

export function submissionOf(db: Queryable, attemptId: string, exerciseId: string): Promise<SubmissionRow | null> {
  return one<SubmissionRow>(
    db,
    `SELECT ${SUBMISSION_COLUMNS} FROM submissions WHERE attempt_id = $1 AND exercise_id = $2`,
    [attemptId, exerciseId],
  );
}

/**
 * Appends a revision, in the next group commit of this database (draft-writes.ts). A save whose baseRevision
 * is not the latest (another tab saved first) is kept too, marked as a conflict, so that no keystroke is
 * dropped; so is a save overtaken by a newer one of its tab, marked superseded. Bad input is refused here,
 * before it can join a batch.
 */
export function saveDraft(
  db: Db,
  attempt: Pick<Attempt, 'id' | 'deadlineAt'>,
  exercise: Exercise,
  save: DraftSave,
  now: Date,
): Promise<SavedDraft> {
  assertFitsExercise(exercise, save.submission);
  return writeDraft(db, {
    ...save,
    attemptId: attempt.id,
    exerciseId: exercise.id,
    deadlineAt: attempt.deadlineAt,
    now,
  });
}

/** Runs in the transaction that creates a submission (grading: the deterministic pre-grade and a job). */
export type AfterSubmit = (tx: Queryable, row: SubmissionRow, exercise: Exercise, now: Date) => Promise<void>;

/** Submits the latest draft (an empty answer when nothing was saved). Idempotent: one submission per exercise. */
export async function submitExercise(
  db: Db,
  attempt: Attempt,
  exercise: Exercise,
  now: Date,
  afterSubmit: AfterSubmit,
): Promise<SubmissionRow> {
  return db.transaction(async (tx) => {
    await lockAttempt(tx, attempt.id);
    return submitLocked(tx, attempt, exercise, now, afterSubmit);
  });
}

/** Ends the attempt, submitting every exercise not yet submitted. Idempotent. */
export async function finishAttempt(
  db: Db,
  attempt: Attempt,
  exercises: Exercise[],
  now: Date,
  afterSubmit: AfterSubmit,
): Promise<void> {
  await db.transaction(async (tx) => {
    await lockAttempt(tx, attempt.id);
    for (const exercise of exercises) await submitLocked(tx, attempt, exercise, now, afterSubmit);
    await tx.query('UPDATE attempts SET finished_at = $2 WHERE id = $1 AND finished_at IS NULL', [attempt.id, now]);
  });
}

async function submitLocked(
  tx: Queryable,
  attempt: Attempt,
  exercise: Exercise,
  now: Date,
  afterSubmit: AfterSubmit,
): Promise<SubmissionRow> {
  const existing = await submissionOf(tx, attempt.id, exercise.id);
  if (existing) return existing;
  const draft = await latestDraft(tx, attempt.id, exercise.id);
  const lateMs = Math.max(0, now.getTime() - attempt.deadlineAt.getTime());
  await tx.query(
    `INSERT INTO submissions (id, attempt_id, exercise_id, exercise_version, revision, submission, submitted_at, late_ms)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      randomUUID(),
      attempt.id,
      exercise.id,
      attempt.exerciseVersions[exercise.id] ?? exercise.version,
      draft?.revision ?? 0,
      JSON.stringify(draft?.submission ?? emptySubmission(exercise.kind)),
      now,
      lateMs,
    ],
  );
  const row = await submissionOf(tx, attempt.id, exercise.id);
  if (!row) throw new Error('submission vanished after insert');
  await afterSubmit(tx, row, exercise, now);
  return row;
}

async function lockAttempt(tx: Queryable, attemptId: string): Promise<void> {
  const row = await one(tx, 'SELECT 1 FROM attempts WHERE id = $1 FOR UPDATE', [attemptId]);
  if (!row) throw new ApiError('not_found', 'No such attempt.');
}

function assertFitsExercise(exercise: Exercise, submission: Submission): void {
  if (submission.kind !== exercise.kind) {
    throw new ApiError('bad_request', `This is a ${exercise.kind} exercise; the draft is a ${submission.kind} answer.`);
  }
  if (submission.kind === 'bug-hunt' && exercise.kind === 'bug-hunt') {
    const lines = lineCount(exercise.code.buggy);
    const outside = submission.lines.find(([, end]) => end > lines);
    if (outside)
      throw new ApiError('bad_request', `Marked lines ${outside[0]}-${outside[1]} go past the file's ${lines} lines.`);
  }
}
