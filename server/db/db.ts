/**
 * The database as the rest of the server sees it: parameterised SQL ($1, $2 …) that runs unchanged on
 * PGlite and on PostgreSQL. Engines differ only in how they open, lock and close (pglite.ts, postgres.ts).
 * Write SQL that returns the same JS types on both: cast counts with ::int (pg returns int8 as a string).
 */
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
  close(): Promise<void>;
};

/** The first row, or null: for lookups by key. */
export async function one<T extends Row>(db: Queryable, sql: string, params: unknown[] = []): Promise<T | null> {
  const rows = await db.query<T>(sql, params);
  return rows[0] ?? null;
}
