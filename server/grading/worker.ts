/**
 * The grading worker inside the server process: `concurrency` loops, each claiming a job, running it and
 * recording the outcome. Several processes may run workers on one PostgreSQL; the queue's locks keep each
 * job to one runner. stop() lets running jobs finish (their lease would hand them to another process if
 * this one died instead).
 */
import type { Db } from '../db/db.js';
import type { Logger } from '../deps.js';
import { claim, complete, fail, type Job } from './jobs.js';

/** Thrown by a job for a failure that may clear by itself (the model API overloaded, say). */
export class RetryableError extends Error {}

export type RunJob = (job: Job) => Promise<void>;

export type Worker = { stop(): Promise<void>; kick(): void };

export function startWorker(options: {
  db: Db;
  clock: () => Date;
  concurrency: number;
  runJob: RunJob;
  log: Logger;
  idleMs?: number;
}): Worker {
  const { db, clock, runJob, log } = options;
  const idleMs = options.idleMs ?? 1000;
  let stopping = false;
  const wakers = new Set<() => void>();

  const sleep = () =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(done, idleMs);
      function done() {
        clearTimeout(timer);
        wakers.delete(done);
        resolve();
      }
      wakers.add(done);
    });

  const loop = async () => {
    while (!stopping) {
      let job: Job | null = null;
      try {
        job = await claim(db, clock());
      } catch (error) {
        log.error(`grading worker: claiming a job failed: ${(error as Error).message}`);
      }
      if (!job) {
        await sleep();
        continue;
      }
      try {
        await runJob(job);
        await complete(db, job.id, clock());
      } catch (error) {
        const reason = (error as Error).message;
        const state = await fail(db, job, reason, error instanceof RetryableError, clock()).catch((e: Error) => {
          log.error(`grading worker: recording the failure of job ${job?.id} failed: ${e.message}`);
          return 'unknown';
        });
        log.warn(`grading job ${job.id} (attempt ${job.attempts}) failed, now ${state}: ${reason}`);
      }
    }
  };

  const loops = Array.from({ length: Math.max(1, options.concurrency) }, loop);
  return {
    kick: () => {
      for (const wake of [...wakers]) wake();
    },
    async stop() {
      stopping = true;
      for (const wake of [...wakers]) wake();
      await Promise.all(loops);
    },
  };
}
