/**
 * PGlite on its own thread (ADR 019), as a Db like any other. The worker (pglite-worker.ts) owns the PGlite;
 * this side holds the data directory's lock and sends it messages: one per statement, and one per
 * procedure call (db.call), which is how the hot paths cross in one piece.
 *
 * Transactions: `begin` opens one in the worker and answers with its id; statements tagged with that id run
 * inside it; `end` commits or rolls back. A statement outside the transaction waits for it to end, as it
 * does on one thread. Errors cross as plain data and are rebuilt with the same message and fields (code,
 * detail …), so callers cannot tell the thread from the engine.
 *
 * If the worker dies, every statement in flight and every later one fails with the reason, and onCrash is
 * told once (the server exits on it: nothing it does works without its database).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { ApiError, type ErrorCode } from '../errors.js';
import { assertNotInsideTransaction, type Db, markedInside, type Queryable, type Row } from './db.js';
import { type DirLock, lockDataDir } from './lock.js';

/** What the worker opens: a data directory, or a dump loaded into memory (tests). */
export type ThreadSource = { dataDir: string } | { dump: ArrayBuffer };

export type ThreadRequest =
  | { id: number; op: 'query'; sql: string; params: unknown[]; tx?: number | undefined }
  | { id: number; op: 'exec'; sql: string; tx?: number | undefined }
  | { id: number; op: 'begin' }
  | { id: number; op: 'end'; tx: number; commit: boolean }
  | { id: number; op: 'call'; name: string; input: unknown }
  | { id: number; op: 'close' };

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;

/** An error as it crosses the thread: structured cloning would drop an Error's own fields. */
export type ErrorData = { name: string; message: string; fields: Record<string, string | number> };

export type ThreadReply = { id: number; ok: true; value: unknown } | { id: number; ok: false; error: ErrorData };

/** The worker's first message: open, or why not. */
export type ThreadReady = { ready: true } | { ready: false; error: ErrorData };

export type ThreadOptions = { onCrash?: (error: Error) => void };

export async function openPgliteThread(dataDir: string, options: ThreadOptions = {}): Promise<Db> {
  const lock = lockDataDir(dataDir);
  try {
    return await start({ dataDir: join(dataDir, 'pglite') }, lock, options);
  } catch (error) {
    lock.release();
    throw error;
  }
}

/** An in-memory database on its own thread, loaded from a data-directory dump (tests). */
export function openPgliteThreadFromDump(dump: ArrayBuffer, options: ThreadOptions = {}): Promise<Db> {
  return start({ dump }, null, options);
}

export function toErrorData(error: unknown): ErrorData {
  if (!(error instanceof Error)) return { name: 'Error', message: describe(error), fields: {} };
  const fields: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(error)) {
    if (typeof value === 'string' || typeof value === 'number') fields[key] = value;
  }
  return { name: error instanceof ApiError ? 'ApiError' : error.name, message: error.message, fields };
}

/** Something thrown that is not an Error (WASM runtimes throw plain objects): its text, as best we can. */
function describe(thrown: unknown): string {
  if (typeof thrown === 'object' && thrown !== null) {
    const { message } = thrown as { message?: unknown };
    if (typeof message === 'string') return message;
    try {
      return JSON.stringify(thrown);
    } catch {
      // Circular: fall through to its string form.
    }
  }
  return String(thrown);
}

export function fromErrorData({ name, message, fields }: ErrorData): Error {
  if (name === 'ApiError' && typeof fields.code === 'string') return new ApiError(fields.code as ErrorCode, message);
  const error = Object.assign(new Error(message), fields);
  error.name = name;
  return error;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

async function start(source: ThreadSource, lock: DirLock | null, options: ThreadOptions): Promise<Db> {
  const worker = new Worker(new URL('./pglite-thread-boot.js', import.meta.url), {
    workerData: { entry: new URL('./pglite-worker.ts', import.meta.url).href, source },
  });
  await new Promise<void>((resolve, reject) => {
    const failed = (error: Error) => {
      void worker.terminate();
      reject(error);
    };
    const exited = (code: number) =>
      failed(new Error(`The database thread stopped before it opened (exit code ${code}).`));
    worker.once('exit', exited);
    worker.once('message', (ready: ThreadReady) => {
      worker.off('error', failed);
      worker.off('exit', exited);
      if (ready.ready) resolve();
      else {
        const where = 'dataDir' in source ? `the database in ${source.dataDir}` : 'the database dump';
        failed(new Error(`PGlite could not open ${where}: ${fromErrorData(ready.error).message}`));
      }
    });
    worker.once('error', failed);
  });

  const pending = new Map<number, Pending>();
  let nextId = 1;
  let dead: Error | null = null;
  let closing = false;

  const die = (error: Error) => {
    if (dead) return;
    dead = error;
    for (const { reject } of pending.values()) reject(error);
    pending.clear();
    lock?.release();
    if (!closing) options.onCrash?.(error);
  };
  worker.on('message', (reply: ThreadReply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(fromErrorData(reply.error));
  });
  worker.on('error', (error) => die(new Error(`The database thread failed: ${error.message}`)));
  worker.on('exit', (code) => die(new Error(`The database thread stopped (exit code ${code}).`)));

  const send = <T>(request: WithoutId<ThreadRequest>): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (dead) {
        reject(dead);
        return;
      }
      const id = nextId++;
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      try {
        worker.postMessage({ ...request, id });
      } catch (error) {
        // Not cloneable (a function, a symbol among the parameters): refused here, nothing was sent.
        pending.delete(id);
        reject(error as Error);
      }
    });

  const on = (tx?: number): Queryable => ({
    query: <T extends Row>(sql: string, params: unknown[] = []) => {
      if (tx === undefined) assertNotInsideTransaction(db);
      return send<T[]>({ op: 'query', sql, params, tx });
    },
    exec: (sql: string) => {
      if (tx === undefined) assertNotInsideTransaction(db);
      return send<void>({ op: 'exec', sql, tx });
    },
  });

  const db: Db = {
    engine: 'pglite',
    ...on(),
    async transaction(fn) {
      assertNotInsideTransaction(db);
      const tx = await send<number>({ op: 'begin' });
      let result: Awaited<ReturnType<typeof fn>>;
      try {
        result = await markedInside(db, () => fn(on(tx)));
      } catch (error) {
        await send({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw error;
      }
      await send({ op: 'end', tx, commit: true });
      return result;
    },
    call: (procedure, input) => {
      assertNotInsideTransaction(db);
      return send({ op: 'call', name: procedure.name, input });
    },
    async close() {
      if (closing || dead) return;
      closing = true;
      try {
        await send({ op: 'close' });
      } finally {
        await worker.terminate();
      }
    },
  };
  return db;
}
