/**
 * The warm-up of a server restarted under its candidates (ADR 024): before it listens, it rehearses the
 * autosave so that V8 has compiled the hot JavaScript, and tiered up PGlite's WebAssembly, before the
 * candidates' saves arrive all at once.
 *
 * - The route, over HTTP: saves sent to itself, 50 at a time, with a 4 KB draft and tokens that match no
 *   invite, through a listener of its own on 127.0.0.1 (a port the system picks; the public one is not open
 *   yet). Each runs Node's HTTP parser and the Hono adapter, the middleware, the body limit, JSON parsing,
 *   validation, the token lookup on the database thread and the error path, and is answered 404. Nothing
 *   is written. Over HTTP, not `app.request`: the adapter is a large part of a save's cost, which a warm-up
 *   in process leaves cold (docs/performance.md).
 * - The write (PGlite only): batches of saves to one attempt under way through the writer's own code, in a
 *   transaction rolled back (rehearseDraftWrites).
 *
 * A fixed amount of work, chosen from `RESTART=1 npm run bench:autosave` (docs/performance.md): about 2 s on
 * the 2-core machine. A failure is logged, and the server starts anyway.
 */
import type { AddressInfo } from 'node:net';
import type { Db } from './db/db.js';
import { rehearseDraftWrites } from './db/draft-writes.js';
import { rememberOpenAttempts, type StartedAccess } from './db/token-access.js';
import type { Logger } from './deps.js';
import { listen } from './http-server.js';

/** Saves sent through the route, and how many at a time. */
const ROUTE_SAVES = 1_500;
const AT_ONCE = 50;
/** Batches written and rolled back. */
const WRITE_BATCHES = 400;

type Fetch = (request: Request) => Response | Promise<Response>;

type WarmUp = { routeSaves: number; revisionsRolledBack: number; ms: number };

/**
 * What the server does before it listens, for the candidates who may be saving already: remembers the
 * attempts under way (ADR 021) and, if there are any, warms up (ADR 024). Neither is needed for a save to
 * succeed, so a failure is logged and the server starts anyway.
 */
export async function readyForCandidates(app: { fetch: Fetch }, db: Db, log: Logger, now: Date): Promise<void> {
  let underWay: StartedAccess[];
  try {
    underWay = await rememberOpenAttempts(db, now);
  } catch (error) {
    log.warn(`Could not load the attempts under way (${(error as Error).message}); starting without them.`);
    return;
  }
  const [one] = underWay;
  if (!one) return;
  const n = underWay.length;
  log.info(`${n} attempt${n === 1 ? '' : 's'} under way: remembered for their saves. Warming up before listening…`);
  try {
    const done = await warmUp(app.fetch, db, one);
    log.info(
      `Warmed up in ${done.ms} ms: ${done.routeSaves} rehearsal saves through the route, ` +
        `${done.revisionsRolledBack} revisions written and rolled back.`,
    );
  } catch (error) {
    log.warn(`The warm-up failed (${(error as Error).message}); starting without it.`);
  }
}

/** Rehearses the autosave on one of the attempts under way. */
async function warmUp(fetchHandler: Fetch, db: Db, underWay: StartedAccess): Promise<WarmUp> {
  const started = performance.now();
  const exerciseId = underWay.exerciseIds[0] ?? '';
  const body = JSON.stringify({ baseRevision: 0, submission: { kind: 'spec', text: 'rehearsal '.repeat(410) } });
  await onLoopback(fetchHandler, async (origin) => {
    for (let sent = 0; sent < ROUTE_SAVES; sent += AT_ONCE) {
      await Promise.all(
        Array.from({ length: AT_ONCE }, async (_, i) => {
          const res = await fetch(`${origin}/api/take/${unknownToken(sent + i)}/exercises/${exerciseId}/draft`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json' },
            body,
          });
          await res.arrayBuffer();
          if (res.status !== 404) throw new Error(`a rehearsal save was answered ${res.status}, not 404`);
        }),
      );
    }
  });
  // On PostgreSQL there is no WebAssembly to warm, and the attempt's lock would hold up its candidate's saves
  // in other processes.
  const revisionsRolledBack =
    db.engine === 'pglite'
      ? await db.call(rehearseDraftWrites, {
          attemptId: underWay.attempt.id,
          exerciseId,
          deadlineAt: underWay.attempt.deadlineAt,
          batches: WRITE_BATCHES,
        })
      : 0;
  return { routeSaves: ROUTE_SAVES, revisionsRolledBack, ms: Math.round(performance.now() - started) };
}

/** Runs `fn` with the app served on a port of its own on 127.0.0.1, closed afterwards. */
async function onLoopback(fetchHandler: Fetch, fn: (origin: string) => Promise<void>): Promise<void> {
  let server: ReturnType<typeof listen> | undefined;
  const port = await new Promise<number>((resolve, reject) => {
    server = listen(fetchHandler, { port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve(info.port));
    server.once('error', reject);
  });
  try {
    await fn(`http://127.0.0.1:${port}`);
  } finally {
    // Every connection is the rehearsal's own, idle or not (a failed rehearsal leaves requests in flight).
    const closed = new Promise((resolve) => server?.close(resolve));
    if (server && 'closeAllConnections' in server) server.closeAllConnections();
    await closed;
  }
}

/**
 * A token shaped like a real one (43 base64url characters) that no invite has: real tokens are 256 random
 * bits, so one with 'rehearsal' and zeros in it is never issued. Each differs, so that the lookups batch
 * as real ones do.
 */
function unknownToken(i: number): string {
  return `rehearsal${String(i).padStart(34, '0')}`;
}
