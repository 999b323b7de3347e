/**
 * `npm run bench:autosave`: many concurrent candidates autosaving over loopback on the embedded database,
 * against a bare Hono route in the same run. Prints requests per second, p50 and p99 for both and their ratio.
 * Aim: 1,000 autosaves/s with p99 under 100 ms on a 2-core machine (5,000 candidates saving every 5 s).
 *
 * Four loads: autocannon at full speed on each route (closed loop: CONNECTIONS requests always in flight);
 * autocannon at 1,000/s, which sends each connection's share of a second back to back at the top of every
 * second (a burst of CONNECTIONS concurrent requests, once a second); and an open loop (pacedLoad, below)
 * where saves leave at random times averaging 1,000/s, as thousands of candidates' saves do: each candidate
 * is a page with its own keep-alive connection, opened by loading its exercise, that saves as the page does
 * (its tab id and sequence, the revision of its last answer), with latency counted from the time a save
 * was due, so a slow server cannot hide its queue.
 *
 * Options: CANDIDATES (default 5,000: the aim's 5,000 candidates saving every 5 s), CONNECTIONS (100),
 * SECONDS (10), DRAFT_KB (4); OPEN_SECONDS (the open loop's length, default SECONDS: a long one shows what
 * only comes with time, such as checkpoints and growing tables, window by window); WINDOW_SECONDS (10: the
 * windows' length); OPEN_ONLY=1 runs the open loop alone, on a server nothing has warmed up, as after a
 * restart; RESTART=1 does so after a real restart: the server is set up, stopped and started again on the
 * same data directory, and the pages, loaded before it went down, go on saving (implies OPEN_ONLY); WARM_UP=0
 * starts the server without its warm-up (ADR 024) and REMEMBER=0 also without remembering the attempts under
 * way (ADR 021), to compare; SERVER_NODE_ARGS, flags for the server's node (such as --cpu-prof --cpu-prof-dir=DIR);
 * DATABASE_URL, a scratch PostgreSQL database to run on instead of PGlite (the "database thread" column
 * then shows the server's busiest other thread: PostgreSQL's own CPU is not counted).
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { renderTable } from '../server/cli/table.js';

const candidates = Number(process.env.CANDIDATES ?? 5000);
const connections = Number(process.env.CONNECTIONS ?? 100);
const duration = Number(process.env.SECONDS ?? 10);
const draftKb = Number(process.env.DRAFT_KB ?? 4);
const openSeconds = Number(process.env.OPEN_SECONDS ?? duration);
const restart = process.env.RESTART === '1';
const openOnly = restart || process.env.OPEN_ONLY === '1';
const windowSeconds = Number(process.env.WINDOW_SECONDS ?? 10);

const engine = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'a fresh PGlite';
console.error(`Setting up ${candidates} started attempts on ${engine}…`);
const nodeArgs = (process.env.SERVER_NODE_ARGS ?? '').split(' ').filter(Boolean);
type Started = { appPort: number; barePort: number; tokens: string[]; dataDir: string };

/** Starts the bench's server; answers once it listens, with what its first JSON line says. */
async function startServer(env: Record<string, string> = {}) {
  const child = spawn(
    process.execPath,
    [...nodeArgs, '--import', 'tsx', 'bench/autosave-server.ts', String(candidates)],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...env } },
  );
  // Anything else the server prints (such as --trace-gc's lines) goes on to stderr.
  const first = await new Promise<string>((resolve) => {
    createInterface({ input: child.stdout }).on('line', (line) => {
      if (line.startsWith('{"appPort"')) resolve(line);
      else console.error(line);
    });
  });
  return { child, ...(JSON.parse(first) as Started) };
}

let started = await startServer(restart ? { BENCH_KEEP_DATA: '1' } : {});
const { tokens } = started;
if (restart) {
  console.error('Restarting the server on the same data directory…');
  const stopped = new Promise((resolve) => started.child.on('exit', resolve));
  started.child.kill('SIGTERM');
  await stopped;
  started = await startServer({ BENCH_DATA_DIR: started.dataDir });
}
const { child: server, appPort, barePort } = started;

const words = 'The invite link expires after seven days and can be used once. ';
const text = words.repeat(Math.ceil((draftKb * 1024) / words.length)).slice(0, draftKb * 1024);

type Result = {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
  cpu?: CpuPerRequest;
};

