/** Staff users: queries. */
import { randomUUID } from 'node:crypto';
import type { Role, Staff } from '../app-env.js';
import { hashPassword } from '../auth/password.js';
import { ApiError } from '../errors.js';
import { type Db, one, type Queryable } from './db.js';

export type UserRow = Staff & { password_hash: string; active: boolean };

export async function createUser(
  db: Queryable,
  input: { email: string; role: Role; password: string },
  now: Date,
): Promise<Staff> {
  const existing = await findUserByEmail(db, input.email);
  if (existing) throw new ApiError('conflict', `A user with the email ${input.email} already exists.`);
  const id = randomUUID();
  await db.query(
    'INSERT INTO users (id, email, role, password_hash, active, created_at) VALUES ($1, $2, $3, $4, true, $5)',
    [id, input.email, input.role, await hashPassword(input.password), now],
  );
  return { id, email: input.email, role: input.role };
}

export function findUserByEmail(db: Queryable, email: string): Promise<UserRow | null> {
  return one<UserRow>(db, 'SELECT id, email, role, password_hash, active FROM users WHERE lower(email) = lower($1)', [
    email,
  ]);
}

export async function countUsers(db: Queryable): Promise<number> {
  const row = await one<{ n: number }>(db, 'SELECT count(*)::int AS n FROM users');
  return row?.n ?? 0;
}

export type UserListing = Staff & { active: boolean; createdAt: Date };

export function listUsers(db: Queryable): Promise<UserListing[]> {
  return db.query<UserListing>(
    'SELECT id, email, role, active, created_at AS "createdAt" FROM users ORDER BY active DESC, lower(email)',
  );
}

/**
 * Changes a role or the active flag. Deactivating ends the user's sessions in the same transaction, so their
 * next request is refused. The last active admin can be neither demoted nor deactivated: nobody could
 * administer the team after.
 */
export async function updateUser(
  db: Db,
  id: string,
  change: { role?: Role | undefined; active?: boolean | undefined },
): Promise<UserListing> {
  return db.transaction(async (tx) => {
    // Serialises concurrent changes to admins, so two admins demoting each other cannot both succeed.
    await tx.query(`SELECT id FROM users WHERE role = 'admin' FOR UPDATE`);
    const user = await one<UserListing>(
      tx,
      'SELECT id, email, role, active, created_at AS "createdAt" FROM users WHERE id = $1',
      [id],
    );
    if (!user) throw new ApiError('not_found', `No staff user ${id}.`);
    const role = change.role ?? user.role;
    const active = change.active ?? user.active;
    const losesAdmin = user.role === 'admin' && user.active && (role !== 'admin' || !active);
    if (losesAdmin) {
      const admins = await one<{ n: number }>(
        tx,
        `SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND active AND id <> $1`,
        [id],
      );
      if ((admins?.n ?? 0) === 0) {
        throw new ApiError('conflict', `${user.email} is the last active admin: make another user admin first.`);
      }
    }
    await tx.query('UPDATE users SET role = $2, active = $3 WHERE id = $1', [id, role, active]);
    if (!active) await tx.query('DELETE FROM sessions WHERE user_id = $1', [id]);
    return { ...user, role, active };
  });
}
