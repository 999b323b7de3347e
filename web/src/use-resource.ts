/**
 * useResource: load something from the API when a page mounts (or when its loader changes), with the
 * loading and failure states a page must show. Leaving the page aborts the request in flight.
 */
import { useEffect, useState } from 'react';
import { ApiFailure } from './api-failure';

export type Loader<T> = (signal: AbortSignal) => Promise<T>;

export type Resource<T> = { state: 'loading' } | { state: 'failed'; failure: ApiFailure } | { state: 'ready'; data: T };

/** `load` must keep its identity between renders: a module function, or one made with useCallback. */
export function useResource<T>(load: Loader<T>): Resource<T> {
  const [settled, setSettled] = useState<{ load: Loader<T>; resource: Resource<T> } | null>(null);

  useEffect(() => {
    const controller = new AbortController();
    load(controller.signal).then(
      (data) => setSettled({ load, resource: { state: 'ready', data } }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setSettled({ load, resource: { state: 'failed', failure: asFailure(error) } });
      },
    );
    return () => controller.abort();
  }, [load]);

  // A result for an earlier loader (the previous exercise, say) is not this page's result.
  return settled?.load === load ? settled.resource : { state: 'loading' };
}

/** Any error as the failure a page shows: the server's, or a bug of ours logged for whoever debugs. */
export function asFailure(error: unknown): ApiFailure {
  if (error instanceof ApiFailure) return error;
  // A bug on our side, not an answer from the server: keep the details for whoever opens the console.
  console.error(error);
  const message = error instanceof Error ? error.message : String(error);
  return new ApiFailure(0, 'unexpected_response', `Something went wrong in the page: ${message}`);
}