/** The server's CPU time per request answered, in µs: its main thread, its busiest other thread, the rest. */
type CpuPerRequest = { main: number; db: number; other: number };

/**
 * CPU time used by each of the server's threads so far, in clock ticks (Linux: /proc/<pid>/task). Throughput
 * on this shared 2-core machine swings by half from run to run; the CPU a request costs moves far less, so
 * it is the figure to compare two versions of the code by.
 */
function threadTicks(pid: number): Map<string, number> {
  const ticks = new Map<string, number>();
  for (const tid of readdirSync(`/proc/${pid}/task`)) {
    // Fields after the command's closing parenthesis; utime and stime are the 14th and 15th of the line.
    const fields = readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    ticks.set(tid, Number(fields[11]) + Number(fields[12]));
  }
  return ticks;
}

/** The database thread: the server's busiest thread but its main one, under the first load of saves. */
let dbTid: string | undefined;

/** Divides the server's CPU time between two readings of threadTicks among the requests answered. */
function cpuPerRequest(before: Map<string, number>, after: Map<string, number>, requests: number): CpuPerRequest {
  const pid = String(server.pid ?? 0);
  const deltas = [...after].map(([tid, t]) => ({ tid, t: t - (before.get(tid) ?? 0) }));
  const microsPerTick = 1_000_000 / 100; // USER_HZ is 100 on Linux
  const per = (t: number) => Math.round((t * microsPerTick) / Math.max(1, requests));
  const main = deltas.find((d) => d.tid === pid)?.t ?? 0;
  const others = deltas.filter((d) => d.tid !== pid).sort((a, b) => b.t - a.t);
  dbTid ??= others[0]?.tid;
  const db = others.find((d) => d.tid === dbTid)?.t ?? 0;
  const rest = others.filter((d) => d.tid !== dbTid).reduce((sum, d) => sum + d.t, 0);
  return { main: per(main), db: per(db), other: per(rest) };
}

/** Runs one load and divides the server's CPU time over it among the requests answered. */
async function measured<T extends { rps: number }>(run: () => Promise<T>): Promise<T & { cpu: CpuPerRequest }> {
  const before = threadTicks(server.pid ?? 0);
  const result = await run();
  return { ...result, cpu: cpuPerRequest(before, threadTicks(server.pid ?? 0), result.rps * duration) };
}

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

/**
 * Latencies of the saves due in one window (WINDOW_SECONDS) of the open loop, and the server's CPU per save
 * answered in it: a cost that grows with the tables shows here before it shows in the latencies.
 */
type Window = {
  from: number;
  answered: number;
  p50: number;
  p99: number;
  max: number;
  cpu: CpuPerRequest;
  /** The load generator's longest pause in the window (its own event loop held up), in ms. */
  pause: number;
};

/** sent: saves offered; answered: those answered 200, which rps counts. */
type PacedResult = {
  sent: number;
  answered: number;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  windows: Window[];
  cpu: CpuPerRequest;
};

const noCpu: CpuPerRequest = { main: 0, db: 0, other: 0 };

/** The q-quantile of ascending latencies, rounded to the millisecond. */
function quantile(sorted: number[], q: number): number {
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0);
}

type PacedOptions = {
  port: number;
  tokens: string[];
  text: string;
  rate: number;
  seconds: number;
  path: (token: string) => string;
};

/**
 * The open loop: saves leave at random times (a Poisson process averaging `rate` a second, seeded, so runs
 * are comparable) whether or not earlier ones were answered, as the saves of thousands of independent
 * candidates do. Latency counts from the moment a save was due, not from when a socket was free, so a
 * server that falls behind shows its queue (no coordinated omission). Each token is one candidate's page:
 * one keep-alive connection, as a browser tab keeps, opened by loading the exercise before the clock starts
 * (after a restart, by its first save: the page was loaded before); it names its tab, numbers its saves,
 * and bases each on the revision of its last answer.
 */
