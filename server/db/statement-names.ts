/**
 * Names for statement texts on PostgreSQL (ADR 022): `pg` parses a named statement once per pooled
 * connection and then only binds and executes it, so the server plans the hot autosave statements once per
 * connection instead of on every run (generic plans after five runs, as on PGlite, ADR 020).
 *
 * - Each text gets its own name; a name is never given to another text (`pg` refuses that), and names
 *   carry a prefix drawn at random for the process, so that two processes whose sessions a pooler mixes
 *   never take each other's statements for their own. At most `max` names are given in the life of the
 *   process: each is prepared on every connection that runs its text, and `pg` cannot deallocate them, so
 *   later texts run unnamed, as before.
 * - A statement the server no longer accepts under its name (isStaleStatement) gets a new name, once,
 *   however many connections report it (runRenewingStale runs it again).
 */
import { randomBytes } from 'node:crypto';

export type NamedQuery = { text: string; values: unknown[]; name?: string };

export class StatementNames {
  readonly #max: number;
  readonly #prefix = `audition_${randomBytes(4).toString('hex')}_`;
  readonly #names = new Map<string, string>();
  #given = 0;

  constructor(max = 200) {
    this.#max = max;
  }

  /** The query as `pg` takes it: named while names are left. */
  query(text: string, values: unknown[]): NamedQuery {
    let name = this.#names.get(text);
    if (name === undefined && this.#given < this.#max) {
      name = `${this.#prefix}${++this.#given}`;
      this.#names.set(text, name);
    }
    return name === undefined ? { text, values } : { text, values, name };
  }

  /**
   * Forgets the text's name, so that it is prepared afresh under a new one: unless it has been renamed
   * since `stale` failed (several connections report the same change).
   */
  rename(text: string, stale: string | undefined): void {
    if (stale !== undefined && this.#names.get(text) === stale) this.#names.delete(text);
  }
}

/**
 * Runs a prepared statement; if the engine reports it stale, renews it and, outside a transaction, runs it
 * once more. Inside one, the error has already aborted the transaction: it is thrown, and the next run
 * prepares afresh.
 */
export async function runRenewingStale<T>(
  run: () => Promise<T>,
  renew: () => void,
  inTransaction: boolean,
): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (!isStaleStatement(error)) throw error;
    renew();
    if (inTransaction) throw error;
    return run();
  }
}

/**
 * The prepared statement itself is stale, not the data or the text: its result changed shape after DDL
 * (0A000 is also "feature not supported", which preparing again would not cure), or the session no longer
 * has it (26000: deallocated, or a pooler moved the session to another server connection).
 */
export function isStaleStatement(error: unknown): boolean {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown };
  if (code === '26000') return true;
  return code === '0A000' && typeof message === 'string' && message.includes('cached plan must not change result type');
}
