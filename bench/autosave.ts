/**
 * `npm run bench:autosave`: many concurrent candidates autosaving over loopback on the embedded database,
 * against a bare Hono route in the same run. Prints requests per second, p50 and p99 for both and their ratio.
 * Aim: 1,000 autosaves/s with p99 under 100 ms on a 2-core machine (5,000 candidates saving every 5 s).
 *
 * Options: CANDIDATES (default 500), CONNECTIONS (100), SECONDS (10), DRAFT_KB (4).
 */
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import autocannon from 'autocannon';
import { renderTable } from '../server/cli/table.js';

const candidates = Number(process.env.CANDIDATES ?? 500);
const connections = Number(process.env.CONNECTIONS ?? 100);
const duration = Number(process.env.SECONDS ?? 10);
const draftKb = Number(process.env.DRAFT_KB ?? 4);

console.error(`Setting up ${candidates} started attempts on a fresh PGlite…`);
const server = spawn(process.execPath, ['--import', 'tsx', 'bench/autosave-server.ts', String(candidates)], {
  stdio: ['ignore', 'pipe', 'inherit'],
});
const first = await new Promise<string>((resolve) => {
  createInterface({ input: server.stdout }).once('line', resolve);
});
const { appPort, barePort, tokens } = JSON.parse(first) as { appPort: number; barePort: number; tokens: string[] };

const words = 'The invite link expires after seven days and can be used once. ';
const text = words.repeat(Math.ceil((draftKb * 1024) / words.length)).slice(0, draftKb * 1024);

type Result = { label: string; rps: number; p50: number; p99: number; errors: number; non2xx: number };

/** Closed loop at full speed (rate undefined), or an offered load of `rate` requests per second. */
async function load(label: string, port: number, pathFor: (token: string) => string, rate?: number): Promise<Result> {
  console.error(`Loading ${label} for ${duration} s with ${connections} connections…`);
  let next = 0;
  const result = await autocannon({
    url: `http://127.0.0.1:${port}`,
    connections,
    duration,
    ...(rate ? { overallRate: rate } : {}),
    requests: [
      {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        setupRequest: (req) => {
          const token = tokens[next++ % tokens.length] ?? '';
          return {
            ...req,
            path: pathFor(token),
            body: JSON.stringify({ baseRevision: 0, submission: { kind: 'spec', text: `${text}${next}` } }),
          };
        },
      },
    ],
  });
  return {
    label,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
  };
}

try {
  const draftPath = (t: string) => `/api/take/${t}/exercises/canary-spec/draft`;
  const save = await load('autosave, full speed', appPort, draftPath);
  const bare = await load('bare Hono route, full speed', barePort, (t) => `/bare/${t}`);
  const offered = await load('autosave at 1,000/s offered', appPort, draftPath, 1000);
  const row = (r: Result) => [r.label, r.rps.toFixed(0), `${r.p50} ms`, `${r.p99} ms`, String(r.errors + r.non2xx)];
  console.log(renderTable(['load', 'req/s', 'p50', 'p99', 'errors'], [row(save), row(bare), row(offered)]));
  console.log(
    `\nautosave / bare throughput: ${(save.rps / bare.rps).toFixed(3)}; p99 ratio ${(save.p99 / Math.max(1, bare.p99)).toFixed(1)}×. ` +
      `${candidates} candidates, ${connections} connections, ${draftKb} KB drafts, ${duration} s per run.`,
  );
  const goal = offered.rps >= 990 && offered.p99 < 100 && offered.errors + offered.non2xx === 0;
  console.log(`Aim (1,000 autosaves/s with p99 < 100 ms): ${goal ? 'met' : 'not met'}.`);
} finally {
  server.kill('SIGTERM');
}
