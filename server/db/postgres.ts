/**
 * PostgreSQL through pg: several server processes can share one database. Statements are named
 * (statement-names.ts, ADR 022), so that each connection plans a text once.
 */
import pg from 'pg';
import type { Db, Queryable, Row } from './db.js';
import { runRenewingStale, StatementNames } from './statement-names.js';

export async function openPostgres(url: string, options: { max?: number } = {}): Promise<Db> {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  // Fail at start, with the server's own message, rather than on the first request.
  const client = await pool.connect().catch(async (error: Error) => {
    await pool.end();
    throw new Error(`Cannot connect to DATABASE_URL (${redact(url)}): ${error.message}`);
  });
  client.release();
  pool.on('error', (error) => console.error(`PostgreSQL pool error: ${error.message}`));

  const names = new StatementNames();
  const on = (target: pg.Pool | pg.PoolClient, inTransaction: boolean): Queryable => ({
    query<T extends Row>(sql: string, params: unknown[] = []) {
      let sent: string | undefined;
      const run = async () => {
        const query = names.query(sql, params);
        sent = query.name;
        return (await target.query(query)).rows as T[];
      };
      return runRenewingStale(run, () => names.rename(sql, sent), inTransaction);
    },
    async exec(sql: string) {
      await target.query(sql);
    },
  });

  const db: Db = {
    engine: 'postgres',
    ...on(pool, false),
    call: (procedure, input) => procedure.run(db, input),
    async transaction(fn) {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn(on(conn, true));
        await conn.query('COMMIT');
        return result;
      } catch (error) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw error;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
  return db;
}

export function redact(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
