/**
 * Calls that must eventually succeed (submitting at the deadline, finishing): retried with the autosave
 * backoff for as long as the failure is one that can pass (no network, a server error), never sooner than
 * the server's Retry-After (capped as autosave caps it).
 */
import { ApiFailure } from './api-failure';
import { AUTOSAVE_TIMING, retryDelay } from './autosave';

export function isTransient(failure: ApiFailure): boolean {
  return failure.status === 0 || failure.status === 408 || failure.status === 429 || failure.status >= 500;
}

export async function untilDone<T>(run: () => Promise<T>, onRetry: (failure: ApiFailure) => void): Promise<T> {
  for (let failures = 0; ; failures++) {
    try {
      return await run();
    } catch (error) {
      if (!(error instanceof ApiFailure) || !isTransient(error)) throw error;
      onRetry(error);
      const wait = retryDelay(failures, AUTOSAVE_TIMING, error.details.retryAfterMs);
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
