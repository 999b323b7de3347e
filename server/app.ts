/**
 * createApp(deps): the only way to build the HTTP app. main.ts serves it; tests call app.request().
 * Routes are chained so that AppType carries them to the web app's typed client.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import type { Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { type AppEnv, router } from './app-env.js';
import { loadStaff } from './auth/middleware.js';
import { bodyLimit } from './body-limit.js';
import type { Deps } from './deps.js';
import { ApiError, type ErrorCode, renderError, toErrorResponse } from './errors.js';
import { assessmentRoutes } from './routes/assessments.js';
import { authRoutes } from './routes/auth.js';
import { calibrationRoutes } from './routes/calibration.js';
import { exerciseRoutes } from './routes/exercises.js';
import { exportRoutes } from './routes/export.js';
import { gradingJobRoutes } from './routes/grading-jobs.js';
import { healthRoutes } from './routes/health.js';
import { submissionRoutes } from './routes/submissions.js';
import { takeRoutes } from './routes/take.js';
import { userRoutes } from './routes/users.js';

/** The largest request body any route takes; routes may set lower limits. */
export const MAX_BODY_BYTES = 1024 * 1024;

export function createApp(deps: Deps) {
  const app = router();
  app.use('*', requestId());
  app.use('*', async (c, next) => {
    c.set('deps', deps);
    await next();
  });
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
      referrerPolicy: 'same-origin',
    }),
  );
  app.use('/api/*', bodyLimit(MAX_BODY_BYTES));
  // Cross-site form posts (the classic CSRF vector) are refused on every state-changing route; JSON from
  // another origin cannot be sent without a CORS preflight, which this app never grants.
  app.use('/api/*', csrf());
  app.use('/api/*', loadStaff);

  const routes = app
    .route('/', healthRoutes)
    .route('/api/auth', authRoutes)
    .route('/api/staff/exercises', exerciseRoutes)
    .route('/api/staff', assessmentRoutes)
    .route('/api/staff/grading-jobs', gradingJobRoutes)
    .route('/api/staff/users', userRoutes)
    .route('/api/staff/submissions', submissionRoutes)
    .route('/api/staff/export', exportRoutes)
    .route('/api/staff/calibration', calibrationRoutes)
    .route('/api/take', takeRoutes);

  app.doc31('/api/openapi.json', {
    openapi: '3.1.0',
    info: {
      title: 'Audition API',
      version: '0.1.0',
      description: 'Take-home exercises pre-graded with evidence. Staff routes need the session cookie.',
    },
  });

  if (deps.config.webDir) serveWeb(app, deps.config.webDir);

  app.notFound((c) => renderError(c, new ApiError('not_found', `No route for ${c.req.method} ${c.req.path}.`)));
  app.onError((error, c) => {
    if (error instanceof HTTPException) return renderError(c, fromHttpException(error));
    return toErrorResponse(error, c, deps.log.error);
  });
  return routes;
}

export type AppType = ReturnType<typeof createApp>;

/** The built React app: files as they are, and index.html for every other page path (client routing). */
function serveWeb(app: ReturnType<typeof router>, webDir: string) {
  const indexHtml = readFileSync(join(webDir, 'index.html'), 'utf8');
  app.use('/assets/*', serveStatic({ root: webDir }));
  app.get('*', async (c: Context<AppEnv>, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path === '/healthz') return next();
    if (/\.[a-z0-9]+$/i.test(c.req.path)) return serveStatic({ root: webDir })(c, next);
    return c.html(indexHtml);
  });
}

function fromHttpException(error: HTTPException): ApiError {
  const codes: Record<number, ErrorCode> = {
    400: 'bad_request',
    401: 'unauthorized',
    403: 'forbidden',
    404: 'not_found',
    413: 'payload_too_large',
    429: 'rate_limited',
  };
  const code = codes[error.status] ?? 'bad_request';
  const message =
    error.status === 403
      ? 'Cross-site request refused: send requests from the Audition web app.'
      : error.message || 'Bad request.';
  return new ApiError(code, message);
}
