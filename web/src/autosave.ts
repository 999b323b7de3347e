/**
 * Autosave for one exercise's draft, with no React and no network inside: the page gives it a transport
 * (the PUT .../draft call) and timers, so that tests can drive it with a fake clock.
 *
 * - A change is sent after DEBOUNCE_MS without typing, and at most MAX_WAIT_MS after the first unsent
 *   change however fast the candidate types; flush() sends at once (blur, switching exercise, page hidden).
 * - One request in flight at a time: text typed meanwhile waits, and only the newest text is sent next.
 * - Each request carries the revision it was based on; a success moves the base to the revision the
 *   server gave. A conflict (another tab saved first) is reported, and this tab's text is the latest.
 * - Each request also carries a sequence number, higher than any this page sent before: when two of this
 *   tab's saves reach the server out of order (the page-close save overtaking the one in flight), the server
 *   keeps both but lets only the newest become the latest (ADR 012).
 * - A failed request (no network, 5xx) is retried after 1 s, 2 s, 4 s … up to 30 s, until it succeeds; when
 *   the server says how long to wait (429 with Retry-After), no save goes before then, up to a minute.
 *   A rejected one (too large, invalid) is not retried until the text changes; a closed exercise (409:
 *   submitted, or the attempt finished) stops the saver.
 * - Every change is also written to a local copy, cleared once the server holds that text.
 */

export type SaveOutcome =
  | { type: 'saved'; revision: number; conflict: boolean }
  /**
   * Nothing reached the server, or it failed on its side: send again later. retryAfterMs: the server asked
   * for at least this long a wait (Retry-After).
   */
  | { type: 'retry'; message: string; retryAfterMs?: number }
  /** The server refused this text (too large, invalid): sending it again would fail the same way. */
  | { type: 'rejected'; message: string }
  /** The exercise no longer takes drafts: it was submitted, or the attempt finished. */
  | { type: 'closed'; message: string };

/** seq: this save's place among the saves this page sent, for the server to order them (ADR 012). */
export type SaveRequest<S> = { baseRevision: number; submission: S; keepalive: boolean; seq: number };
/** Sends one save. It answers every failure as an outcome; a throw is a bug, logged and retried. */
export type SaveTransport<S> = (request: SaveRequest<S>) => Promise<SaveOutcome>;

/**
 * saved: the server has the latest text. pending: a change waits for its timer. saving: a request is in
 * flight. offline: a save failed and will be retried. rejected: the server refused the latest text.
 * closed: the exercise takes no more drafts.
 */
export type SaverStatus = 'saved' | 'pending' | 'saving' | 'offline' | 'rejected' | 'closed';

export type SaverState = {
  status: SaverStatus;
  /** The revision the next save is based on: the server's latest as far as this tab knows. */
  revision: number;
  /** Why the last save failed (offline, rejected, closed), in the server's words. */
  message: string | null;
  /** When the next retry goes, as local epoch milliseconds, while offline. */
  retryAt: number | null;
};

export type Timers = {
  setTimeout: (run: () => void, ms: number) => unknown;
  clearTimeout: (handle: unknown) => void;
  now: () => number;
};

/** Where every change is also kept, in case the page dies before the server has it. */
export type LocalCopy<S> = { write(submission: S, baseRevision: number): void; clear(): void };

export const AUTOSAVE_TIMING = {
  debounceMs: 1500,
  maxWaitMs: 5000,
  firstRetryMs: 1000,
  maxRetryMs: 30_000,
  /**
   * The longest wait a server's Retry-After can impose. In a timed assessment a longer wait costs the
   * candidate more than one more request costs the server; the local copy holds the text meanwhile.
   */
  maxRetryAfterMs: 60_000,
};
export type AutosaveTiming = typeof AUTOSAVE_TIMING;

/**
 * The wait before retry number `failures` (0-based): 1 s, 2 s, 4 s … capped; never less than the wait the
 * server asked for (retryAfterMs), itself capped at maxRetryAfterMs.
 */
