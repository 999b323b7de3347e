/**
 * Slows down password guessing: after too many failed logins for one account or from one address within
 * the window, further attempts get 429 with Retry-After until the oldest failure leaves the window.
 * Failures live in the database so that every server process sees them.
 */
import { one, type Queryable } from '../db/db.js';
import { ApiError } from '../errors.js';

export const THROTTLE = { windowMinutes: 15, perAccount: 5, perAddress: 20 };

const keys = (email: string, address: string) => [
  { key: `email:${email.toLowerCase()}`, limit: THROTTLE.perAccount },
  { key: `ip:${address}`, limit: THROTTLE.perAddress },
];

export async function assertNotThrottled(db: Queryable, email: string, address: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  for (const { key, limit } of keys(email, address)) {
    const row = await one<{ n: number; oldest: Date | null }>(
      db,
      'SELECT count(*)::int AS n, min(at) AS oldest FROM login_failures WHERE key = $1 AND at > $2',
      [key, windowStart],
    );
    if (row && row.n >= limit && row.oldest) {
      const retryAfterSeconds = Math.max(
        1,
        Math.ceil((row.oldest.getTime() + THROTTLE.windowMinutes * 60_000 - now.getTime()) / 1000),
      );
      throw new ApiError(
        'rate_limited',
        `Too many failed logins. Wait ${Math.ceil(retryAfterSeconds / 60)} minute(s) and try again, or ask an admin to reset your password.`,
        { retryAfterSeconds },
      );
    }
  }
}

export async function recordFailure(db: Queryable, email: string, address: string, now: Date): Promise<void> {
  const windowStart = new Date(now.getTime() - THROTTLE.windowMinutes * 60_000);
  await db.query('DELETE FROM login_failures WHERE at <= $1', [windowStart]);
  for (const { key } of keys(email, address)) {
    await db.query('INSERT INTO login_failures (key, at) VALUES ($1, $2)', [key, now]);
  }
}

export async function clearFailures(db: Queryable, email: string): Promise<void> {
  await db.query('DELETE FROM login_failures WHERE key = $1', [`email:${email.toLowerCase()}`]);
}
