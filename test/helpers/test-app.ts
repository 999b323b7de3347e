/** The real app on a fresh test database, with a controllable clock and helpers to sign staff in. */
import { join } from 'node:path';
import type Anthropic from '@anthropic-ai/sdk';
import { createApp } from '../../server/app.js';
import type { Role } from '../../server/app-env.js';
import { cachedSnapshots } from '../../server/content/snapshots.js';
import { loadContentStore } from '../../server/content/store.js';
import type { Db } from '../../server/db/db.js';
import { createUser } from '../../server/db/users.js';
import type { Deps } from '../../server/deps.js';
import { makeJudge } from '../../server/grading/grading.js';
import { openTestDb } from './test-db.js';

export const FIXTURE_CONTENT = join(import.meta.dirname, '..', 'fixtures', 'content');

export type TestApp = Awaited<ReturnType<typeof testApp>>;

export async function testApp(options: { content?: string; anthropic?: Anthropic } = {}) {
  const db: Db = await openTestDb();
  let now = new Date('2026-03-02T09:00:00Z');
  const logged: string[] = [];
  const log = { info: () => {}, warn: (l: string) => logged.push(l), error: (l: string) => logged.push(l) };
  const deps: Deps = {
    db,
    clock: () => now,
    judge: makeJudge({ client: options.anthropic ?? null, model: 'claude-sonnet-5-5', log }),
    content: loadContentStore(options.content ?? FIXTURE_CONTENT),
    snapshots: cachedSnapshots(db),
    log,
    config: { secureCookies: false, trustProxy: true, webDir: null, sessionHours: 12, inviteDays: 14, publicUrl: null },
  };
  const app = createApp(deps);
  let users = 0;

  return {
    app,
    db,
    deps,
    logged,
    advance(ms: number) {
      now = new Date(now.getTime() + ms);
    },
    async addStaff(role: Role, password = 'correct horse battery staple') {
      users += 1;
      return createUser(db, { email: `${role}${users}@example.test`, role, password }, now);
    },
    /** Signs a new user of the role in and returns the Cookie header to send. */
    async signIn(role: Role): Promise<string> {
      const user = await this.addStaff(role);
      const res = await app.request('/api/auth/login', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ email: user.email, password: 'correct horse battery staple' }),
      });
      if (res.status !== 200) throw new Error(`sign-in failed: ${res.status} ${await res.text()}`);
      return cookieFrom(res);
    },
    close: () => db.close(),
  };
}

export function cookieFrom(res: Response): string {
  const header = res.headers.get('set-cookie') ?? '';
  return header.split(';')[0] ?? '';
}

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
}
