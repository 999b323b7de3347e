/** Who is calling: the staff user behind the session cookie, and role checks for staff routes. */
import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import type { AppEnv, Role } from '../app-env.js';
import { ApiError } from '../errors.js';
import { SESSION_COOKIE, sessionStaff } from './sessions.js';

export const loadStaff: MiddlewareHandler<AppEnv> = async (c, next) => {
  const token = getCookie(c, SESSION_COOKIE);
  const { db, clock } = c.var.deps;
  const found = token ? await sessionStaff(db, token, clock()) : null;
  c.set('staff', found ? { id: found.id, email: found.email, role: found.role } : null);
  c.set('sessionId', found?.sessionId ?? null);
  await next();
};

/** Any signed-in staff user with one of the roles (any role when none is given). */
export function requireStaff(...roles: Role[]): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const staff = c.var.staff;
    if (!staff) throw new ApiError('unauthorized', 'Sign in to continue.');
    if (roles.length > 0 && !roles.includes(staff.role)) {
      throw new ApiError('forbidden', `This needs the ${roles.join(' or ')} role; you are ${staff.role}.`);
    }
    await next();
  };
}

export function clientAddress(c: Context<AppEnv>): string {
  if (c.var.deps.config.trustProxy) {
    const forwarded = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'unknown';
  } catch {
    // app.request() in tests has no socket.
    return 'unknown';
  }
}
