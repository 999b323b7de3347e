/**
 * Real server processes on a real PGlite data directory: the lock, a clean SIGTERM, and durability of
 * every acknowledged write across a SIGKILL.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { cli } from '../helpers/cli.js';
import { FIXTURE_CONTENT } from '../helpers/test-app.js';

const ROOT = join(import.meta.dirname, '..', '..');
const ADMIN = { email: 'admin@example.test', password: 'process-test-password' };

type Server = { child: ChildProcess; url: string; output: () => string; exited: Promise<number | null> };
const running: ChildProcess[] = [];

afterEach(() => {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
});

function launch(dataDir: string): { child: ChildProcess; output: () => string; exited: Promise<number | null> } {
  const child = spawn(process.execPath, [join(ROOT, 'bin/serve.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: '0',
      CONTENT_DIR: FIXTURE_CONTENT,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

async function start(dataDir: string): Promise<Server> {
  const server = launch(dataDir);
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(server.output());
    if (match?.[1]) return { ...server, url: match[1] };
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start:\n${server.output()}`);
}

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
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(second.output()).toContain(`The database in ${dataDir} is in use by process ${first.child.pid}`);
    expect(second.output()).toContain('Stop that process first');

    const cliRun = await cli(['user', 'add', '--email', 'x@example.test', '--role', 'reviewer'], { DATA_DIR: dataDir });
    expect(cliRun.code).toBe(2);
    expect(cliRun.stderr).toContain(`is in use by process ${first.child.pid}`);

    expect((await fetch(`${first.url}/healthz`)).status).toBe(200);
  });
});

describe('stopping and restarting', () => {
  it('serves the exercises of CONTENT_DIR, closes the database on SIGTERM, and finds every row after restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-proc-'));
    const server = await start(dataDir);
    expect(server.output()).toContain('First start: created the admin account.');
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
