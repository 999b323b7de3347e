/**
 * The server process: reads env, loads content, opens and migrates the database, creates the first admin,
 * serves the app, and on SIGTERM/SIGINT stops accepting, finishes requests in flight and closes the database.
 */
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import Anthropic from '@anthropic-ai/sdk';
import { createApp } from './app.js';
import { firstStart, firstStartMessage } from './bootstrap.js';
import { cachedSnapshots } from './content/snapshots.js';
import { loadContentStore } from './content/store.js';
import { LockError } from './db/lock.js';
import { MigrationError } from './db/migrate.js';
import { openDatabase } from './db/open.js';
import { redact } from './db/postgres.js';
import { consoleLogger } from './deps.js';
import { EnvError, readEnv } from './env.js';
import { gradingRunner, makeJudge } from './grading/grading.js';
import { DEFAULT_MODEL } from './grading/judge/models.js';
import { startWorker } from './grading/worker.js';
import { listen } from './http-server.js';
import { readyForCandidates } from './warm-up.js';

const SHUTDOWN_GRACE_MS = 10_000;

export async function main(): Promise<void> {
  const env = readEnv();
  const log = consoleLogger;
  const content = loadContentStore(env.contentDir);
  const entries = content.entries();
  const invalid = entries.filter((e) => !e.exercise);
  for (const entry of invalid) {
    log.warn(
      `Exercise ${entry.id} has ${entry.problems.length} problem(s) and is not offered: run audition exercise check ${entry.id}`,
    );
  }

  const db = await openDatabase(env, {
    // Nothing works without the database: exit, so that the supervisor starts a fresh process.
    onCrash: (error) => {
      log.error(`${error.message} Exiting.`);
      process.exit(1);
    },
  });
  const first = await firstStart(
    db,
    content,
    { email: env.adminEmail, password: env.adminPassword, inviteDays: env.inviteDays },
    new Date(),
  );

  const webDir = join(process.cwd(), 'dist', 'web');
  const hasWeb = existsSync(join(webDir, 'index.html'));
  if (!hasWeb) log.warn('No built web app in dist/web: serving the API only. Run `npm run build` (npm start does).');

  const { apiKey, baseUrl, model } = env.anthropic;
  const client = apiKey ? new Anthropic({ apiKey, baseURL: baseUrl ?? null, maxRetries: 3, timeout: 120_000 }) : null;
  if (!client) log.warn('No ANTHROPIC_API_KEY: LLM criteria stay pending for reviewers to score.');
  const judge = makeJudge({ client, model: model ?? DEFAULT_MODEL, log });
  const clock = () => new Date();
  const snapshots = cachedSnapshots(db);
  const worker = startWorker({
    db,
    clock,
    concurrency: env.graderConcurrency,
    runJob: gradingRunner({ db, snapshots, judge, clock }),
    log,
  });

  const app = createApp({
    db,
    clock,
    content,
    snapshots,
    judge,
    log,
    config: {
      secureCookies: env.publicUrl?.startsWith('https://') ?? false,
      trustProxy: env.trustProxy,
      webDir: hasWeb ? webDir : null,
      sessionHours: 12,
      inviteDays: env.inviteDays,
      publicUrl: env.publicUrl ?? null,
    },
  });

  await readyForCandidates(app, db, log, clock());
  const server = listen(app.fetch, { port: env.port, hostname: env.host }, (info: AddressInfo) => {
    const url = env.publicUrl ?? `http://${info.address === '0.0.0.0' ? 'localhost' : info.address}:${info.port}`;
    const where = env.databaseUrl ? `postgres ${redact(env.databaseUrl)}` : `pglite in ${env.dataDir}`;
    log.info(
      `Audition listening on ${url} (database: ${where}; ${entries.length - invalid.length} exercises from ${env.contentDir})`,
    );
    if (first) log.info(firstStartMessage(first, url));
  });

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info(`${signal}: finishing requests in flight, then closing the database…`);
    const force = setTimeout(() => {
      log.error(`Requests still open after ${SHUTDOWN_GRACE_MS / 1000} s: closing anyway.`);
      void db.close().finally(() => process.exit(1));
    }, SHUTDOWN_GRACE_MS);
    force.unref();
    server.close(() => {
      void worker
        .stop()
        .then(() => db.close())
        .then(
          () => {
            log.info('Database closed. Bye.');
            process.exit(0);
          },
          (error: Error) => {
            log.error(`Closing the database failed: ${error.message}`);
            process.exit(1);
          },
        );
    });
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: Error) => {
  if (error instanceof EnvError || error instanceof LockError || error instanceof MigrationError) {
    console.error(error.message);
  } else {
    console.error(`Audition could not start: ${error.stack ?? error.message}`);
  }
  process.exit(1);
});
