/**
 * First start: with no staff user in the database, create the admin (ADMIN_EMAIL, ADMIN_PASSWORD or a
 * generated password) and a demo assessment (one spec and one bug-hunt exercise) with an invite, and return
 * what to print, once. Later starts find a user and return null.
 */
import { generatePassword } from './auth/password.js';
import type { ContentStore } from './content/store.js';
import { createAssessment, createInvite, invitePath } from './db/assessments.js';
import type { Db } from './db/db.js';
import { countUsers, createUser } from './db/users.js';

export type FirstStart = { email: string; password: string; generated: boolean; demoInvitePath: string | null };

export async function firstStart(
  db: Db,
  content: ContentStore,
  input: { email: string; password: string | undefined; inviteDays: number },
  now: Date,
): Promise<FirstStart | null> {
  return db.transaction(async (tx) => {
    if (db.engine === 'postgres') await tx.query(`SELECT pg_advisory_xact_lock(hashtext('audition:bootstrap'))`);
    if ((await countUsers(tx)) > 0) return null;
    const password = input.password ?? generatePassword();
    const admin = await createUser(tx, { email: input.email, role: 'admin', password }, now);

    let demoInvitePath: string | null = null;
    const valid = content.entries().flatMap((e) => (e.exercise ? [e.exercise] : []));
    const demo = [valid.find((e) => e.kind === 'spec'), valid.find((e) => e.kind === 'bug-hunt')].flatMap((e) =>
      e ? [e.id] : [],
    );
    if (demo.length > 0) {
      const assessment = await createAssessment(
        tx,
        content,
        { name: 'Demo assessment', exerciseIds: demo, createdBy: admin.id },
        now,
      );
      const { token } = await createInvite(
        tx,
        { assessmentId: assessment.id, name: 'Demo candidate', createdBy: admin.id },
        now,
        input.inviteDays,
      );
      demoInvitePath = invitePath(token);
    }
    return { email: input.email, password, generated: input.password === undefined, demoInvitePath };
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
    first.demoInvitePath
      ? `\n  Try the candidate's side with the demo assessment (one spec, one bug-hunt):\n    ${url}${first.demoInvitePath}`
      : '',
    '',
  ].join('\n');
}
