/** Starts the real server (`bin/serve.js`) as a child process on a data directory, for process and browser tests. */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { FIXTURE_CONTENT } from './test-app.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ADMIN = { email: 'admin@example.test', password: 'process-test-password' };

export type Launched = { child: ChildProcess; output: () => string; exited: Promise<number | null> };
export type Server = Launched & { url: string };

const running: ChildProcess[] = [];

/** Kills every server this file started and has not seen exit: call from afterEach/afterAll. */
export function killServers() {
  for (const child of running.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
}

export function launch(dataDir: string, env: Record<string, string> = {}): Launched {
  const child = spawn(process.execPath, [join(ROOT, 'bin/serve.js')], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH,
      DATA_DIR: dataDir,
      PORT: '0',
      CONTENT_DIR: FIXTURE_CONTENT,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.push(child);
  let output = '';
  const collect = (d: Buffer) => {
    output += d.toString();
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  // 'close', not 'exit': by then everything the process printed has been read.
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Launches a server and waits for its "listening on" line. */
export async function start(dataDir: string, env: Record<string, string> = {}): Promise<Server> {
  const server = launch(dataDir, env);
  const deadline = Date.now() + 45_000;
  while (Date.now() < deadline) {
    const match = /listening on (http:\/\/[\d.]+:\d+)/.exec(server.output());
    if (match?.[1]) return { ...server, url: match[1] };
    if (server.child.exitCode !== null) throw new Error(`server exited early:\n${server.output()}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`server did not start:\n${server.output()}`);
}

/**
 * The output once it contains `text`: lines logged together can reach the pipe in separate chunks, so a
 * line logged just after "listening on" may not have arrived when start() returns.
 */
export async function outputContaining(server: Launched, text: string, timeoutMs = 5_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (!server.output().includes(text) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  return server.output();
}
