/**
 * PGlite's one session, driven in as few exchanges with the engine as the protocol allows (ADR 020):
 * statements prepared once and run in one exchange, and transactions whose BEGIN and COMMIT are one each.
 *
 * PGlite's own query() calls into the engine six times per statement and parses and plans the text every
 * time; its transaction() costs 350 µs around even an empty callback. Here each distinct text becomes a
 * named prepared statement on its first run (Parse and Describe, one exchange), and every run is one
 * exchange (Bind, Describe, Execute, Sync). PostgreSQL plans it as any prepared statement: custom plans for
 * five runs, then its generic plan when that costs no more, and no planning after that. Statements that put
 * their row count in the text (VALUES lists) get there; array parameters do not (a generic plan assumes ten
 * elements), and are planned on every run.
 *
 * Behaviour, the same as PGlite's query() and transaction() wherever a caller can tell:
 * - parameters are serialised by PGlite's serializers for the types the statement's Describe reported, and
 *   rows parsed by its parsers; a failing statement throws PGlite's DatabaseError (message, code, detail …);
 * - a transaction holds PGlite's transaction lock: a statement outside it waits until it ends;
 * - a transaction commits when its callback returns and rolls back when it throws; a COMMIT that PostgreSQL
 *   answers with ROLLBACK (a statement failed and the callback caught it) throws TransactionAbortedError;
 *   a COMMIT that fails (a deferred constraint) throws its error, and nothing was committed;
 * - a transaction's handle refuses statements once its callback has returned;
 * - a text that does not parse is not kept, and its error is thrown as is.
 * Beyond it:
 * - at most `max` texts are kept; the least recently used is closed when another is prepared;
 * - a statement is prepared again once it is `maxAgeMs` old, so that its plan follows the tables as they
 *   grow (PGlite never runs ANALYZE; PostgreSQL keeps a generic plan until the schema changes);
 * - a statement PostgreSQL no longer accepts (its result changed shape after DDL, or it was deallocated) is
 *   prepared again, under the same name, and, outside a transaction, run once more. Inside one, the error
 *   has already aborted the transaction: it is thrown, and the next run prepares afresh.
 */
import { type PGlite, parse, protocol, TransactionAbortedError } from '@electric-sql/pglite';
import { type BindValue, bindExecuteSync } from './bind-message.js';
import type { Queryable, Row } from './db.js';
import { LruMap } from './lru-map.js';

/** What the server says back: PGlite's parsed backend messages. */
type BackendMessage = Parameters<typeof parse.parseResults>[0][number];

type Statement = {
  name: string;
  paramTypes: number[];
  /** Its RowDescription (names and types of the columns), or null when it returns no rows. */
  columns: BackendMessage | null;
  preparedAt: number;
};

export type StatementLimits = { max: number; maxAgeMs: number };

const DEFAULT_LIMITS: StatementLimits = { max: 100, maxAgeMs: 60_000 };

const { serialize } = protocol;

/** Statement names are unique in the process, so that two caches on one PGlite never reuse a name. */
let named = 0;

export class PgliteSession {
  readonly #pg: PGlite;
  readonly #limits: StatementLimits;
  readonly #now: () => number;
  readonly #byText: LruMap<string, Statement>;

  constructor(pg: PGlite, limits: Partial<StatementLimits> = {}, now: () => number = () => performance.now()) {
    this.#pg = pg;
    this.#limits = { ...DEFAULT_LIMITS, ...limits };
    this.#now = now;
    this.#byText = new LruMap(this.#limits.max);
  }

  /** How many statements are prepared now: for the tests. */
  get size(): number {
    return this.#byText.size;
  }

