/**
 * Staff sessions live in the database (so that several server processes share them). The cookie holds a
 * random token; the table holds only its SHA-256, so a copy of the table cannot log anyone in.
 */
import type { Staff } from '../app-env.js';
import { one, type Queryable } from '../db/db.js';
import { hashToken, newToken } from './tokens.js';

export const SESSION_COOKIE = 'audition_session';

export async function createSession(db: Queryable, userId: string, now: Date, hours: number) {
  const token = newToken();
  const expiresAt = new Date(now.getTime() + hours * 3_600_000);
  await db.query('INSERT INTO sessions (id, user_id, created_at, expires_at) VALUES ($1, $2, $3, $4)', [
    hashToken(token),
    userId,
    now,
    expiresAt,
  ]);
  return { token, expiresAt };
}

/** The active staff user behind a token, or null when unknown, expired or deactivated. */
export async function sessionStaff(
  db: Queryable,
  token: string,
  now: Date,
): Promise<(Staff & { sessionId: string }) | null> {
  return one<Staff & { sessionId: string }>(
    db,
    `SELECT u.id, u.email, u.role, s.id AS "sessionId"
       FROM sessions s JOIN users u ON u.id = s.user_id
      WHERE s.id = $1 AND s.expires_at > $2 AND u.active`,
    [hashToken(token), now],
  );
}

export async function deleteSession(db: Queryable, sessionId: string): Promise<void> {
  await db.query('DELETE FROM sessions WHERE id = $1', [sessionId]);
}
