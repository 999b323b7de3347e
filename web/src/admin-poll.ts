/**
 * When the assessment page asks the server again: every interval while the tab is visible, at once when it
 * becomes visible again or when the page changed something; after failed polls less often (doubling up to a
 * cap) so that a server that is down is not hammered by open tabs; never again after a refusal that asking
 * again cannot change. No React and no DOM here: admin-live-resource.ts wires it to the page.
 */
export const POLL_EVERY_MS = 10_000;
export const MAX_POLL_WAIT_MS = 60_000;

export function pollDelay(failures: number, everyMs = POLL_EVERY_MS, maxMs = MAX_POLL_WAIT_MS): number {
  if (failures <= 0) return everyMs;
  return Math.min(maxMs, everyMs * 2 ** Math.min(failures, 16));
}

export type PollerOptions<T> = {
  load: (signal: AbortSignal) => Promise<T>;
  /** Undefined: fetch once and on refresh only. */
  pollMs: number | undefined;
  isVisible: () => boolean;
  onData: (data: T) => void;
  /** Answers whether the failure is final: then polling stops (a refresh still asks). */
  onError: (error: unknown) => boolean;
};

export type Poller = {
  /** Fetches now; a request in flight is answered first, but its answer, which may predate a change, is dropped. */
  refresh: () => void;
  /** Call when the tab's visibility changes: hidden stops the timer, visible asks at once. */
  visibilityChanged: () => void;
  /** Aborts the request in flight; nothing is reported after this. */
  stop: () => void;
};

/** Starts with a fetch at once. */
export function startPoller<T>(options: PollerOptions<T>): Poller {
  const { load, pollMs, isVisible, onData, onError } = options;
  let stopped = false;
  let inFlight: AbortController | null = null;
  let again = false;
  let failures = 0;
  let givenUp = false;
  let timer: ReturnType<typeof setTimeout> | undefined;

  function schedule() {
    clearTimeout(timer);
    if (pollMs === undefined || givenUp || !isVisible()) return;
    timer = setTimeout(fetchNow, pollDelay(failures, pollMs));
  }

  async function fetchNow() {
    clearTimeout(timer);
    if (stopped) return;
    if (inFlight) {
      again = true;
      return;
    }
    const controller = new AbortController();
    inFlight = controller;
    try {
      const data = await load(controller.signal);
      if (!stopped && !again) {
        failures = 0;
        givenUp = false;
        onData(data);
      }
    } catch (error) {
      if (!stopped && !again) {
        failures += 1;
        givenUp = onError(error);
      }
    } finally {
      inFlight = null;
    }
    if (stopped) return;
    if (again) {
      again = false;
      void fetchNow();
    } else {
      schedule();
    }
  }

  void fetchNow();
  return {
    refresh: () => void fetchNow(),
    visibilityChanged: () => (isVisible() ? void fetchNow() : clearTimeout(timer)),
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      inFlight?.abort();
    },
  };
}