  /** Runs one statement outside any transaction: after the open one, if any, has ended. */
  async query<T extends Row>(sql: string, params: unknown[] = []): Promise<T[]> {
    await this.#pg._checkReady();
    return this.#pg._runExclusiveTransaction(() =>
      this.#pg.runExclusive(async () => {
        const rows = await this.#runOnce<T>(sql, params, false);
        await this.#pg.syncToFs();
        return rows;
      }),
    );
  }

  /** Runs fn in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.#pg._checkReady();
    return this.#pg._runExclusiveTransaction(async () => {
      await this.#simple('BEGIN');
      let open = true;
      const closed = () => new Error('Transaction is closed');
      const tx: Queryable = {
        query: <R extends Row>(sql: string, params: unknown[] = []) =>
          open ? this.#pg.runExclusive(() => this.#runOnce<R>(sql, params, true)) : Promise.reject(closed()),
        exec: async (sql: string) => {
          if (!open) throw closed();
          await this.#simple(sql);
        },
      };
      try {
        const result = await fn(tx);
        open = false;
        if ((await this.#simple('COMMIT')) === 'ROLLBACK') throw new TransactionAbortedError();
        await this.#pg.syncToFs();
        return result;
      } catch (error) {
        if (open) {
          open = false;
          await this.#simple('ROLLBACK');
        }
        throw error;
      }
    });
  }

  /** SQL without parameters (one or more statements) in one exchange; answers the last command's tag. */
  #simple(sql: string): Promise<string | undefined> {
    return this.#pg.runExclusive(async () => {
      const { messages } = await this.#pg.execProtocol(serialize.query(sql), { syncToFs: false });
      return parse.parseResults(messages, this.#pg.parsers).at(-1)?.command;
    });
  }

  async #runOnce<T extends Row>(sql: string, params: unknown[], inTransaction: boolean): Promise<T[]> {
    try {
      return await this.#execute<T>(await this.#prepared(sql), params);
    } catch (error) {
      if (!isStale(error)) throw error;
      // Expired, not forgotten: the next #prepared closes it and prepares it again under its name.
      const known = this.#byText.get(sql);
      if (known) known.preparedAt = Number.NEGATIVE_INFINITY;
      if (inTransaction) throw error;
      return this.#execute<T>(await this.#prepared(sql), params);
    }
  }

  /** The statement for this text, prepared now if it is new or too old. */
  async #prepared(sql: string): Promise<Statement> {
    const known = this.#byText.get(sql);
    if (known && this.#now() - known.preparedAt < this.#limits.maxAgeMs) return known;
    const statement: Statement = {
      name: known?.name ?? `audition_${++named}`,
      paramTypes: [],
      columns: null,
      preparedAt: this.#now(),
    };
    const closing = [...(known ? [known] : []), ...this.#byText.set(sql, statement).map(([, forgotten]) => forgotten)];
    // The closes run before the Parse: if it fails, they are done, and their statements forgotten, all the same.
    try {
      const { messages } = await this.#pg.execProtocol(
        concat([
          ...closing.map(({ name }) => serialize.close({ type: 'S', name })),
          serialize.parse({ name: statement.name, text: sql }),
          serialize.describe({ type: 'S', name: statement.name }),
          serialize.sync(),
        ]),
        { syncToFs: false },
      );
      statement.paramTypes = parse.parseDescribeStatementResults(messages);
      statement.columns = messages.find((message) => message.name === 'rowDescription') ?? null;
      return statement;
    } catch (error) {
      this.#byText.delete(sql);
      throw error;
    }
  }

  async #execute<T extends Row>(statement: Statement, params: unknown[]): Promise<T[]> {
    const { serializers, parsers } = this.#pg;
    const values = params.map((param, i): BindValue => {
      if (param === null || param === undefined) return null;
      const serializer = serializers[statement.paramTypes[i] ?? -1];
      return serializer ? serializer(param) : String(param);
    });
    const { messages } = await this.#pg.execProtocol(bindExecuteSync(statement.name, values), { syncToFs: false });
    // The columns were described when it was prepared: a run that changed them fails (0A000, isStale).
    const described = statement.columns ? [statement.columns, ...messages] : messages;
    return (parse.parseResults(described, parsers)[0]?.rows ?? []) as T[];
  }
}

/**
 * The prepared statement itself is stale, not the data or the text: its result changed shape after DDL
 * (0A000 is also "feature not supported", which preparing again would not cure), or it no longer exists.
 */
function isStale(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === '26000') return true;
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change result type');
}

function concat(parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
