/**
 * The request body limit, without touching the body when the request declares its length (ADR 018). Hono's
 * bodyLimit reads `c.req.raw.body`, which makes @hono/node-server build a full WHATWG Request with a web
 * stream for every request. Node's HTTP parser reads exactly Content-Length bytes, so a declared length is
 * the body's size: compare it and go on, and the route reads the body on node-server's fast path. A body
 * without a declared length (chunked) is counted as it streams, by Hono's middleware.
 */
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit as streamingBodyLimit } from 'hono/body-limit';
import type { AppEnv } from './app-env.js';
import { ApiError, renderError } from './errors.js';

/** 413 with `message` (default: the limit in KB) for a body over maxBytes. */
export function bodyLimit(
  maxBytes: number,
  message = `The request body is larger than ${maxBytes / 1024} KB.`,
): MiddlewareHandler<AppEnv> {
  const tooLarge = (c: Context<AppEnv>) => renderError(c, new ApiError('payload_too_large', message));
  const streaming = streamingBodyLimit({ maxSize: maxBytes, onError: tooLarge });
  return async (c, next) => {
    if (c.req.method === 'GET' || c.req.method === 'HEAD') return next();
    const declared = c.req.header('content-length');
    if (declared !== undefined && c.req.header('transfer-encoding') === undefined && /^\d+$/.test(declared)) {
      return Number(declared) > maxBytes ? tooLarge(c) : next();
    }
    return streaming(c, next);
  };
}
