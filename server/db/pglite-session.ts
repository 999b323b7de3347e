/**
 * PGlite's one session, driven in as few exchanges with the engine as the protocol allows (ADR 020):
 * statements prepared once and run in one exchange, and transactions whose BEGIN goes with their first
 * statement and whose COMMIT is one exchange.
 *
 * PGlite's own query() calls into the engine six times per statement and parses and plans the text every
 * time; its transaction() costs 350 µs around even an empty callback. Here each distinct text becomes a
 * named prepared statement on its first run (Parse and Describe, one exchange), and every run is one
 * exchange (Bind, Execute, Sync: the columns were described when it was prepared). PostgreSQL plans it as
 * any prepared statement: custom plans for five runs, then its generic plan when that costs no more, and no
 * planning after that. Statements that put their row count in the text (VALUES lists) get there; array
 * parameters do not (a generic plan assumes ten elements), and are planned on every run.
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
import { runRenewingStale } from './statement-names.js';

/** What the server says back: PGlite's parsed backend messages. */
type BackendMessage = Parameters<typeof parse.parseResults>[0][number];

type Statement = {
  name: string;
  paramTypes: number[];
  /** Its RowDescription (names and types of the columns), or null when it returns no rows. */
  columns: BackendMessage | null;
  preparedAt: number;
};

/** Whether a transaction's BEGIN has been sent: it goes with the first statement (#opening). */
type TransactionState = { begun: boolean };

export type StatementLimits = { max: number; maxAgeMs: number };

const DEFAULT_LIMITS: StatementLimits = { max: 100, maxAgeMs: 60_000 };

const { serialize } = protocol;

const BEGIN = serialize.query('BEGIN');

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
        const rows = await this.#runOnce<T>(sql, params, null);
        await this.#pg.syncToFs();
        return rows;
      }),
    );
  }

  /** Runs fn in one transaction: committed when it returns, rolled back when it throws. */
  async transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T> {
    await this.#pg._checkReady();
    return this.#pg._runExclusiveTransaction(async () => {
      const state: TransactionState = { begun: false };
      let open = true;
      const closed = () => new Error('Transaction is closed');
      // Open or not is decided when a statement's turn comes, not when it was called: one still queued when
      // the callback returned must not send a BEGIN that nothing would end.
      const tx: Queryable = {
        query: <R extends Row>(sql: string, params: unknown[] = []) =>
          this.#pg.runExclusive(
            (): Promise<R[]> => (open ? this.#runOnce<R>(sql, params, state) : Promise.reject(closed())),
          ),
        exec: (sql: string) =>
          this.#pg.runExclusive(async () => {
            if (!open) throw closed();
            await this.#simpleNow(sql, state);
          }),
      };
      try {
        const result = await fn(tx);
        open = false;
        // A callback that ran no statement opened nothing.
        if (!state.begun) return result;
        if ((await this.#simple('COMMIT')) === 'ROLLBACK') throw new TransactionAbortedError();
        await this.#pg.syncToFs();
        return result;
      } catch (error) {
        if (open) {
          open = false;
          if (state.begun) await this.#simple('ROLLBACK');
        }
        throw error;
      }
    });
  }

  /** SQL without parameters (one or more statements) in one exchange; answers the last command's tag. */
  #simple(sql: string): Promise<string | undefined> {
    return this.#pg.runExclusive(() => this.#simpleNow(sql, null));
  }

  /** #simple, for a caller that already holds PGlite's query lock. */
  async #simpleNow(sql: string, transaction: TransactionState | null): Promise<string | undefined> {
    const { messages } = await this.#pg.execProtocol(this.#opening(transaction, serialize.query(sql)), {
      syncToFs: false,
    });
    return parse.parseResults(messages, this.#pg.parsers).at(-1)?.command;
  }

  /**
   * The messages of a transaction's statement, after BEGIN if it is the first: BEGIN goes in the first
   * statement's exchange, not one of its own. It is a simple query of its own, complete (with its
   * ReadyForQuery) before the statement starts, so a failing statement finds the transaction open.
   */
  #opening(transaction: TransactionState | null, messages: Uint8Array): Uint8Array {
    if (!transaction || transaction.begun) return messages;
    transaction.begun = true;
    return concat([BEGIN, messages]);
  }

  #runOnce<T extends Row>(sql: string, params: unknown[], transaction: TransactionState | null): Promise<T[]> {
    return runRenewingStale(
      async () => this.#execute<T>(await this.#prepared(sql, transaction), params, transaction),
      () => {
        // Expired, not forgotten: the next #prepared closes it and prepares it again under its name.
        const known = this.#byText.get(sql);
        if (known) known.preparedAt = Number.NEGATIVE_INFINITY;
      },
      transaction !== null,
    );
  }

  /**
   * The statement for this text, prepared now if it is new or too old: inside the transaction, if it is
   * the transaction's first exchange, so that a text that does not parse aborts it, as any failing
   * statement does.
   */
  async #prepared(sql: string, transaction: TransactionState | null): Promise<Statement> {
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
        this.#opening(
          transaction,
          concat([
            ...closing.map(({ name }) => serialize.close({ type: 'S', name })),
            serialize.parse({ name: statement.name, text: sql }),
            serialize.describe({ type: 'S', name: statement.name }),
            serialize.sync(),
          ]),
        ),
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

  async #execute<T extends Row>(
    statement: Statement,
    params: unknown[],
    transaction: TransactionState | null,
  ): Promise<T[]> {
    const { serializers, parsers } = this.#pg;
    const values = params.map((param, i): BindValue => {
      if (param === null || param === undefined) return null;
      const serializer = serializers[statement.paramTypes[i] ?? -1];
      return serializer ? serializer(param) : String(param);
    });
    const opening = transaction !== null && !transaction.begun;
    const { messages } = await this.#pg.execProtocol(
      this.#opening(transaction, bindExecuteSync(statement.name, values)),
      { syncToFs: false },
    );
    // This statement's messages: after the ReadyForQuery that ended the BEGIN sent with it.
    const own = opening
      ? messages.slice(messages.findIndex((message) => message.name === 'readyForQuery') + 1)
      : messages;
    // The columns were described when it was prepared: a run that changed them fails (0A000, isStaleStatement).
    const described = statement.columns ? [statement.columns, ...own] : own;
    return (parse.parseResults(described, parsers)[0]?.rows ?? []) as T[];
  }
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
