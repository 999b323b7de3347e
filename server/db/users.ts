/** Staff users: queries. */
import { randomUUID } from 'node:crypto';
import type { Role, Staff } from '../app-env.js';
import { hashPassword } from '../auth/password.js';
import { ApiError } from '../errors.js';
import { one, type Queryable } from './db.js';

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
