/**
 * Real server processes on a real PGlite data directory: the lock, a clean SIGTERM, and durability of
 * every acknowledged write across a SIGKILL.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { Agent, get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KEEP_ALIVE_MS } from '../../server/http-server.js';
import { cli } from '../helpers/cli.js';
import { ADMIN, killServers, launch, outputContaining, start } from '../helpers/server-process.js';
import { FIXTURE_CONTENT } from '../helpers/test-app.js';

afterEach(killServers);

async function signIn(url: string): Promise<string | null> {
  const res = await fetch(`${url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  if (res.status !== 200) return null;
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? null;
}

const me = (url: string, cookie: string) => fetch(`${url}/api/auth/me`, { headers: { cookie } }).then((r) => r.status);

describe('one process per embedded data directory', () => {
  it('a second server on the same DATA_DIR exits at once naming the directory and the holder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-proc-'));
    const first = await start(dataDir);
    const second = launch(dataDir);
    const started = Date.now();
    expect(await second.exited).toBe(1);
    // It does not wait for the directory (a start takes 1–5 s here; the bound leaves room for a busy machine).
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(second.output()).toContain(`The database in ${dataDir} is in use by process ${first.child.pid}`);
    expect(second.output()).toContain('Stop that process first');

    const cliRun = await cli(['user', 'add', '--email', 'x@example.test', '--role', 'reviewer'], { DATA_DIR: dataDir });
    expect(cliRun.code).toBe(2);
    expect(cliRun.stderr).toContain(`is in use by process ${first.child.pid}`);

    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });
});

/** The Keep-Alive header of a response to a keep-alive request (fetch hides hop-by-hop headers). */
function keepAliveHeader(url: string): Promise<string | undefined> {
  const agent = new Agent({ keepAlive: true });
  return new Promise((resolve, reject) => {
    get(url, { agent }, (res) => {
      res.resume();
      res.on('end', () => {
        agent.destroy();
        resolve(res.headers['keep-alive']?.toString());
      });
    }).on('error', reject);
  });
}

describe('the CLI on the embedded database', () => {
  it('creates an assessment and prints an invite link that the server then serves', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-proc-'));
    const env = { DATA_DIR: dataDir, CONTENT_DIR: FIXTURE_CONTENT, PUBLIC_URL: 'https://audition.example' };
    const created = await cli(
      ['assessment', 'create', '--name', 'Platform team', '--exercises', 'canary-bug,canary-spec', '--minutes', '50'],
      env,
    );
    expect(created.code).toBe(0);
    const id = /Created assessment (\S+): "Platform team", 2 exercise\(s\), 50 minutes\./.exec(created.stdout)?.[1];
    if (!id) throw new Error(created.stdout + created.stderr);

    const unknown = await cli(['assessment', 'create', '--name', 'x', '--exercises', 'nope'], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('Unknown or invalid exercise(s): nope');

    const invited = await cli(['invite', id, '--name', 'Grace'], env);
    expect(invited.code).toBe(0);
    const token = /^https:\/\/audition\.example\/take\/([\w-]{43})$/m.exec(invited.stdout)?.[1];
    if (!token) throw new Error(invited.stdout);
    expect((await cli(['invite', 'no-such-assessment'], env)).stderr).toContain('No assessment no-such-assessment');

    const server = await start(dataDir);
    const landing = await fetch(`${server.url}/api/take/${token}`);
    expect(await landing.json()).toMatchObject({
      assessment: { name: 'Platform team', minutes: 50 },
      candidate: { name: 'Grace' },
    });
    // A candidate's connection outlives the autosave interval (http-server.ts), and the server says so.
    expect(await keepAliveHeader(`${server.url}/api/take/${token}`)).toBe(`timeout=${KEEP_ALIVE_MS / 1000}`);
  });
});