export function retryDelay(
  failures: number,
  timing: AutosaveTiming = AUTOSAVE_TIMING,
  retryAfterMs: number | undefined = undefined,
): number {
  const backoff = Math.min(timing.firstRetryMs * 2 ** failures, timing.maxRetryMs);
  if (retryAfterMs === undefined || !Number.isFinite(retryAfterMs)) return backoff;
  return Math.max(backoff, Math.min(Math.max(0, retryAfterMs), timing.maxRetryAfterMs));
}

/**
 * now: send at once. keepalive: the same, as a request that may outlive the page (page hidden).
 * unload: the page is going away for good: also send the newest text beside a request in flight, since
 * that request may die with the page; and send even while the server asked to wait, as this is the last
 * chance. Either way both carry their sequence numbers, so the newest text ends as the latest revision.
 */
export type FlushMode = 'now' | 'keepalive' | 'unload';

/** How waiting for the saver ended: everything saved, the latest text refused, or no more drafts taken. */
export type Settled = 'saved' | 'rejected' | 'closed';

export type DraftSaverOptions<S> = {
  transport: SaveTransport<S>;
  /** The server's latest revision of this draft (0 when there is none). */
  revision: number;
  /** The text the page starts from: the server's draft, or the empty answer. */
  submission: S;
  same: (a: S, b: S) => boolean;
  local?: LocalCopy<S>;
  timers?: Timers;
  timing?: AutosaveTiming;
  onConflict?: () => void;
  onClosed?: (message: string) => void;
  /** Starts closed: an exercise already submitted. */
  closed?: boolean;
  /**
   * The next sequence number: shared by every saver of the page, so that a saver made again for the same
   * exercise (after a reload of it) still numbers its saves above the old one's. Default: 1, 2, 3 …
   */
  nextSeq?: () => number;
};

