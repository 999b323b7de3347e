import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { THROTTLE } from '../../server/auth/throttle.js';
import { hashToken } from '../../server/auth/tokens.js';
import { cookieFrom, json, type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(() => t.close());

const login = (email: string, password: string, headers: Record<string, string> = {}) =>
  t.app.request('/api/auth/login', json({ email, password }, headers));

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and answers the user', async () => {
    const user = await t.addStaff('reviewer', 'a long enough password');
    const res = await login(user.email, 'a long enough password');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: user.id, email: user.email, role: 'reviewer' } });
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/^audition_session=[\w-]{40,};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');

    const me = await t.app.request('/api/auth/me', { headers: { cookie: cookieFrom(res) } });
    expect(me.status).toBe(200);
    expect(await me.json()).toEqual({ user: { id: user.id, email: user.email, role: 'reviewer' } });
  });

  it('matches the email case-insensitively', async () => {
    const user = await t.addStaff('author', 'another long password');
    const res = await login(user.email.toUpperCase(), 'another long password');
    expect(res.status).toBe(200);
  });

  it('stores only the hash of the session token', async () => {
    const user = await t.addStaff('reviewer', 'password for hashing');
    const res = await login(user.email, 'password for hashing');
    const token = cookieFrom(res).split('=')[1] ?? '';
    const rows = await t.db.query<{ id: string }>('SELECT id FROM sessions WHERE user_id = $1', [user.id]);
    expect(rows.map((r) => r.id)).toEqual([hashToken(token)]);
    const users = await t.db.query<{ password_hash: string }>('SELECT password_hash FROM users WHERE id = $1', [
      user.id,
    ]);
    expect(users[0]?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{86}$/);
  });

  it('marks the cookie Secure when the app is served over HTTPS', async () => {
    const user = await t.addStaff('reviewer', 'secure cookie password');
    t.deps.config.secureCookies = true;
    try {
      const res = await login(user.email, 'secure cookie password');
      expect(res.headers.get('set-cookie')).toContain('Secure');
    } finally {
      t.deps.config.secureCookies = false;
    }
  });
});

describe('bad credentials and bad input', () => {
  it('refuses a wrong password with 401 and the same message as an unknown email', async () => {
    const user = await t.addStaff('reviewer', 'the right password');
    const wrong = await login(user.email, 'the wrong password');
    const unknown = await login('nobody@example.test', 'the wrong password');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    const a = (await wrong.json()) as { error: { code: string; message: string } };
    const b = (await unknown.json()) as { error: { code: string; message: string } };
    expect(a.error).toMatchObject({ code: 'unauthorized', message: 'Wrong email or password.' });
    expect(b.error.message).toBe(a.error.message);
  });

  it('answers a malformed body with 400 and the zod issues', async () => {
    const res = await t.app.request('/api/auth/login', json({ email: 42 }));
    expect(res.status).toBe(400);
    const body = (await res.json()) as { error: { code: string; issues: { path: string }[] } };
    expect(body.error.code).toBe('bad_request');
    expect(body.error.issues.map((i) => i.path).sort()).toEqual(['email', 'password']);
  });

  it('answers a body that is not JSON with 400, not a stack trace', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"email": ',
    });
    expect(res.status).toBe(400);
    const text = await res.text();
    expect(JSON.parse(text).error.code).toBe('bad_request');
    expect(text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('answers an oversized body with 413', async () => {
    const res = await t.app.request('/api/auth/login', json({ email: 'a@b.c', password: 'x'.repeat(1_100_000) }));
    expect(res.status).toBe(413);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('payload_too_large');
  });

  it('does not let a deactivated user sign in, nor keep using a session', async () => {
    const user = await t.addStaff('reviewer', 'deactivated password');
    const res = await login(user.email, 'deactivated password');
    const cookie = cookieFrom(res);
    await t.db.query('UPDATE users SET active = false WHERE id = $1', [user.id]);
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
    expect((await login(user.email, 'deactivated password')).status).toBe(401);
  });
});

describe('throttling repeated failures', () => {
  it('answers 429 with Retry-After after too many failures for one account, even with the right password', async () => {
    const user = await t.addStaff('admin', 'throttled password');
    for (let i = 0; i < THROTTLE.perAccount; i++) {
      expect((await login(user.email, `guess ${i}`, { 'x-forwarded-for': `10.0.0.${i}` })).status).toBe(401);
    }
    const blocked = await login(user.email, 'throttled password', { 'x-forwarded-for': '10.0.1.1' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBe(THROTTLE.windowMinutes * 60);
    expect(((await blocked.json()) as { error: { code: string } }).error.code).toBe('rate_limited');

    t.advance(THROTTLE.windowMinutes * 60_000 + 1000);
    expect((await login(user.email, 'throttled password', { 'x-forwarded-for': '10.0.1.1' })).status).toBe(200);
  });

  it('answers 429 after too many failures from one address across accounts', async () => {
    for (let i = 0; i < THROTTLE.perAddress; i++) {
      expect((await login(`spray${i}@example.test`, 'guess', { 'x-forwarded-for': '203.0.113.9' })).status).toBe(401);
    }
    const user = await t.addStaff('reviewer', 'address throttle password');
    const blocked = await login(user.email, 'address throttle password', { 'x-forwarded-for': '203.0.113.9' });
    expect(blocked.status).toBe(429);
    const elsewhere = await login(user.email, 'address throttle password', { 'x-forwarded-for': '203.0.113.10' });
    expect(elsewhere.status).toBe(200);
  });
});

describe('signing out and cross-site requests', () => {
  it('ends the session on the server: the old cookie no longer works', async () => {
    const cookie = await t.signIn('reviewer');
    // A browser sends Origin on every POST; a body-less POST without it looks like a form post and is refused.
    const out = await t.app.request('http://localhost/api/auth/logout', {
      method: 'POST',
      headers: { cookie, origin: 'http://localhost' },
    });
    expect(out.status).toBe(204);
    expect(out.headers.get('set-cookie')).toMatch(/audition_session=;.*Max-Age=0/);
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });

  it('refuses a cross-site form post with 403 and changes nothing', async () => {
    const cookie = await t.signIn('reviewer');
    const res = await t.app.request('http://localhost/api/auth/logout', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example', 'content-type': 'application/x-www-form-urlencoded' },
      body: 'x=1',
    });
    expect(res.status).toBe(403);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('forbidden');
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(200);
  });

  it('expires sessions after the configured hours', async () => {
    const cookie = await t.signIn('author');
    t.advance(t.deps.config.sessionHours * 3_600_000 + 1000);
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401);
  });
});

describe('every error is JSON with a code', () => {
  it('answers an unknown API route with a JSON 404', async () => {
    const res = await t.app.request('/api/nothing-here');
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({
      error: { code: 'not_found', message: 'No route for GET /api/nothing-here.' },
    });
  });

  it('answers an unexpected failure with a bare 500 and logs the stack with the request id', async () => {
    const original = t.deps.db.query;
    t.deps.db.query = async () => {
      throw new Error('database exploded');
    };
    try {
      const res = await t.app.request('/healthz');
      expect(res.status).toBe(500);
      const body = (await res.json()) as { error: { code: string; message: string; requestId: string } };
      expect(body.error.code).toBe('internal');
      expect(body.error.message).not.toContain('exploded');
      expect(t.logged.some((l) => l.includes(body.error.requestId) && l.includes('database exploded'))).toBe(true);
    } finally {
      t.deps.db.query = original;
    }
  });

  it('sends a content security policy that allows no inline script', async () => {
    const res = await t.app.request('/healthz');
    const csp = res.headers.get('content-security-policy') ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
