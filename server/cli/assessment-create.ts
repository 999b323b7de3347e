/** `audition assessment create --name <n> --exercises <id,id> [--minutes <m>]`: creates an assessment. */
import { parseArgs } from 'node:util';
import { loadContentStore } from '../content/store.js';
import { createAssessment } from '../db/assessments.js';
import { readEnv } from '../env.js';
import { contentDirFrom } from './content-dir.js';
import { withDatabase } from './database.js';
import { type CliIo, UsageError } from './io.js';

export const usage = `audition assessment create --name <name> --exercises <id,id,...> [--minutes <m>] [--content <dir>]

Creates an assessment from exercises of the library, in the order given. The time limit defaults to the sum
of the exercises' minutes. Prints its id, for \`audition invite <id>\`.`;

export async function assessmentCreate(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      name: { type: 'string' },
      exercises: { type: 'string' },
      minutes: { type: 'string' },
      content: { type: 'string' },
    },
  });
  const name = values.name?.trim();
  if (!name) throw new UsageError('--name is required');
  const exerciseIds = (values.exercises ?? '')
    .split(',')
    .map((id) => id.trim())
    .filter(Boolean);
  if (exerciseIds.length === 0) throw new UsageError('--exercises needs at least one exercise id');
  const minutes = values.minutes === undefined ? undefined : Number(values.minutes);
  if (minutes !== undefined && (!Number.isInteger(minutes) || minutes < 1)) {
    throw new UsageError(`--minutes must be a whole number of minutes, got "${values.minutes}"`);
  }
  const env = readEnv(io.env);
  const content = loadContentStore(contentDirFrom(values.content, io));
  return withDatabase(env, async (db) => {
    const a = await createAssessment(db, content, { name, exerciseIds, minutes, createdBy: null }, new Date());
    io.out(`Created assessment ${a.id}: "${a.name}", ${a.exerciseIds.length} exercise(s), ${a.minutes} minutes.`);
    io.out(`Invite a candidate: audition invite ${a.id} --name "<candidate>"`);
    return 0;
  });
}
