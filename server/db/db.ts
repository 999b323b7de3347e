/**
 * The database as the rest of the server sees it: parameterised SQL ($1, $2 …) that runs unchanged on
 * PGlite and on PostgreSQL. Engines differ only in how they open, lock and close (pglite.ts, postgres.ts).
 * Write SQL that returns the same JS types on both: cast counts with ::int (pg returns int8 as a string).
 */
import { AsyncLocalStorage } from 'node:async_hooks';

export type Row = Record<string, unknown>;

export type Queryable = {
  query<T extends Row = Row>(sql: string, params?: unknown[]): Promise<T[]>;
  /** Runs several statements with no parameters (migrations). */
  exec(sql: string): Promise<void>;
};

export type Db = Queryable & {
  engine: 'pglite' | 'postgres';
  /** Runs fn in one transaction: committed when it returns, rolled back when it throws. */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>;
  /** Runs a procedure where the database is: in place, or as one message on the database thread (ADR 019). */
  call<I, O>(procedure: DbProcedure<I, O>, input: I): Promise<O>;
  close(): Promise<void>;
};

/**
 * Work that runs next to the database in one piece: a hot path that would otherwise cross to the database
 * thread once per statement (ADR 019). Its input and output must survive structured cloning (plain data,
 * Date, Map); refusals are data, not thrown ApiErrors. Every procedure is listed in procedures.ts, where the
 * database thread finds it by name.
 */
export type DbProcedure<I, O> = { name: string; run(db: Db, input: I): Promise<O> };

/** The first row, or null: for lookups by key. */
export async function one<T extends Row>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | null> {
  const rows = await db.query<T>(sql, params);
  return rows[0] ?? null;
}

/**
 * A batch's rows as a VALUES list ("($1, $2), ($3, $4)", each parameter cast when types are given) and its
 * parameters. Prefer it to an array parameter in hot statements: with the row count in the text, a prepared
 * statement gets its generic plan and is no longer planned on every run (ADR 020). The rows are padded with
 * copies of `filler` to the next power of two (1, 2, 4 … 256), so that a statement has a few texts, not one
 * per batch size: a hundred sizes would crowd each other out of the prepared statements. The statement must
 * make the filler harmless: a copy of a real row where duplicates change nothing, or NULLs it filters out.
 */
export function valuesList(
  rows: unknown[][],
  filler: unknown[],
  types: string[] = [],
): { sql: string; params: unknown[] } {
  const size = rows.length <= 1 ? 1 : 2 ** Math.ceil(Math.log2(rows.length));
  const padded = [...rows, ...Array.from({ length: size - rows.length }, () => filler)];
  return { sql: placeholders(padded.length, filler.length, types), params: padded.flat() };
}

/** The texts made so far: a hot statement's text is built once, not on every run. Few: sizes are powers of two. */
const placeholderTexts = new Map<string, string>();

function placeholders(rows: number, columns: number, types: string[]): string {
  const key = JSON.stringify([rows, columns, types]);
  let text = placeholderTexts.get(key);
  if (text === undefined) {
    text = buildPlaceholders(rows, columns, types);
    placeholderTexts.set(key, text);
  }
  return text;
}

function buildPlaceholders(rows: number, columns: number, types: string[]): string {
  return Array.from({ length: rows }, (_, row) => {
    const cells = Array.from({ length: columns }, (_, column) => {
      const type = types[column];
      return `$${row * columns + column + 1}${type ? `::${type}` : ''}`;
    });
    return `(${cells.join(', ')})`;
  }).join(', ');
}

const insideTransactionOf = new AsyncLocalStorage<Db>();
let guarding = false;

/**
 * Turns on the guard below (the tests do). It is off in the server: on Node 20 an AsyncLocalStorage in use
 * costs every promise in the process a little, and the autosave path is made of promises.
 */
export function guardTransactions(): void {
  guarding = true;
}

/** Runs a transaction's callback marked as inside it, for assertNotInsideTransaction. */
export function markedInside<T>(db: Db, fn: () => Promise<T>): Promise<T> {
  return guarding ? insideTransactionOf.run(db, fn) : fn();
}

/**
 * PGlite has one connection: a statement on the database itself, issued from inside one of its own
 * transactions, waits for that transaction to end, which waits for the statement, and every later request
 * (autosaves included) hangs behind them. With the guard on, such a mistake fails at once, saying what to do.
 */
export function assertNotInsideTransaction(db: Db): void {
  if (guarding && insideTransactionOf.getStore() === db) {
    throw new Error(
      'A statement on the database from inside one of its transactions would wait for it forever: use the transaction (tx), or run it before or after.',
    );
  }
}
