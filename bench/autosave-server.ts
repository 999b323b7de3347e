/**
 * The server side of `npm run bench:autosave`: the real app as the server runs it (PGlite on its database
 * thread, the HTTP settings of http-server.ts, what main.ts does before it listens)
 * on a fresh data directory with N started attempts, and a bare Hono route, each on its own port. Prints
 * one JSON line with the ports and tokens. With DATABASE_URL it runs on that PostgreSQL instead, adding its
 * attempts to whatever the database holds (use a scratch database).
 *
 * For a restart: BENCH_KEEP_DATA=1 leaves the data directory in place when the process stops, and
 * BENCH_DATA_DIR=DIR serves that directory again as it is, creating nothing (its tokens are the first
 * process's). Before listening it remembers the attempts under way and warms up, as main.ts does (ADR 021,
 * 024); WARM_UP=0 leaves out the warm-up and REMEMBER=0 both, to see what each saves.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { createApp } from '../server/app.js';
import { cachedSnapshots } from '../server/content/snapshots.js';
import { loadContentStore } from '../server/content/store.js';
import { createAssessment, createInvite, findInviteByToken } from '../server/db/assessments.js';
import { startAttempt } from '../server/db/attempts.js';
import { openDatabase } from '../server/db/open.js';
import { rememberOpenAttempts } from '../server/db/token-access.js';
import { makeJudge } from '../server/grading/grading.js';
import { listen as listenHttp } from '../server/http-server.js';
import { readyForCandidates } from '../server/warm-up.js';

const candidates = Number(process.argv[2] ?? 500);
const reused = process.env.BENCH_DATA_DIR;
const dataDir = reused ?? mkdtempSync(join(tmpdir(), 'audition-bench-'));
const content = loadContentStore(join(import.meta.dirname, '..', 'test', 'fixtures', 'content'));
const db = await openDatabase({ databaseUrl: process.env.DATABASE_URL || undefined, dataDir });
const tokens: string[] = reused ? [] : await startAttempts(candidates);

async function startAttempts(n: number): Promise<string[]> {
  const now = new Date();
  const assessment = await createAssessment(
    db,
    content,
    { name: 'bench', exerciseIds: ['canary-spec'], createdBy: null },
    now,
  );
  const started: string[] = [];
  for (let i = 0; i < n; i++) {
    const { token } = await createInvite(db, { assessmentId: assessment.id, createdBy: null }, now, 14);
    const invite = await findInviteByToken(db, token);
    if (!invite) throw new Error('invite missing');
    await startAttempt(db, content, invite, assessment, now);
    started.push(token);
  }
  return started;
}

const app = createApp({
  db,
  clock: () => new Date(),
  content,
  snapshots: cachedSnapshots(db),
  judge: makeJudge({ client: null, model: 'none', log: console }),
  log: { info: () => {}, warn: console.warn, error: console.error },
  config: { secureCookies: false, trustProxy: false, webDir: null, sessionHours: 12, inviteDays: 14, publicUrl: null },
});
// As main.ts does before it listens (ADR 021, 024); REMEMBER=0 or WARM_UP=0 leave out either, to compare.
const log = { info: console.error, warn: console.error, error: console.error };
if (process.env.REMEMBER === '0') log.info('Attempts under way not remembered, no warm-up.');
else if (process.env.WARM_UP === '0') await rememberOpenAttempts(db, new Date());
else await readyForCandidates(app, db, log, new Date());
const bare = new Hono().put('/bare/:token', async (c) => c.json({ revision: 1, length: (await c.req.text()).length }));

const listen = (fetch: (r: Request) => Response | Promise<Response>) =>
  new Promise<number>((resolve) => listenHttp(fetch, { port: 0, hostname: '127.0.0.1' }, (info) => resolve(info.port)));
const [appPort, barePort] = [await listen(app.fetch), await listen(bare.fetch)];
console.log(JSON.stringify({ appPort, barePort, tokens, dataDir }));
// The data directory is the bench's alone: it goes with the run (tens of MB each), unless a restart follows.
process.on('SIGTERM', () => {
  void db.close().then(() => {
    if (process.env.BENCH_KEEP_DATA !== '1') rmSync(dataDir, { recursive: true, force: true });
    process.exit(0);
  });
});
