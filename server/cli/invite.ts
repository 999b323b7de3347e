/** `audition invite <assessment-id> [--name <n>] [--email <e>]`: prints a one-candidate link. */
import { parseArgs } from 'node:util';
import { createInvite, getAssessment, invitePath } from '../db/assessments.js';
import { readEnv } from '../env.js';
import { publicOrigin, withDatabase } from './database.js';
import { CliError, type CliIo, UsageError } from './io.js';

export const usage = `audition invite <assessment-id> [--name <candidate>] [--email <email>]

Creates an invite for one candidate and prints its link, shown only this once. It expires after INVITE_DAYS
days (default 14). Links use PUBLIC_URL when set.`;

export async function invite(args: string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { name: { type: 'string' }, email: { type: 'string' } },
  });
  const [assessmentId, ...extra] = positionals;
  if (!assessmentId || extra.length > 0) throw new UsageError('give exactly one assessment id');
  const env = readEnv(io.env);
  return withDatabase(env, async (db) => {
    const assessment = await getAssessment(db, assessmentId);
    if (!assessment)
      throw new CliError(`No assessment ${assessmentId}. Create one with \`audition assessment create\`.`);
    const created = await createInvite(
      db,
      { assessmentId, name: values.name, email: values.email, createdBy: null },
      new Date(),
      env.inviteDays,
    );
    io.out(
      `Invite for ${values.name ?? 'a candidate'} to "${assessment.name}" (expires ${created.invite.expiresAt.toISOString().slice(0, 10)}):`,
    );
    io.out(`${publicOrigin(env)}${invitePath(created.token)}`);
    return 0;
  });
}
