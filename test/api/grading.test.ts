/**
 * Grading end to end through the candidate API: the deterministic pre-grade is stored with the submission,
 * a job is queued for the LLM criteria, and the job runner stores the full pre-grade (judge played by msw).
 */
import { setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { cachedSnapshots } from '../../server/content/snapshots.js';
import { latestPregrade } from '../../server/db/pregrades.js';
import { gradingRunner, regrade } from '../../server/grading/grading.js';
import { claim, fail, jobsOf } from '../../server/grading/jobs.js';
import {
  createAssessment,
  submissionIds as idsByExercise,
  invite,
  STRONG_BUG,
  STRONG_SPEC,
  takeAttempt,
} from '../helpers/attempts.js';
import { type TestApp, testApp } from '../helpers/test-app.js';
import { answer, anthropicMock, anthropicTestClient, serverError } from '../msw/anthropic.js';

const msw = setupServer();
let offline: TestApp;
let online: TestApp;

beforeAll(async () => {
  msw.listen({ onUnhandledRequest: 'error' });
  offline = await testApp();
  online = await testApp({ anthropic: anthropicTestClient({ maxRetries: 0 }) });
});
afterEach(() => msw.resetHandlers());
afterAll(async () => {
  msw.close();
  await offline.close();
  await online.close();
});

const post: RequestInit = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' };

const SPEC = STRONG_SPEC;

/** Starts an attempt on both fixture exercises and saves the given answers (not submitted); answers the token. */
async function submitAnswers(t: TestApp, answers: { spec?: string; bug?: unknown }, minutes = 40) {
  const admin = await t.signIn('admin');
  const id = await createAssessment(t, admin, { name: 'Grading', minutes });
  const { token } = await invite(t, admin, id);
  await takeAttempt(t, token, answers, []);
  return token;
}

async function submissionIds(t: TestApp, token: string) {
  const ids = await idsByExercise(t, token);
  return { spec: ids['canary-spec'] ?? '', bug: ids['canary-bug'] ?? '' };
}

/** A bug-hunt answer that finds the bug, submitted offline: its submission id. */
async function submittedStrongBug(): Promise<string> {
  const token = await submitAnswers(offline, { bug: STRONG_BUG });
  await offline.app.request(`/api/take/${token}/exercises/canary-bug/submit`, post);
  return (await submissionIds(offline, token)).bug;
}

describe('regrade', () => {
  it('regrades from a snapshot not yet in the cache (read before its transaction, not inside it)', async () => {
    const bug = await submittedStrongBug();
    const count = async () =>
      (
        await offline.db.query<{ n: number }>('SELECT count(*)::int AS n FROM pregrades WHERE submission_id = $1', [
          bug,
        ])
      )[0]?.n;
    expect(await count()).toBe(1);
    // A fresh reader, as after a restart: the snapshot must come from the database.
    await regrade(offline.db, cachedSnapshots(offline.db), bug, new Date());
    expect(await count()).toBe(2);
    expect((await latestPregrade(offline.db, bug))?.pregrade).toMatchObject({
      total: { score: 8, max: 10, pending: 0 },
      bugFound: true,
    });
  });
});

describe('at submit', () => {
  it('stores the deterministic pre-grade at once, with the bug-hunt verdict and its evidence', async () => {
    const bug = await submittedStrongBug();
    const stored = await latestPregrade(offline.db, bug);
    expect(stored?.complete).toBe(true);
    expect(stored?.jobId).toBeNull();
    expect(stored?.pregrade).toMatchObject({
      exercise: { id: 'canary-bug' },
      rubric: { id: 'fixture-bug' },
      total: { score: 8, max: 10, pending: 0 },
      bugFound: true,
      flags: [],
      usage: null,
    });
    const concept = stored?.pregrade.criteria.find((c) => c.id === 'concept');
    expect(concept?.evidence[0]).toMatchObject({ in: 'explanation', label: 'off-by-one', verified: true });
    expect(await jobsOf(offline.db, bug)).toEqual([]);
  });

  it('queues a job for the LLM criteria; without an API key they stay pending, flagged', async () => {
    const token = await submitAnswers(offline, { spec: SPEC });
    await offline.app.request(`/api/take/${token}/exercises/canary-spec/submit`, post);
    const { spec } = await submissionIds(offline, token);
    const first = await latestPregrade(offline.db, spec);
    expect(first).toMatchObject({ complete: false, pregrade: { total: { max: 8, pending: 3 } } });
    expect((await jobsOf(offline.db, spec)).map((j) => j.state)).toEqual(['queued']);

    const job = await claim(offline.db, offline.deps.clock());
    if (!job) throw new Error('no job');
    await gradingRunner({ ...offline.deps })(job);
    const full = await latestPregrade(offline.db, spec);
    expect(full?.complete).toBe(true);
    expect(full?.pregrade.criteria.find((c) => c.id === 'judgement')).toMatchObject({
      source: 'llm',
      status: 'pending',
    });
    expect(full?.pregrade.flags.map((f) => f.code)).toContain('llm-not-configured');
    expect(full?.pregrade.total).toEqual({ score: 5, max: 8, pending: 3 });
  });

  it('marks a late submission with a flag that says the delay', async () => {
    const token = await submitAnswers(offline, { spec: SPEC }, 5);
    offline.advance(5 * 60_000 + 90_000);
    await offline.app.request(`/api/take/${token}/exercises/canary-spec/submit`, post);
    const { spec } = await submissionIds(offline, token);
    const stored = await latestPregrade(offline.db, spec);
    expect(stored?.pregrade.flags).toContainEqual({ code: 'late', message: 'Submitted 90 s after the deadline.' });
  });
});

describe('the grading job with the judge', () => {
  it('stores the full pre-grade with the judge’s score, verified evidence and usage', async () => {
    const mock = anthropicMock([
      answer({
        judgement: {
          score: 3,
          rationale: 'Decides expiry and single use.',
          quotes: ['single-use and expires after 30 minutes'],
        },
      }),
    ]);
    msw.use(mock.handler);
    const token = await submitAnswers(online, { spec: SPEC });
    await online.app.request(`/api/take/${token}/exercises/canary-spec/submit`, post);
    const { spec } = await submissionIds(online, token);
    const job = await claim(online.db, online.deps.clock());
    if (!job) throw new Error('no job');
    await gradingRunner({ ...online.deps })(job);

    expect(mock.requests).toHaveLength(1);
    const full = await latestPregrade(online.db, spec);
    const judged = full?.pregrade.criteria.find((c) => c.id === 'judgement');
    expect(judged).toMatchObject({ source: 'llm', status: 'scored', score: 3, max: 3 });
    expect(judged?.evidence[0]).toMatchObject({ verified: true, in: 'text' });
    expect(SPEC.slice(judged?.evidence[0]?.start, judged?.evidence[0]?.end)).toBe(
      'single-use and expires after 30 minutes',
    );
    expect(full?.pregrade.total).toEqual({ score: 8, max: 8, pending: 0 });
    expect(full?.pregrade.usage?.model).toBe('claude-sonnet-5-5');
  });

  it('turns a judge outage into a retryable job failure, keeping the deterministic pre-grade', async () => {
    msw.use(anthropicMock([serverError()]).handler);
    const token = await submitAnswers(online, { spec: SPEC });
    await online.app.request(`/api/take/${token}/exercises/canary-spec/submit`, post);
    const { spec } = await submissionIds(online, token);
    const job = await claim(online.db, online.deps.clock());
    if (!job) throw new Error('no job');
    const error = await gradingRunner({ ...online.deps })(job).catch((e: unknown) => e);
    expect((error as Error).constructor.name).toBe('RetryableError');
    expect((await latestPregrade(online.db, spec))?.complete).toBe(false);
  });
});

describe('staff see grading jobs and retry a failed one', () => {
  it('lists a failed job with its reason, queues it again once, and refuses authors', async () => {
    const token = await submitAnswers(offline, { spec: SPEC });
    await offline.app.request(`/api/take/${token}/exercises/canary-spec/submit`, post);
    const { spec } = await submissionIds(offline, token);
    const [job] = await jobsOf(offline.db, spec);
    if (!job) throw new Error('no job queued at submit');
    await fail(offline.db, { ...job, attempts: 1 }, 'snapshot unreadable', false, offline.deps.clock());

    const reviewer = await offline.signIn('reviewer');
    const listed = await offline.app.request('/api/staff/grading-jobs?state=failed', { headers: { cookie: reviewer } });
    expect(listed.status).toBe(200);
    const { jobs } = (await listed.json()) as {
      jobs: { id: string; state: string; lastError: string; exerciseId: string }[];
    };
    expect(jobs.find((j) => j.id === job.id)).toMatchObject({
      state: 'failed',
      lastError: 'snapshot unreadable',
      exerciseId: 'canary-spec',
    });

    const retryInit = { method: 'POST', headers: { cookie: reviewer, 'content-type': 'application/json' }, body: '{}' };
    const first = await offline.app.request(`/api/staff/grading-jobs/${job.id}/retry`, retryInit);
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ id: job.id, state: 'queued' });
    expect((await jobsOf(offline.db, spec)).map((j) => [j.state, j.attempts])).toEqual([['queued', 0]]);
    const second = await offline.app.request(`/api/staff/grading-jobs/${job.id}/retry`, retryInit);
    expect(second.status).toBe(409);

    const author = await offline.signIn('author');
    expect((await offline.app.request('/api/staff/grading-jobs', { headers: { cookie: author } })).status).toBe(403);
    const bad = await offline.app.request('/api/staff/grading-jobs?state=stuck', { headers: { cookie: reviewer } });
    expect(bad.status).toBe(400);
  });
});