describe('stopping and restarting', () => {
  it('serves the exercises of CONTENT_DIR, closes the database on SIGTERM, and finds every row after restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-proc-'));
    const server = await start(dataDir);
    expect(await outputContaining(server, 'First start')).toContain('First start: created the admin account.');
    expect(await (await fetch(`${server.url}/healthz`)).json()).toEqual({
      ok: true,
      database: 'pglite',
      exercises: { loaded: 2, invalid: 0 },
    });
    const cookie = await signIn(server.url);
    if (!cookie) throw new Error('sign-in failed');
    const list = await fetch(`${server.url}/api/staff/exercises`, { headers: { cookie } });
    const ids = ((await list.json()) as { exercises: { id: string }[] }).exercises.map((e) => e.id);
    expect(ids).toEqual(['canary-bug', 'canary-spec']);

    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain('Database closed.');
    expect(existsSync(join(dataDir, 'audition.lock'))).toBe(false);

    const again = await start(dataDir);
    expect(again.output()).not.toContain('First start');
    expect(await me(again.url, cookie)).toBe(200);
  });

  it('prints a working demo invite link on first start', async () => {
    const server = await start(mkdtempSync(join(tmpdir(), 'audition-proc-')));
    const link = /(http:\/\/\S+\/take\/[\w-]{43})/.exec(await outputContaining(server, '/take/'))?.[1];
    if (!link) throw new Error(`no demo link in:\n${server.output()}`);
    const landing = await fetch(link.replace('/take/', '/api/take/'));
    expect(landing.status).toBe(200);
    expect(await landing.json()).toMatchObject({
      assessment: {
        name: 'Demo assessment',
        exercises: [
          { id: 'canary-spec', kind: 'spec' },
          { id: 'canary-bug', kind: 'bug-hunt' },
        ],
      },
      attempt: null,
    });
  });

  it('remembers the attempts under way when it starts again: their candidates go on saving', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-proc-'));
    const server = await start(dataDir);
    const link = /http:\/\/\S+\/take\/([\w-]{43})/.exec(await outputContaining(server, '/take/'))?.[1];
    if (!link) throw new Error(`no demo link in:\n${server.output()}`);
    const take = (url: string, path: string, method: string, body: unknown) =>
      fetch(`${url}/api/take/${link}${path}`, {
        method,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    expect((await take(server.url, '/start', 'POST', {})).status).toBe(200);
    const draft = (text: string, baseRevision: number) => ({ baseRevision, submission: { kind: 'spec', text } });
    const first = await take(server.url, '/exercises/canary-spec/draft', 'PUT', draft('before', 0));
    expect(((await first.json()) as { revision: number }).revision).toBe(1);
    server.child.kill('SIGTERM');
    expect(await server.exited).toBe(0);

    const again = await start(dataDir);
    expect(again.output()).toContain('1 attempt under way: remembered for their saves. Warming up before listening…');
    expect(again.output()).toMatch(
      /Warmed up in \d+ ms: 1500 rehearsal saves through the route, 1000 revisions written and rolled back\./,
    );
    const next = await take(again.url, '/exercises/canary-spec/draft', 'PUT', draft('after', 1));
    expect(await next.json()).toMatchObject({ revision: 2, conflict: false });
  });

  it('keeps every acknowledged write when the server is killed with SIGKILL in the middle of writes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-proc-'));
    const server = await start(dataDir);
    const acknowledged: string[] = [];
    let writing = true;
    const writer = async () => {
      while (writing) {
        const cookie = await signIn(server.url).catch(() => null);
        if (cookie && writing) acknowledged.push(cookie);
      }
    };
    const writers = Promise.all([writer(), writer(), writer(), writer()]);
    while (acknowledged.length < 20) await new Promise((r) => setTimeout(r, 20));
    server.child.kill('SIGKILL');
    await server.exited;
    writing = false;
    await writers;

    // The lock of the killed process is stale: the restart takes it over.
    const again = await start(dataDir);
    const statuses = await Promise.all(acknowledged.map((cookie) => me(again.url, cookie)));
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);
  });
});
