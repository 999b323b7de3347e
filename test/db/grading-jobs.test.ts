import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../server/db/db.js';
import { claim, enqueue, fail, jobsOf, LEASE_MS, MAX_ATTEMPTS, retry } from '../../server/grading/jobs.js';
import { RetryableError, startWorker } from '../../server/grading/worker.js';
import { openTestDb } from '../helpers/test-db.js';

let db: Db;
const quiet = { info: () => {}, warn: () => {}, error: () => {} };

beforeAll(async () => {
  db = await openTestDb();
});
afterAll(() => db.close());

/** A submission row to hang jobs on (the candidate flow makes these; here only the row matters). */
async function submission(): Promise<string> {
  const id = randomUUID();
  const t = new Date('2026-03-02T09:00:00Z');
  await db.query(
    `INSERT INTO assessments (id, name, exercise_ids, minutes, created_at) VALUES ($1, 'a', '[]', 10, $2)`,
    [id, t],
  );
  await db.query(
    `INSERT INTO invites (id, assessment_id, token_hash, expires_at, created_at) VALUES ($1, $1, $1, $2, $2)`,
    [id, t],
  );
  await db.query(
    `INSERT INTO attempts (id, invite_id, assessment_id, exercise_versions, started_at, deadline_at)
     VALUES ($1, $1, $1, '{}', $2, $2)`,
    [id, t],
  );
  await db.query(
    `INSERT INTO submissions (id, attempt_id, exercise_id, exercise_version, revision, submission, submitted_at)
     VALUES ($1, $1, 'x', 'v', 0, '{}', $2)`,
    [id, t],
  );
  return id;
}

async function drain() {
  let job = await claim(db, new Date('2100-01-01T00:00:00Z'));
  while (job) {
    await db.query(`UPDATE grading_jobs SET state = 'done' WHERE id = $1`, [job.id]);
    job = await claim(db, new Date('2100-01-01T00:00:00Z'));
  }
}

describe('the grading queue', () => {
  it('runs every job exactly once with several workers claiming at the same time', async () => {
    await drain();
    const subs = await Promise.all(Array.from({ length: 12 }, submission));
    for (const s of subs) await enqueue(db, s, new Date('2026-03-02T09:00:00Z'));
    const ran: string[] = [];
    const worker = startWorker({
      db,
      clock: () => new Date('2026-03-02T09:01:00Z'),
      concurrency: 4,
      idleMs: 20,
      log: quiet,
      runJob: async (job) => {
        ran.push(job.submissionId);
        await new Promise((r) => setTimeout(r, 5));
      },
    });
    const other = startWorker({
      db,
      clock: () => new Date('2026-03-02T09:01:00Z'),
      concurrency: 4,
      idleMs: 20,
      log: quiet,
      runJob: async (job) => {
        ran.push(job.submissionId);
      },
    });
    while (ran.length < subs.length) await new Promise((r) => setTimeout(r, 20));
    await new Promise((r) => setTimeout(r, 100));
    await Promise.all([worker.stop(), other.stop()]);
    expect([...ran].sort()).toEqual([...subs].sort());
    for (const s of subs) expect((await jobsOf(db, s)).map((j) => j.state)).toEqual(['done']);
  });

  it('picks up a job whose runner died once its lease has expired', async () => {
    await drain();
    const s = await submission();
    await enqueue(db, s, new Date('2026-03-02T09:00:00Z'));
    const first = await claim(db, new Date('2026-03-02T09:00:00Z'));
    expect(first?.submissionId).toBe(s);
    expect(await claim(db, new Date('2026-03-02T09:00:01Z'))).toBeNull();
    const again = await claim(db, new Date(Date.parse('2026-03-02T09:00:00Z') + LEASE_MS + 1));
    expect(again).toMatchObject({ id: first?.id, attempts: 2 });
  });

  it('retries a retryable failure with backoff, then fails it for good with its reason', async () => {
    await drain();
    const s = await submission();
    await enqueue(db, s, new Date('2026-03-02T09:00:00Z'));
    let now = new Date('2026-03-02T09:00:00Z');
    const states: string[] = [];
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      const job = await claim(db, now);
      if (!job) throw new Error(`no job on attempt ${i + 1}`);
      states.push(await fail(db, job, 'model overloaded', true, now));
      expect(await claim(db, now)).toBeNull();
      now = new Date(now.getTime() + 11 * 60_000);
    }
    expect(states).toEqual(['queued', 'queued', 'queued', 'queued', 'failed']);
    const [job] = await jobsOf(db, s);
    expect(job).toMatchObject({ state: 'failed', attempts: MAX_ATTEMPTS, lastError: 'model overloaded' });

    expect(await retry(db, job?.id ?? '', now)).toBe(true);
    expect(await retry(db, job?.id ?? '', now)).toBe(false);
    expect(await claim(db, now)).toMatchObject({ id: job?.id, attempts: 1 });
  });

  it('fails a non-retryable error at once, and the worker records retryable ones as queued', async () => {
    await drain();
    const a = await submission();
    const b = await submission();
    await enqueue(db, a, new Date('2026-03-02T09:00:00Z'));
    await enqueue(db, b, new Date('2026-03-02T09:00:01Z'));
    let calls = 0;
    const worker = startWorker({
      db,
      clock: () => new Date('2026-03-02T09:01:00Z'),
      concurrency: 1,
      idleMs: 20,
      log: quiet,
      runJob: async (job) => {
        calls += 1;
        if (job.submissionId === a) throw new Error('snapshot missing');
        throw new RetryableError('429 rate limited');
      },
    });
    while (calls < 2) await new Promise((r) => setTimeout(r, 20));
    await worker.stop();
    expect((await jobsOf(db, a))[0]).toMatchObject({ state: 'failed', lastError: 'snapshot missing' });
    expect((await jobsOf(db, b))[0]).toMatchObject({ state: 'queued', lastError: '429 rate limited' });
  });
});
