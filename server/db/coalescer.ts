/**
 * Group commit, generically: work items that arrive while a batch is running wait, and go together as the
 * next batch. Nothing waits on a timer: each batch starts on the next turn of the event loop (setImmediate),
 * after Node has read every request that arrived meanwhile, so those join it. Starting sooner (a
 * microtask) would not do: PGlite runs each statement synchronously, so no socket is read while a batch
 * runs, and batches of one would follow each other. A queue forms only while the database is busy, which
 * is exactly when batching pays; when idle, an item waits one turn of the loop. Each caller gets its own
 * result or its own error.
 */
import { setImmediate } from 'node:timers';

/** One item's outcome in a batch: its value, or the error that item alone failed with. */
export type Outcome<O> = { ok: true; value: O } | { ok: false; error: unknown };

export type BatchRunner<I, O> = (items: I[]) => Promise<Outcome<O>[]>;

export type CoalescerLimits<I> = {
  /** The most items in one batch. */
  maxItems: number;
  /** The most weight in one batch (bytes, say); an item heavier than this goes alone. */
  maxWeight?: number;
  weigh?: (item: I) => number;
};

type Waiting<I, O> = { item: I; resolve: (value: O) => void; reject: (error: unknown) => void };

export class Coalescer<I, O> {
  readonly #run: BatchRunner<I, O>;
  readonly #limits: CoalescerLimits<I>;
  #queue: Waiting<I, O>[] = [];
  #scheduled = false;
  #running = false;

  constructor(run: BatchRunner<I, O>, limits: CoalescerLimits<I>) {
    this.#run = run;
    this.#limits = limits;
  }

  push(item: I): Promise<O> {
    return new Promise<O>((resolve, reject) => {
      this.#queue.push({ item, resolve, reject });
      this.#schedule();
    });
  }

  /** One batch per turn of the event loop; items arriving while it runs wait for the next. */
  #schedule(): void {
    if (this.#scheduled || this.#running || this.#queue.length === 0) return;
    this.#scheduled = true;
    setImmediate(() => void this.#next());
  }

  async #next(): Promise<void> {
    this.#scheduled = false;
    this.#running = true;
    try {
      await this.#runBatch(this.#take());
    } finally {
      this.#running = false;
      this.#schedule();
    }
  }

  #take(): Waiting<I, O>[] {
    const { maxItems, maxWeight = Number.POSITIVE_INFINITY, weigh = () => 0 } = this.#limits;
    let count = 0;
    let weight = 0;
    for (const waiting of this.#queue) {
      const next = weigh(waiting.item);
      if (count > 0 && (count >= maxItems || weight + next > maxWeight)) break;
      count += 1;
      weight += next;
    }
    return this.#queue.splice(0, count);
  }

  async #runBatch(batch: Waiting<I, O>[]): Promise<void> {
    let outcomes: Outcome<O>[];
    try {
      outcomes = await this.#run(batch.map((waiting) => waiting.item));
      if (outcomes.length !== batch.length) {
        throw new Error(`a batch of ${batch.length} items gave ${outcomes.length} outcomes`);
      }
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // The whole batch failed (and, in a transaction, changed nothing): run each item alone, so that
      // whatever broke it fails only the item that caused it, with that item's own error.
      for (const waiting of batch) await this.#runBatch([waiting]);
      return;
    }
    outcomes.forEach((outcome, i) => {
      const waiting = batch[i];
      if (!waiting) return;
      if (outcome.ok) waiting.resolve(outcome.value);
      else waiting.reject(outcome.error);
    });
  }
}