async function pacedLoad({ port, tokens, text, rate, seconds, path }: PacedOptions): Promise<PacedResult> {
  const random = mulberry32(20261125);
  const pages = tokens.map((token, i) => ({
    token,
    tab: `bench-tab-${String(i).padStart(8, '0')}`,
    seq: 0,
    base: 0,
    agent: new Agent({ keepAlive: true, maxSockets: 1 }),
  }));
  if (!restart) {
    console.error(`Opening ${pages.length} candidates' pages (one connection each)…`);
    for (let i = 0; i < pages.length; i += 100)
      await Promise.all(pages.slice(i, i + 100).map((page) => openPage(page)));
  }
  const latencies: number[] = [];
  const byWindow = new Map<number, number[]>();
  let errors = 0;
  const inFlight = new Set<Promise<void>>();

  const save = (page: (typeof pages)[number], due: number) => {
    page.seq += 1;
    const body = JSON.stringify({
      baseRevision: page.base,
      submission: { kind: 'spec', text: `${text}${page.seq}` },
      tab: { id: page.tab, seq: page.seq },
    });
    const done = new Promise<void>((resolve) => {
      const req = request(
        {
          agent: page.agent,
          host: '127.0.0.1',
          port,
          method: 'PUT',
          path: path(page.token),
          headers: { 'content-type': 'application/json' },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (chunk: Buffer) => chunks.push(chunk));
          res.on('end', () => {
            if (res.statusCode === 200) {
              const latency = performance.now() - due;
              latencies.push(latency);
              const window = Math.floor((due - start) / (windowSeconds * 1000));
              const inWindow = byWindow.get(window) ?? [];
              inWindow.push(latency);
              byWindow.set(window, inWindow);
              const answer = JSON.parse(Buffer.concat(chunks).toString()) as { revision: number; superseded: boolean };
              if (!answer.superseded) page.base = Math.max(page.base, answer.revision);
            } else {
              errors += 1;
            }
            resolve();
          });
        },
      );
      req.on('error', () => {
        errors += 1;
        resolve();
      });
      req.end(body);
    });
    inFlight.add(done);
    void done.then(() => inFlight.delete(done));
  };

  const start = performance.now();
  const end = start + seconds * 1000;
  let due = start;
  let sent = 0;
  // The server's thread times at each window's start, the saves answered by then, and the longest the load
  // generator's own event loop was held up since the last reading (a pause here delays saves too).
  const readings: { ticks: Map<string, number>; answered: number; pause: number }[] = [];
  const pauses = monitorEventLoopDelay({ resolution: 10 });
  pauses.enable();
  const read = () => {
    readings.push({ ticks: threadTicks(server.pid ?? 0), answered: latencies.length, pause: pauses.max / 1e6 });
    pauses.reset();
  };
  while (due < end) {
    const now = performance.now();
    if (now - start >= readings.length * windowSeconds * 1000) {
      read();
    }
    while (due <= now && due < end) {
      const page = pages[Math.floor(random() * pages.length)];
      if (page) save(page, due);
      sent += 1;
      due += -Math.log(1 - random()) * (1000 / rate);
    }
    await sleep(1);
  }
  // Saves still unanswered 10 s after the last was due count as errors.
  await Promise.race([Promise.all(inFlight), sleep(10_000)]);
  errors += inFlight.size;
  read();
  pauses.disable();
  for (const page of pages) page.agent.destroy();
  latencies.sort((a, b) => a - b);
  const windows = [...byWindow.entries()]
    .sort(([a], [b]) => a - b)
    .map(([window, values]) => {
      values.sort((a, b) => a - b);
      const p = (q: number) => quantile(values, q);
      // The last window's reading also covers the answers that came after the sending stopped.
      const [from, to] = [readings[window], readings[window + 1] ?? readings.at(-1)];
      const cpu = from && to ? cpuPerRequest(from.ticks, to.ticks, to.answered - from.answered) : noCpu;
      const pause = Math.round(readings[window + 1]?.pause ?? 0);
      return {
        from: window * windowSeconds,
        answered: values.length,
        p50: p(0.5),
        p99: p(0.99),
        max: p(1),
        cpu,
        pause,
      };
    });
  const answered = latencies.length;
  const p = (q: number) => quantile(latencies, q);
  const cpu = cpuPerRequest(readings[0]?.ticks ?? new Map(), readings.at(-1)?.ticks ?? new Map(), answered);
  return { sent, answered, rps: answered / seconds, p50: p(0.5), p99: p(0.99), errors, windows, cpu };
}

