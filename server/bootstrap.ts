/**
 * First start: with no staff user in the database, create the admin (ADMIN_EMAIL, ADMIN_PASSWORD or a
 * generated password) and return what to print, once. Later starts find a user and return null.
 */
import { generatePassword } from './auth/password.js';
import type { Db } from './db/db.js';
import { countUsers, createUser } from './db/users.js';

export type FirstStart = { email: string; password: string; generated: boolean };

export async function bootstrapAdmin(
  db: Db,
  input: { email: string; password: string | undefined },
  now: Date,
): Promise<FirstStart | null> {
  return db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(hashtext('audition:bootstrap'))`);
    if ((await countUsers(tx)) > 0) return null;
    const password = input.password ?? generatePassword();
    await createUser(tx, { email: input.email, role: 'admin', password }, now);
    return { email: input.email, password, generated: input.password === undefined };
  });
}

export function firstStartMessage(first: FirstStart, url: string): string {
  const password = first.generated ? first.password : '(the ADMIN_PASSWORD you set)';
  return [
    '',
    '  First start: created the admin account.',
    `    Sign in at ${url}/login`,
    `    email:     ${first.email}`,
    `    password:  ${password}`,
    first.generated ? '  This password is shown only once: store it now.' : '',
    '',
  ].join('\n');
}
