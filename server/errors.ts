/**
 * One way to fail: throw ApiError with a code; app.onError renders {"error":{"code","message","requestId"}}.
 * Unexpected errors are logged with the request id and answered as a bare 500: no stack ever leaves.
 */
import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { z } from 'zod';

export const ERROR_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  gone: 410,
  payload_too_large: 413,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

/** A zod issue, or one a route makes itself: where in the input, and what to change. */
export type Issue = Pick<z.core.$ZodIssue, 'path' | 'message'>;

export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: { issues?: Issue[]; retryAfterSeconds?: number },
  ) {
    super(message);
  }
}

export type ErrorBody = {
  error: { code: ErrorCode; message: string; requestId?: string; issues?: { path: string; message: string }[] };
};

export function errorBody(code: ErrorCode, message: string, requestId?: string, issues?: Issue[]): ErrorBody {
  return {
    error: {
      code,
      message,
      ...(requestId ? { requestId } : {}),
      ...(issues ? { issues: issues.map((i) => ({ path: i.path.map(String).join('.'), message: i.message })) } : {}),
    },
  };
}

export function renderError(c: Context, error: ApiError) {
  const requestId = c.get('requestId') as string | undefined;
  if (error.details?.retryAfterSeconds !== undefined) c.header('Retry-After', String(error.details.retryAfterSeconds));
  return c.json(errorBody(error.code, error.message, requestId, error.details?.issues), ERROR_STATUS[error.code]);
}

export function toErrorResponse(error: Error, c: Context, log: (line: string) => void) {
  if (error instanceof ApiError) return renderError(c, error);
  const requestId = c.get('requestId') as string | undefined;
  log(`[${requestId ?? '-'}] ${c.req.method} ${c.req.path} failed: ${error.stack ?? error.message}`);
  return c.json(errorBody('internal', 'Something went wrong on our side. Try again.', requestId), 500);
}
