/** Assessments and their invites: queries. */
import { randomUUID } from 'node:crypto';
import { hashToken, newToken } from '../auth/tokens.js';
import type { ContentStore } from '../content/store.js';
import { ApiError } from '../errors.js';
import { one, type Queryable } from './db.js';

export type Assessment = { id: string; name: string; exerciseIds: string[]; minutes: number; createdAt: Date };

/** Per-assessment review settings (docs/review.md): names hidden until reviewed; pre-grade hidden until scored. */
export type AssessmentSettings = { anonymous: boolean; blind: boolean };

export type Invite = {
  id: string;
  assessmentId: string;
  name: string | null;
  email: string | null;
  expiresAt: Date;
  revokedAt: Date | null;
};

const ASSESSMENT_COLUMNS = 'id, name, exercise_ids AS "exerciseIds", minutes, created_at AS "createdAt"';
const INVITE_COLUMNS =
  'id, assessment_id AS "assessmentId", name, email, expires_at AS "expiresAt", revoked_at AS "revokedAt"';

/** Validates the exercise ids against the library; minutes default to the sum of the exercises' minutes. */
export async function createAssessment(
  db: Queryable,
  content: ContentStore,
  input: { name: string; exerciseIds: string[]; minutes?: number | undefined; createdBy: string | null },
  now: Date,
): Promise<Assessment> {
  const unknown = input.exerciseIds.filter((id) => !content.exercise(id));
  if (unknown.length > 0) {
    throw new ApiError(
      'bad_request',
      `Unknown or invalid exercise(s): ${unknown.join(', ')}. Use ids from the exercise library (audition exercise check lists them).`,
    );
  }
  if (new Set(input.exerciseIds).size !== input.exerciseIds.length) {
    throw new ApiError('bad_request', 'An exercise appears twice in the list: each may appear once.');
  }
  const minutes = input.minutes ?? input.exerciseIds.reduce((sum, id) => sum + (content.exercise(id)?.minutes ?? 0), 0);
  const assessment = { id: randomUUID(), name: input.name, exerciseIds: input.exerciseIds, minutes, createdAt: now };
  await db.query(
    'INSERT INTO assessments (id, name, exercise_ids, minutes, created_by, created_at) VALUES ($1, $2, $3, $4, $5, $6)',
    [assessment.id, assessment.name, JSON.stringify(assessment.exerciseIds), minutes, input.createdBy, now],
  );
  return assessment;
}

export function getAssessment(db: Queryable, id: string): Promise<(Assessment & AssessmentSettings) | null> {
  return one<Assessment & AssessmentSettings>(
    db,
    `SELECT ${ASSESSMENT_COLUMNS}, anonymous, blind FROM assessments WHERE id = $1`,
    [id],
  );
}

/** Changes the review settings; answers null for an unknown id. */
export async function updateSettings(
  db: Queryable,
  id: string,
  change: { [K in keyof AssessmentSettings]?: AssessmentSettings[K] | undefined },
): Promise<(Assessment & AssessmentSettings) | null> {
  await db.query(
    'UPDATE assessments SET anonymous = COALESCE($2, anonymous), blind = COALESCE($3, blind) WHERE id = $1',
    [id, change.anonymous ?? null, change.blind ?? null],
  );
  return getAssessment(db, id);
}

export async function createInvite(
  db: Queryable,
  input: { assessmentId: string; name?: string | undefined; email?: string | undefined; createdBy: string | null },
  now: Date,
  days: number,
): Promise<{ invite: Invite; token: string }> {
  const token = newToken();
  const invite: Invite = {
    id: randomUUID(),
    assessmentId: input.assessmentId,
    name: input.name ?? null,
    email: input.email ?? null,
    expiresAt: new Date(now.getTime() + days * 86_400_000),
    revokedAt: null,
  };
  await db.query(
    `INSERT INTO invites (id, assessment_id, token_hash, name, email, expires_at, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      invite.id,
      invite.assessmentId,
      hashToken(token),
      invite.name,
      invite.email,
      invite.expiresAt,
      input.createdBy,
      now,
    ],
  );
  return { invite, token };
}

/** Revokes an invite; revoking twice is fine. Answers null for an unknown id. */
export async function revokeInvite(db: Queryable, id: string, now: Date): Promise<Invite | null> {
  await db.query('UPDATE invites SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL', [id, now]);
  return one<Invite>(db, `SELECT ${INVITE_COLUMNS} FROM invites WHERE id = $1`, [id]);
}

export function findInviteByToken(db: Queryable, token: string): Promise<Invite | null> {
  return one<Invite>(db, `SELECT ${INVITE_COLUMNS} FROM invites WHERE token_hash = $1`, [hashToken(token)]);
}

/** The path of the candidate's link. */
export function invitePath(token: string): string {
  return `/take/${token}`;
}
