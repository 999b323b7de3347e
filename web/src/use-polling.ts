/**
 * usePolling: load something, then load it again every 5 s while the page is visible (docs/review.md, "Live
 * state"), at once when the page becomes visible again, and after a failed load with a growing wait (2, 4, 8,
 * 16, then every 30 s) so that a server that is down is not hammered. The last good answer stays on screen
 * while it retries; the page says when it last heard from the server.
 *
 * Polling rather than server-sent events: see docs/review.md. A 401 or 403 stops the loop (signing in again
 * is the reviewer's move, not a retry's), as does a 404 (the thing is gone).
 */

import { useCallback, useEffect, useRef, useState } from 'react';
import type { ApiFailure } from './api-failure';
import { asFailure } from './use-resource';

export const POLL_INTERVAL_MS = 5000;
export const MAX_BACKOFF_MS = 30_000;

/** The wait before the next load: the interval after a success, 2^n seconds (at most 30) after n failures. */
export function pollDelay(failures: number): number {
  if (failures <= 0) return POLL_INTERVAL_MS;
  return Math.min(2 ** Math.min(failures, 10) * 1000, MAX_BACKOFF_MS);
}

/** Failures that another try cannot fix. */
export function stopsPolling(failure: ApiFailure): boolean {
  return failure.status === 401 || failure.status === 403 || failure.status === 404;
}

export type Polled<T> = {
  /** The last good answer, null before the first. */
  data: T | null;
  /** When it arrived (Date.now()). */
  updatedAt: number | null;
  /** The last failure, null once a load succeeds again. */
  failure: ApiFailure | null;
  /** Failures in a row. */
  failures: number;
  /** The data shown belongs to the previous loader (keepPrevious) while the new one loads. */
  stale: boolean;
  /** Load now (after an action that changed things), whatever the schedule. */
  refresh: () => Promise<void>;
  /** Change the data held (with what a save answered) until the next load brings the server's. */
  mutate: (update: (data: T) => T) => void;
};

type Held<T> = {
  load: unknown;
  data: T | null;
  updatedAt: number | null;
  failure: ApiFailure | null;
  failures: number;
};

/**
 * `load` must keep its identity between renders (useCallback): a new one (other filters) starts afresh, and
 * with `keepPrevious` the old answer stays on screen (marked stale) until the new one arrives, so that the
 * page does not jump. `enabled` false stops the schedule after the current load; `refresh` still works.
 */
export function usePolling<T>(
  load: (signal: AbortSignal) => Promise<T>,
  options: { enabled?: boolean; keepPrevious?: boolean } = {},
): Polled<T> {
  const enabled = options.enabled ?? true;
  const [held, setHeld] = useState<Held<T>>({ load, data: null, updatedAt: null, failure: null, failures: 0 });
  const enabledRef = useRef(enabled);
  const control = useRef<{ run: () => Promise<void>; schedule: () => void; cancel: () => void } | null>(null);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let controller: AbortController | null = null;
    let failures = 0;
    let stopped = false;
    let halted = false;

    const cancel = () => {
      clearTimeout(timer);
      timer = undefined;
    };
    const schedule = () => {
      cancel();
      if (stopped || halted || !enabledRef.current || document.visibilityState !== 'visible') return;
      timer = setTimeout(() => void run(), pollDelay(failures));
    };
    const run = async () => {
      cancel();
      controller?.abort();
      const mine = new AbortController();
      controller = mine;
      try {
        const data = await load(mine.signal);
        if (mine.signal.aborted) return;
        failures = 0;
        halted = false;
        setHeld({ load, data, updatedAt: Date.now(), failure: null, failures: 0 });
      } catch (error) {
        if (mine.signal.aborted) return;
        failures++;
        const failure = asFailure(error);
        halted = stopsPolling(failure);
        setHeld((h) => ({ ...(h.load === load ? h : { data: null, updatedAt: null }), load, failure, failures }));
      }
      schedule();
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') {
        if (enabledRef.current && !halted) void run();
      } else {
        cancel();
      }
    };

    control.current = { run, schedule, cancel };
    document.addEventListener('visibilitychange', onVisibility);
    void run();
    return () => {
      stopped = true;
      cancel();
      controller?.abort();
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load]);

  useEffect(() => {
    enabledRef.current = enabled;
    if (enabled) control.current?.schedule();
    else control.current?.cancel();
  }, [enabled]);

  const refresh = useCallback(() => control.current?.run() ?? Promise.resolve(), []);
  const mutate = useCallback((update: (data: T) => T) => {
    setHeld((h) => (h.data === null ? h : { ...h, data: update(h.data) }));
  }, []);

  if (held.load === load) return { ...held, stale: false, refresh, mutate };
  // An answer for an earlier loader (other filters, another submission) is not this one's.
  const previous = options.keepPrevious
    ? { data: held.data, updatedAt: held.updatedAt }
    : { data: null, updatedAt: null };
  return { ...previous, failure: null, failures: 0, stale: true, refresh, mutate };
}