/** What a candidate's page does first: load its exercise, over the connection it then saves on. */
function openPage(page: { token: string; agent: Agent }, port = appPort): Promise<void> {
  return new Promise((resolve, reject) => {
    request(
      { agent: page.agent, host: '127.0.0.1', port, path: `/api/take/${page.token}/exercises/canary-spec` },
      (res) => {
        res.resume();
        res.on('end', () => (res.statusCode === 200 ? resolve() : reject(new Error(`page load: ${res.statusCode}`))));
      },
    )
      .on('error', reject)
      .end();
  });
}

function cpuText(cpu: CpuPerRequest): string {
  return `${cpu.main} / ${cpu.db} / ${cpu.other}`;
}

/** A small seeded generator, so that every run offers the same arrival times. */
function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** The open loop's row, and its windows when it ran long enough for them to say more. */
function reportOpenLoop(paced: PacedResult): void {
  if (paced.windows.length < 3) return;
  console.log('\nOpen loop, window by window (latency of the saves due in each):');
  console.log(
    renderTable(
      ['from', 'answered', 'p50', 'p99', 'max', 'server CPU µs/save: main / database thread / rest', 'bench pause'],
      paced.windows.map((w) => [
        `${w.from} s`,
        String(w.answered),
        `${w.p50} ms`,
        `${w.p99} ms`,
        `${w.max} ms`,
        cpuText(w.cpu),
        `${w.pause} ms`,
      ]),
    ),
  );
}

try {
  const draftPath = (t: string) => `/api/take/${t}/exercises/canary-spec/draft`;
  const closedLoops = openOnly
    ? null
    : {
        save: await measured(() => load('autosave, full speed', appPort, draftPath)),
        bare: await measured(() => load('bare Hono route, full speed', barePort, (t) => `/bare/${t}`)),
        offered: await measured(() => load('autosave at 1,000/s offered', appPort, draftPath, 1000)),
      };
  console.error(`Loading autosave, open loop at 1,000/s for ${openSeconds} s…`);
  const paced = await pacedLoad({ port: appPort, tokens, text, rate: 1000, seconds: openSeconds, path: draftPath });
  const pacedRow: Result = { label: 'autosave, open loop 1,000/s', ...paced, non2xx: 0 };
  // Open loop: the server kept up when every save offered was answered, none failed, and p99 stayed low.
  const pacedMet = paced.errors === 0 && paced.answered === paced.sent && paced.p99 < 100;
  const row = (r: Result) => [
    r.label,
    r.rps.toFixed(0),
    `${r.p50} ms`,
    `${r.p99} ms`,
    String(r.errors + r.non2xx),
    r.cpu ? cpuText(r.cpu) : '',
  ];
  const rows = closedLoops ? [closedLoops.save, closedLoops.bare, closedLoops.offered, pacedRow] : [pacedRow];
  console.log(
    renderTable(
      ['load', 'req/s', 'p50', 'p99', 'errors', 'server CPU µs/req: main / database thread / rest'],
      rows.map(row),
    ),
  );
  reportOpenLoop(paced);
  const setting = `${engine}: ${candidates} candidates, ${connections} connections (open loop: one per candidate), ${draftKb} KB drafts`;
  if (closedLoops) {
    const { save, bare, offered } = closedLoops;
    console.log(
      `\nautosave / bare throughput: ${(save.rps / bare.rps).toFixed(3)}; p99 ratio ${(save.p99 / Math.max(1, bare.p99)).toFixed(1)}×. ` +
        `${setting}, ${duration} s per run (open loop ${openSeconds} s).`,
    );
    const burstMet = offered.rps >= 990 && offered.p99 < 100 && offered.errors + offered.non2xx === 0;
    console.log(
      `Aim (1,000 autosaves/s with p99 < 100 ms): open loop ${pacedMet ? 'met' : 'not met'} ` +
        `(${paced.sent} saves offered); autocannon's once-a-second bursts ${burstMet ? 'met' : 'not met'}.`,
    );
  } else {
    const after = restart ? 'just restarted under its candidates' : 'nothing had warmed up';
    const remembered =
      process.env.REMEMBER === '0'
        ? ', attempts under way not remembered, no warm-up'
        : process.env.WARM_UP === '0'
          ? ', no warm-up'
          : '';
    console.log(`\n${setting}, open loop alone for ${openSeconds} s, on a server ${after}${remembered}.`);
    console.log(
      `Aim (1,000 autosaves/s with p99 < 100 ms): ${pacedMet ? 'met' : 'not met'} (${paced.sent} saves offered).`,
    );
  }
} finally {
  server.kill('SIGTERM');
}
