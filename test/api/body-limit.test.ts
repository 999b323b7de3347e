/**
 * The body limit over real HTTP, as a browser's request arrives: a declared length
 * is judged without reading the body, a chunked body is counted as it streams, and a body under the limit
 * reaches the route intact either way.
 */
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type ServerType, serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BODY_BYTES } from '../../server/app.js';
import { MAX_DRAFT_BYTES } from '../../server/routes/take.js';
import { createAssessment, invite } from '../helpers/attempts.js';
import { json, type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;
let server: ServerType;
let port: number;
beforeAll(async () => {
  t = await testApp();
  server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/**
 * Sends a body (by default a POST to the login route), with Content-Length or, when chunked, in 64 KB
 * pieces without it. Each request on a connection of its own: a server that answers 413 early leaves the
 * rest of that body unread.
 */
function post(
  body: string,
  how: 'declared' | 'chunked',
  { method = 'POST', path = '/api/auth/login' } = {},
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (how === 'declared') headers['content-length'] = String(Buffer.byteLength(body));
    const req = request({ agent: false, host: '127.0.0.1', port, method, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    // The server may answer 413 and close before the whole body is written.
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'EPIPE' ? undefined : reject(error)));
    if (how === 'chunked') for (let i = 0; i < body.length; i += 65_536) req.write(body.slice(i, i + 65_536));
    req.end(how === 'declared' ? body : undefined);
  });
}

const credentials = (password: string) => JSON.stringify({ email: 'nobody@example.com', password });

describe('the request body limit over HTTP', () => {
  for (const how of ['declared', 'chunked'] as const) {
    it(`refuses a body over the limit with 413 (${how} length)`, async () => {
      const res = await post(credentials('x'.repeat(MAX_BODY_BYTES)), how);
      expect(res.status).toBe(413);
      expect(JSON.parse(res.body).error).toMatchObject({
        code: 'payload_too_large',
        message: `The request body is larger than ${MAX_BODY_BYTES / 1024} KB.`,
      });
    });

    it(`passes a body under the limit to the route intact (${how} length)`, async () => {
      // The route's own validation (a password is at most 1,024 characters) sees the whole 200 KB value.
      const res = await post(credentials('y'.repeat(200_000)), how);
      expect(res.status).toBe(400);
      const { error } = JSON.parse(res.body) as { error: { code: string; issues: { path: string }[] } };
      expect(error.code).toBe('bad_request');
      expect(error.issues.map((issue) => issue.path)).toEqual(['password']);
    });
  }

  it('refuses a declared length over the limit before the body is sent', async () => {
    const res = await new Promise<number>((resolve, reject) => {
      const req = request(
        {
          agent: false,
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: '/api/auth/login',
          headers: { 'content-type': 'application/json', 'content-length': String(MAX_BODY_BYTES + 1) },
        },
        (response) => {
          response.resume();
          resolve(response.statusCode ?? 0);
        },
      );
      req.on('error', reject);
      // Headers only: the answer must come without a single byte of the body.
      req.flushHeaders();
    });
    expect(res).toBe(413);
  });

  for (const how of ['declared', 'chunked'] as const) {
    it(`applies the draft route's own limit, and saves a draft under it (${how} length)`, async () => {
      const admin = await t.signIn('admin');
      const { token } = await invite(t, admin, await createAssessment(t, admin));
      const start = await t.app.request(`/api/take/${token}/start`, json({}));
      expect(start.status).toBe(200);
      const draft = (text: string) => JSON.stringify({ baseRevision: 0, submission: { kind: 'spec', text } });
      const path = `/api/take/${token}/exercises/canary-spec/draft`;

      const over = await post(draft('x'.repeat(MAX_DRAFT_BYTES)), how, { method: 'PUT', path });
      expect(over.status).toBe(413);
      expect(JSON.parse(over.body).error.message).toBe('A draft may be at most 256 KB. Shorten it to save.');

      const under = await post(draft('y'.repeat(200_000)), how, { method: 'PUT', path });
      expect(under.status).toBe(200);
      const saved = await t.app.request(`/api/take/${token}/exercises/canary-spec`);
      const { draft: stored } = (await saved.json()) as { draft: { revision: number; submission: { text: string } } };
      expect(stored.revision).toBe(1);
      expect(stored.submission.text).toBe('y'.repeat(200_000));
    });
  }
});
