/** Opens the configured database for one CLI command, turning a held lock into a readable message. */
import type { Db } from '../db/db.js';
import { LockError } from '../db/lock.js';
import { openDatabase } from '../db/open.js';
import type { Env } from '../env.js';
import { ApiError } from '../errors.js';
import { CliError } from './io.js';

export async function withDatabase<T>(env: Env, fn: (db: Db) => Promise<T>): Promise<T> {
  const db = await openDatabase(env).catch((error: Error) => {
    throw error instanceof LockError ? new CliError(error.message) : error;
  });
  try {
    return await fn(db);
  } catch (error) {
    // Domain errors (unknown exercise, duplicate email) are messages for the user, not crashes.
    if (error instanceof ApiError) throw new CliError(error.message);
    throw error;
  } finally {
    await db.close();
  }
}

/** The origin for printed links: PUBLIC_URL, else this machine's server address. */
export function publicOrigin(env: Env): string {
  return env.publicUrl ?? `http://localhost:${env.port}`;
}
