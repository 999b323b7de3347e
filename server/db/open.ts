import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { openPgliteThread, type ThreadOptions } from './pglite-thread.js';
import { openPostgres } from './postgres.js';

/**
 * Opens the configured engine and brings its schema up to date. The embedded one runs on its own thread
 * (ADR 019); onCrash hears if that thread dies.
 */
export async function openDatabase(
  config: { databaseUrl: string | undefined; dataDir: string },
  options: ThreadOptions = {},
): Promise<Db> {
  const db = config.databaseUrl
    ? await openPostgres(config.databaseUrl)
    : await openPgliteThread(config.dataDir, options);
  try {
    await migrate(db);
  } catch (error) {
    await db.close();
    throw error;
  }
  return db;
}
