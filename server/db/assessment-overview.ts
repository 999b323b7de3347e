/**
 * What admins see of assessments: each with its invites counted by attempt state, and one assessment's
 * invites with each attempt's progress. States are defined in docs/review.md.
 */
import type { Assessment, AssessmentSettings } from './assessments.js';
import type { Queryable } from './db.js';

export type AttemptState = 'invited' | 'started' | 'submitted' | 'graded' | 'reviewed';

export type InviteProgress = {
  id: string;
  name: string | null;
  email: string | null;
  createdAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  attemptId: string | null;
  startedAt: Date | null;
  deadlineAt: Date | null;
  finishedAt: Date | null;
  exercises: number;
  submitted: number;
  graded: number;
  confirmed: number;
  maxLateMs: number;
};

/** The furthest state every exercise of the attempt has reached. */
export function attemptState(p: InviteProgress): AttemptState {
  if (!p.attemptId) return 'invited';
  const allSubmitted = p.finishedAt !== null || p.submitted >= p.exercises;
  if (!allSubmitted) return 'started';
  if (p.confirmed >= p.submitted && p.submitted > 0) return 'reviewed';
  if (p.graded >= p.submitted) return 'graded';
  return 'submitted';
}

const PROGRESS = `
  SELECT i.id, i.assessment_id AS "assessmentId", i.name, i.email, i.created_at AS "createdAt",
         i.expires_at AS "expiresAt", i.revoked_at AS "revokedAt",
         t.id AS "attemptId", t.started_at AS "startedAt", t.deadline_at AS "deadlineAt",
         t.finished_at AS "finishedAt",
         COALESCE((SELECT count(*) FROM jsonb_object_keys(t.exercise_versions)), 0)::int AS exercises,
         (SELECT count(*) FROM submissions s WHERE s.attempt_id = t.id)::int AS submitted,
         (SELECT count(*) FROM submission_states v WHERE v.attempt_id = t.id AND v.pregrade_complete)::int AS graded,
         (SELECT count(*) FROM submission_states v WHERE v.attempt_id = t.id AND v.state = 'confirmed')::int AS confirmed,
         COALESCE((SELECT max(late_ms) FROM submissions s WHERE s.attempt_id = t.id), 0)::int AS "maxLateMs"
    FROM invites i LEFT JOIN attempts t ON t.invite_id = i.id`;

export function inviteProgress(db: Queryable, assessmentId: string): Promise<InviteProgress[]> {
  return db.query<InviteProgress>(`${PROGRESS} WHERE i.assessment_id = $1 ORDER BY i.created_at DESC, i.id`, [
    assessmentId,
  ]);
}

/** byState counts live invites and every attempt; `revoked` counts withdrawn links nobody used. */
export type AssessmentListing = Assessment &
  AssessmentSettings & { invites: number; byState: Record<AttemptState, number>; revoked: number; late: number };

export async function listAssessments(db: Queryable): Promise<AssessmentListing[]> {
  const assessments = await db.query<Assessment & AssessmentSettings>(
    `SELECT id, name, exercise_ids AS "exerciseIds", minutes, created_at AS "createdAt", anonymous, blind
       FROM assessments ORDER BY created_at DESC, id`,
  );
  const progress = await db.query<InviteProgress & { assessmentId: string }>(PROGRESS);
  return assessments.map((a) => {
    const mine = progress.filter((p) => p.assessmentId === a.id);
    const byState: Record<AttemptState, number> = { invited: 0, started: 0, submitted: 0, graded: 0, reviewed: 0 };
    const unused = (p: InviteProgress) => p.revokedAt !== null && p.attemptId === null;
    for (const p of mine) if (!unused(p)) byState[attemptState(p)] += 1;
    return {
      ...a,
      invites: mine.length,
      byState,
      revoked: mine.filter(unused).length,
      late: mine.filter((p) => p.maxLateMs > 0).length,
    };
  });
}