const browserTimers: Timers = {
  setTimeout: (run, ms) => globalThis.setTimeout(run, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export class DraftSaver<S> {
  readonly #options: DraftSaverOptions<S>;
  readonly #timers: Timers;
  readonly #timing: AutosaveTiming;
  #latest: S;
  #revision: number;
  /** The latest text is not yet on the server, nor in flight. */
  #dirty = false;
  #inFlight = false;
  /** A flush came while a request was in flight: send the newest text as soon as it returns. */
  #followUp: 'now' | 'keepalive' | null = null;
  #debounce: unknown = null;
  #maxWait: unknown = null;
  #retry: unknown = null;
  /** How the waiting retry goes: as keep-alive once the page was hidden. */
  #retryMode: 'now' | 'keepalive' = 'now';
  #failures = 0;
  /** The server asked that nothing be sent before this time (local epoch milliseconds). */
  #holdUntil: number | null = null;
  #lastSeq = 0;
  readonly #nextSeq: () => number;
  #state: SaverState;
  readonly #listeners = new Set<() => void>();
  #waiters: ((settled: Settled) => void)[] = [];

  constructor(options: DraftSaverOptions<S>) {
    this.#options = options;
    this.#timers = options.timers ?? browserTimers;
    this.#timing = options.timing ?? AUTOSAVE_TIMING;
    this.#latest = options.submission;
    this.#revision = options.revision;
    this.#nextSeq = options.nextSeq ?? (() => ++this.#lastSeq);
    this.#state = {
      status: options.closed ? 'closed' : 'saved',
      revision: options.revision,
      message: null,
      retryAt: null,
    };
  }

  /** The newest text the page gave, saved or not. */
  latest(): S {
    return this.#latest;
  }

  getState = (): SaverState => this.#state;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  change(submission: S): void {
    if (this.#state.status === 'closed' || this.#options.same(submission, this.#latest)) return;
    this.#latest = submission;
    this.#dirty = true;
    this.#options.local?.write(submission, this.#revision);
    // While offline the scheduled retry sends the newest text; typing must not make it sooner.
    if (this.#retry !== null) return;
    if (!this.#inFlight) this.#update({ status: 'pending', message: null, retryAt: null });
    this.#schedule();
  }

  flush(mode: FlushMode = 'now'): void {
    if (this.#state.status === 'closed') return;
    if (mode === 'unload' && this.#inFlight && this.#dirty) {
      // The page is being discarded: nobody will read the answer. The server keeps both revisions, and the
      // higher sequence number makes this one the latest whichever arrives first.
      this.#options
        .transport({ baseRevision: this.#revision, submission: this.#latest, keepalive: true, seq: this.#nextSeq() })
        .catch((error: unknown) => console.error('Saving the draft as the page closed failed', error));
      return;
    }
    if (mode === 'unload') this.#holdUntil = null;
    this.#send(mode === 'now' ? 'now' : 'keepalive');
  }

  /** Sends at once when a retry is waiting (the browser says it is back online), unless the server asked to wait. */
  retryNow(): void {
    if (this.#retry !== null) this.#send('now');
  }

  /** Flushes, then resolves once the server has the latest text (retrying as long as it takes), or refuses it. */
  settled(): Promise<Settled> {
    this.flush('now');
    return new Promise((resolve) => {
      const done = this.#settledAs();
      if (done) resolve(done);
      else this.#waiters.push(resolve);
    });
  }

  /** Stops saving for good: the exercise was submitted from this tab. */
  close(): void {
    this.#stop();
    this.#update({ status: 'closed', message: null, retryAt: null });
    this.#resolveWaiters('closed');
  }

  #schedule(): void {
    if (this.#debounce !== null) this.#timers.clearTimeout(this.#debounce);
    this.#debounce = this.#timers.setTimeout(() => {
      this.#debounce = null;
      this.#send('now');
    }, this.#timing.debounceMs);
    this.#maxWait ??= this.#timers.setTimeout(() => {
      this.#maxWait = null;
      this.#send('now');
    }, this.#timing.maxWaitMs);
  }

  #send(mode: 'now' | 'keepalive'): void {
    this.#clearChangeTimers();
    if (this.#state.status === 'closed') return;
    if (this.#inFlight) {
      if (this.#dirty && this.#followUp !== 'keepalive') this.#followUp = mode;
      return;
    }
    if (!this.#dirty) return;
    // The server asked for a wait (Retry-After): the retry timer, already set for then, sends the newest text.
    if (this.#holdUntil !== null && this.#timers.now() < this.#holdUntil && this.#retry !== null) {
      if (mode === 'keepalive') this.#retryMode = 'keepalive';
      return;
    }
    this.#holdUntil = null;
    if (this.#retry !== null) {
      this.#timers.clearTimeout(this.#retry);
      this.#retry = null;
    }
    const submission = this.#latest;
    this.#dirty = false;
    this.#inFlight = true;
    // A retry after a failure still reads "offline" until one succeeds: no flicker while the network is down.
    if (this.#failures === 0) this.#update({ status: 'saving', message: null, retryAt: null });
    this.#options
      .transport({ baseRevision: this.#revision, submission, keepalive: mode === 'keepalive', seq: this.#nextSeq() })
      .catch((error: unknown): SaveOutcome => {
        console.error('Saving the draft failed unexpectedly', error);
        return { type: 'retry', message: 'Saving failed unexpectedly; trying again.' };
      })
      .then((outcome) => this.#handle(outcome));
  }

  #handle(outcome: SaveOutcome): void {
    this.#inFlight = false;
    if (this.#state.status === 'closed') return;
    switch (outcome.type) {
      case 'saved': {
        this.#revision = outcome.revision;
        this.#failures = 0;
        this.#holdUntil = null;
        if (outcome.conflict) this.#options.onConflict?.();
        if (this.#dirty) {
          this.#options.local?.write(this.#latest, this.#revision);
          this.#update({ status: this.#followUp ? 'saving' : 'pending', message: null, retryAt: null });
          this.#continue();
        } else {
          this.#options.local?.clear();
          this.#update({ status: 'saved', message: null, retryAt: null });
          this.#resolveWaiters('saved');
        }
        return;
      }
      case 'retry': {
        // What was sent is not saved; the newest text (which contains it) goes with the retry.
        this.#dirty = true;
        this.#clearChangeTimers();
        const delay = retryDelay(this.#failures, this.#timing, outcome.retryAfterMs);
        this.#failures += 1;
        this.#holdUntil = outcome.retryAfterMs === undefined ? null : this.#timers.now() + delay;
        this.#retryMode = this.#followUp === 'keepalive' ? 'keepalive' : 'now';
        this.#followUp = null;
        this.#retry = this.#timers.setTimeout(() => {
          this.#retry = null;
          this.#send(this.#retryMode);
        }, delay);
        this.#update({ status: 'offline', message: outcome.message, retryAt: this.#timers.now() + delay });
        return;
      }
      case 'rejected': {
        this.#failures = 0;
        this.#holdUntil = null;
        this.#update({ status: 'rejected', message: outcome.message, retryAt: null });
        // Text typed since may be accepted (shorter, say): it goes on its own timer.
        if (this.#dirty) this.#continue();
        else this.#resolveWaiters('rejected');
        return;
      }
      case 'closed': {
        this.#stop();
        this.#update({ status: 'closed', message: outcome.message, retryAt: null });
        this.#resolveWaiters('closed');
        this.#options.onClosed?.(outcome.message);
        return;
      }
      default: {
        const unreachable: never = outcome;
        throw new Error(`Unknown save outcome ${JSON.stringify(unreachable)}`);
      }
    }
  }

  /** Newer text is waiting after a request returned: send it now if a flush asked for it, else on its timer. */
  #continue(): void {
    const followUp = this.#followUp;
    this.#followUp = null;
    if (followUp) this.#send(followUp);
    else if (this.#debounce === null && this.#maxWait === null) this.#schedule();
  }

  #settledAs(): Settled | null {
    if (this.#state.status === 'closed') return 'closed';
    if (this.#inFlight || this.#dirty) return null;
    return this.#state.status === 'rejected' ? 'rejected' : 'saved';
  }

  #resolveWaiters(settled: Settled): void {
    const waiters = this.#waiters;
    this.#waiters = [];
    for (const resolve of waiters) resolve(settled);
  }

  #clearChangeTimers(): void {
    if (this.#debounce !== null) this.#timers.clearTimeout(this.#debounce);
    if (this.#maxWait !== null) this.#timers.clearTimeout(this.#maxWait);
    this.#debounce = null;
    this.#maxWait = null;
  }

  #stop(): void {
    this.#clearChangeTimers();
    if (this.#retry !== null) this.#timers.clearTimeout(this.#retry);
    this.#retry = null;
    this.#followUp = null;
    this.#holdUntil = null;
  }

  #update(next: Omit<SaverState, 'revision'>): void {
    const current = this.#state;
    if (
      current.status === next.status &&
      current.revision === this.#revision &&
      current.message === next.message &&
      current.retryAt === next.retryAt
    ) {
      return;
    }
    this.#state = { ...next, revision: this.#revision };
    for (const listener of this.#listeners) listener();
  }
}

/** What the page header shows for all exercises together. */
export type OverallSaveStatus = 'saved' | 'saving' | 'offline' | 'rejected';

export function overallStatus(states: readonly SaverState[]): OverallSaveStatus {
  const statuses = new Set(states.map((s) => s.status));
  if (statuses.has('offline')) return 'offline';
  if (statuses.has('rejected')) return 'rejected';
  if (statuses.has('saving') || statuses.has('pending')) return 'saving';
  return 'saved';
}

/** The savers of one attempt, one per exercise opened, watched together by the page header. */
export class SaverSet<S> {
  readonly #savers = new Map<string, DraftSaver<S>>();
  readonly #listeners = new Set<() => void>();
  #status: OverallSaveStatus = 'saved';

  add(id: string, saver: DraftSaver<S>): void {
    this.#savers.set(id, saver);
    saver.subscribe(() => this.#recompute());
    this.#recompute();
  }

  get(id: string): DraftSaver<S> | undefined {
    return this.#savers.get(id);
  }

  all(): DraftSaver<S>[] {
    return [...this.#savers.values()];
  }

  flushAll(mode: FlushMode): void {
    for (const saver of this.#savers.values()) saver.flush(mode);
  }

  retryAll(): void {
    for (const saver of this.#savers.values()) saver.retryNow();
  }

  status = (): OverallSaveStatus => this.#status;

  subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };

  #recompute(): void {
    const next = overallStatus(this.all().map((saver) => saver.getState()));
    if (next === this.#status) return;
    this.#status = next;
    for (const listener of this.#listeners) listener();
  }
}
