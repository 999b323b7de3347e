/** Staff sign-in: POST /api/auth/login, POST /api/auth/logout, GET /api/auth/me. */
import { createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import { router } from '../app-env.js';
import { clientAddress, requireStaff } from '../auth/middleware.js';
import { verifyPassword } from '../auth/password.js';
import { createSession, deleteSession, SESSION_COOKIE } from '../auth/sessions.js';
import { assertNotThrottled, clearFailures, recordFailure } from '../auth/throttle.js';
import { findUserByEmail } from '../db/users.js';
import { ApiError } from '../errors.js';
import { errorResponses, staffSchema } from './schemas.js';

const login = createRoute({
  method: 'post',
  path: '/login',
  summary: 'Sign in with email and password; sets the session cookie',
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({ email: z.string().min(1).max(320), password: z.string().min(1).max(1024) }),
        },
      },
    },
  },
  responses: {
    200: { description: 'Signed in', content: { 'application/json': { schema: z.object({ user: staffSchema }) } } },
    ...errorResponses(400, 401, 429),
  },
});

const logout = createRoute({
  method: 'post',
  path: '/logout',
  summary: 'End the session on the server and clear the cookie',
  responses: { 204: { description: 'Signed out' } },
});

const me = createRoute({
  method: 'get',
  path: '/me',
  summary: 'The signed-in staff user',
  middleware: [requireStaff()] as const,
  responses: {
    200: { description: 'The user', content: { 'application/json': { schema: z.object({ user: staffSchema }) } } },
    ...errorResponses(401),
  },
});

export const authRoutes = router()
  .openapi(login, async (c) => {
    const { email, password } = c.req.valid('json');
    const { db, clock, config } = c.var.deps;
    const address = clientAddress(c);
    const now = clock();
    await assertNotThrottled(db, email, address, now);
    const user = await findUserByEmail(db, email);
    const ok = user?.active === true && (await verifyPassword(password, user.password_hash));
    if (!user || !ok) {
      await recordFailure(db, email, address, now);
      throw new ApiError('unauthorized', 'Wrong email or password.');
    }
    await clearFailures(db, email);
    const session = await createSession(db, user.id, now, config.sessionHours);
    setCookie(c, SESSION_COOKIE, session.token, {
      httpOnly: true,
      sameSite: 'Lax',
      secure: config.secureCookies,
      path: '/',
      expires: session.expiresAt,
    });
    return c.json({ user: { id: user.id, email: user.email, role: user.role } }, 200);
  })
  .openapi(logout, async (c) => {
    const sessionId = c.var.sessionId;
    if (sessionId) await deleteSession(c.var.deps.db, sessionId);
    deleteCookie(c, SESSION_COOKIE, { path: '/' });
    return c.body(null, 204);
  })
  .openapi(me, (c) => {
    const staff = c.var.staff;
    if (!staff) throw new ApiError('unauthorized', 'Sign in to continue.');
    return c.json({ user: staff }, 200);
  });
