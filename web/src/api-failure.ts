/**
 * ApiFailure: why a call to the server did not succeed, in words a user can act on. The server answers every
 * error as {"error":{"code","message","requestId?","issues?"}} (server/errors.ts); this also covers what never
 * reaches that renderer: the network being down, or a proxy answering with HTML.
 */
import type { ErrorBody } from '../../server/errors';

type ServerError = ErrorBody['error'];
export type FailureCode = ServerError['code'] | 'network' | 'unexpected_response';
export type FailureIssue = NonNullable<ServerError['issues']>[number];

export class ApiFailure extends Error {
  constructor(
    /** The HTTP status, or 0 when no response arrived. */
    readonly status: number,
    readonly code: FailureCode,
    message: string,
    /** retryAt and retryAfterMs: when the server said to try again (Retry-After), as a time and as a wait. */
    readonly details: { requestId?: string; issues?: FailureIssue[]; retryAt?: Date; retryAfterMs?: number } = {},
  ) {
    super(message);
    this.name = 'ApiFailure';
  }
}

/** The parts of a fetch Response (or of Hono's typed ClientResponse) that an error answer is read from. */
type ErrorResponse = { status: number; statusText: string; headers: Headers; text(): Promise<string> };

export async function failureFrom(response: ErrorResponse): Promise<ApiFailure> {
  const text = await response.text();
  const error = serverError(text);
  if (!error) {
    return new ApiFailure(
      response.status,
      'unexpected_response',
      `The server answered ${[response.status, response.statusText].filter(Boolean).join(' ')}. Try again in a moment.`,
    );
  }
  const retryAfterMs = parseRetryAfter(response.headers.get('Retry-After'), Date.now());
  return new ApiFailure(response.status, error.code, error.message, {
    ...(error.requestId ? { requestId: error.requestId } : {}),
    ...(error.issues ? { issues: error.issues } : {}),
    ...(retryAfterMs !== undefined ? { retryAt: new Date(Date.now() + retryAfterMs), retryAfterMs } : {}),
  });
}

/** fetch rejects only when no response arrived; an abort is not a failure to show, so it passes through. */
export function failureFromThrown(error: unknown): unknown {
  if (error instanceof DOMException && error.name === 'AbortError') return error;
  if (error instanceof TypeError) {
    return new ApiFailure(0, 'network', 'Could not reach the Audition server. Check your connection and try again.');
  }
  return error;
}

function serverError(text: string): ServerError | null {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON: a proxy or gateway page. The caller reports the status instead.
    return null;
  }
  if (typeof body !== 'object' || body === null || !('error' in body)) return null;
  const error: unknown = body.error;
  if (typeof error !== 'object' || error === null) return null;
  if (!('code' in error && typeof error.code === 'string' && 'message' in error && typeof error.message === 'string')) {
    return null;
  }
  // The shape was checked above; the code list is the server's, so a new code still reads as a message.
  return error as ServerError;
}

/**
 * Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3); either way, the wait in
 * milliseconds (never negative). A date is read against this computer's clock, which may be off: servers
 * that care send seconds. Whoever waits caps the wait (autosave: AUTOSAVE_TIMING.maxRetryAfterMs).
 */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  const trimmed = value?.trim();
  if (!trimmed) return undefined;
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  // An HTTP date names its day and month ("Wed, 25 Nov 2026 10:00:30 GMT"); Date.parse alone reads "-5" as a year.
  if (!/[A-Za-z]{3}/.test(trimmed)) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
