/** The Hono environment every route shares, and the router factory that renders validation failures. */
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Deps } from './deps.js';
import { ApiError } from './errors.js';

export type Role = 'admin' | 'author' | 'reviewer';
export type Staff = { id: string; email: string; role: Role };

export type AppEnv = {
  Variables: { deps: Deps; requestId: string; staff: Staff | null; sessionId: string | null };
};

export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError('bad_request', `Invalid ${result.target}: see issues`, { issues: result.error.issues });
      }
    },
  });
}
