/**
 * useLiveResource: like useResource (use-resource.ts), but the data stays on screen while it is fetched
 * again, after a change the page made (refresh) or on a timer while the tab is visible (pollMs), so that
 * nothing jumps. A refresh that failed for a passing reason (no network, a server error) keeps the last data
 * and says so (offline), and polling backs off; a refusal that asking again cannot change (4xx) replaces
 * the data and stops polling: a 401 lets LoadFailure send the user to sign in (deactivated, expired).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { startPoller } from './admin-poll';
import type { ApiFailure } from './api-failure';
import { asFailure, type Loader, type Resource } from './use-resource';

export type LiveResource<T> = {
  resource: Resource<T>;
  /** The last refresh failed: the data shown is from lastHeard. */
  offline: ApiFailure | null;
  lastHeard: Date | null;
  /** Fetches again now (after the request in flight, if any). */
  refresh: () => void;
  /** Changes the data shown with what a change's answer says, until the next fetch. */
  update: (change: (data: T) => T) => void;
};

type State<T> = { load: Loader<T>; resource: Resource<T>; offline: ApiFailure | null; lastHeard: Date | null };

/** `load` must keep its identity between renders: a module function, or one made with useCallback. */
export function useLiveResource<T>(load: Loader<T>, options: { pollMs?: number } = {}): LiveResource<T> {
  const { pollMs } = options;
  const [state, setState] = useState<State<T> | null>(null);
  const refreshNow = useRef<() => void>(() => {});

  useEffect(() => {
    const poller = startPoller({
      load,
      pollMs,
      isVisible: () => document.visibilityState === 'visible',
      onData: (data) => setState({ load, resource: { state: 'ready', data }, offline: null, lastHeard: new Date() }),
      onError: (error) => {
        const failure = asFailure(error);
        const final = isFinal(failure);
        setState((previous) =>
          previous?.load === load && previous.resource.state === 'ready' && !final
            ? { ...previous, offline: failure }
            : { load, resource: { state: 'failed', failure }, offline: null, lastHeard: previous?.lastHeard ?? null },
        );
        return final;
      },
    });
    refreshNow.current = poller.refresh;
    if (pollMs !== undefined) document.addEventListener('visibilitychange', poller.visibilityChanged);
    return () => {
      poller.stop();
      document.removeEventListener('visibilitychange', poller.visibilityChanged);
    };
  }, [load, pollMs]);

  const refresh = useCallback(() => refreshNow.current(), []);
  const update = useCallback(
    (change: (data: T) => T) =>
      setState((previous) =>
        previous?.resource.state === 'ready'
          ? { ...previous, resource: { state: 'ready', data: change(previous.resource.data) } }
          : previous,
      ),
    [],
  );

  // A result for an earlier loader (the previous assessment, say) is not this page's result.
  const current = state?.load === load ? state : null;
  return {
    resource: current?.resource ?? { state: 'loading' },
    offline: current?.offline ?? null,
    lastHeard: current?.lastHeard ?? null,
    refresh,
    update,
  };
}

/** A refusal that asking again cannot change (404: no such assessment; 401, 403): polling stops. */
function isFinal(failure: ApiFailure): boolean {
  return failure.status >= 400 && failure.status < 500 && failure.status !== 408 && failure.status !== 429;
}
