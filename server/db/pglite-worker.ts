/**
 * The database thread (ADR 019): owns one PGlite and answers pglite-thread.ts's messages. Every message is
 * handled as it arrives, not one after another: a statement waiting for an open transaction must not hold
 * up the message that ends it. PGlite itself runs one statement at a time and keeps statements outside a
 * transaction waiting until it ends.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { Db, Queryable } from './db.js';
import { fromPglite } from './pglite.js';
import {
  type ThreadReady,
  type ThreadReply,
  type ThreadRequest,
  type ThreadSource,
  toErrorData,
} from './pglite-thread.js';
import { procedures } from './procedures.js';

const port = parentPort;
if (!port) throw new Error('pglite-worker.ts runs only as a worker thread (see pglite-thread.ts).');
const source = (workerData as { source: ThreadSource }).source;

/** Thrown inside a transaction's callback to roll it back; never leaves this module. */
const ROLLBACK = Symbol('rollback');

type OpenTransaction = { tx: Queryable; end(commit: boolean): Promise<void> };
const transactions = new Map<number, OpenTransaction>();

let db: Db;
try {
  const pg = 'dataDir' in source ? new PGlite(source.dataDir) : new PGlite({ loadDataDir: new Blob([source.dump]) });
  await pg.waitReady;
  db = fromPglite(pg);
  port.postMessage({ ready: true } satisfies ThreadReady);
} catch (error) {
  port.postMessage({ ready: false, error: toErrorData(error) } satisfies ThreadReady);
  process.exit(1);
}

port.on('message', (request: ThreadRequest) => {
  handle(request).then(
    (value) => port.postMessage({ id: request.id, ok: true, value } satisfies ThreadReply),
    (error: unknown) =>
      port.postMessage({ id: request.id, ok: false, error: toErrorData(error) } satisfies ThreadReply),
  );
});

async function handle(request: ThreadRequest): Promise<unknown> {
  switch (request.op) {
    case 'query':
      return target(request.tx).query(request.sql, request.params);
    case 'exec':
      return target(request.tx).exec(request.sql);
    case 'begin':
      await begin(request.id);
      return request.id;
    case 'end': {
      const open = transactions.get(request.tx);
      if (!open) throw new Error(`No open transaction ${request.tx}.`);
      transactions.delete(request.tx);
      return open.end(request.commit);
    }
    case 'call': {
      const procedure = procedures.get(request.name);
      if (!procedure) throw new Error(`No database procedure "${request.name}": list it in server/db/procedures.ts.`);
      return procedure(db, request.input);
    }
    case 'close':
      await db.close();
      return undefined;
  }
}

function target(tx: number | undefined): Queryable {
  if (tx === undefined) return db;
  const open = transactions.get(tx);
  if (!open) throw new Error(`No open transaction ${tx}.`);
  return open.tx;
}

/** Opens a transaction that stays open, between messages, until `end` decides it. */
function begin(id: number): Promise<void> {
  return new Promise<void>((opened, failed) => {
    let decide: (commit: boolean) => void = () => {};
    const decided = new Promise<boolean>((resolve) => {
      decide = resolve;
    });
    const settled = db
      .transaction(async (tx) => {
        transactions.set(id, {
          tx,
          end: (commit) => {
            decide(commit);
            return settled;
          },
        });
        opened();
        if (!(await decided)) throw ROLLBACK;
      })
      .catch((error: unknown) => {
        if (error !== ROLLBACK) throw error;
      });
    // The transaction failed before its callback ran: it never opened.
    settled.catch((error: unknown) => {
      if (!transactions.has(id)) failed(error);
    });
  });
}
