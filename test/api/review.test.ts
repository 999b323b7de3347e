/**
 * The review flow through the API (docs/review.md): queue states and filters, the review page's data,
 * saving scores with reasons, optimistic concurrency, confirm and reopen with an append-only audit,
 * anonymity, blind mode, and grading again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingRunner } from '../../server/grading/grading.js';
import { claim, complete, jobsOf } from '../../server/grading/jobs.js';
import { createAssessment, invite, STRONG_BUG, STRONG_SPEC, takeAttempt } from '../helpers/attempts.js';
import { json, type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: string;
let reviewer: string;
let reviewer2: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn('admin');
  reviewer = await t.signIn('reviewer');
  reviewer2 = await t.signIn('reviewer');
});
afterAll(() => t.close());

type Detail = {
  state: string;
  candidate: { label: string; name: string | null; hidden: boolean };
  exercise: { bug: { ranges: [number, number][] } | null; files: unknown[] };
  criteria: { id: string; max: number; source: string }[];
  pregrade: { total: { score: number; max: number }; criteria: { id: string; score: number }[] } | null;
  pregradeHidden: boolean;
  review: {
    version: number;
    state: string;
    scores: Record<string, { score: number; reason: string | null; by: string }>;
  };
  audit: {
    version: number;
    actor: string;
    action: string;
    criterionId: string | null;
    from: number | null;
    to: number | null;
    reason: string | null;
  }[];
  nextId: string | null;
};

const get = (path: string, cookie: string) => t.app.request(path, { headers: { cookie } });
async function detail(id: string, cookie = reviewer): Promise<Detail> {
  const res = await get(`/api/staff/submissions/${id}`, cookie);
  expect(res.status).toBe(200);
  return (await res.json()) as Detail;
}
const save = (id: string, body: unknown, cookie = reviewer) =>
  t.app.request(`/api/staff/submissions/${id}/review`, json(body, { cookie }));

/** A fresh assessment with one candidate who submitted both fixture exercises. */
async function submitted(settings: { anonymous?: boolean; blind?: boolean } = {}, name = 'Ada Lovelace') {
  const assessment = await createAssessment(t, admin);
  if (Object.keys(settings).length > 0) {
    const res = await t.app.request(`/api/staff/assessments/${assessment}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', cookie: admin },
      body: JSON.stringify(settings),
    });
    expect(res.status).toBe(200);
  }
  const { token } = await invite(t, admin, assessment, { name, email: 'ada@example.test' });
  const ids = await takeAttempt(t, token, { spec: STRONG_SPEC, bug: STRONG_BUG });
  return { assessment, spec: ids['canary-spec'] ?? '', bug: ids['canary-bug'] ?? '' };
}

/** Runs every queued grading job (no API key: LLM criteria end pending). */
async function runJobs() {
  for (let job = await claim(t.db, t.deps.clock()); job; job = await claim(t.db, t.deps.clock())) {
    await gradingRunner(t.deps)(job);
    await complete(t.db, job.id, t.deps.clock());
  }
}

describe('the queue', () => {
  it('lists submissions oldest first with their state, and filters by assessment, exercise and state', async () => {
    const first = await submitted();
    t.advance(60_000);
    const second = await submitted();
    const res = await get(`/api/staff/submissions?assessment=${first.assessment}`, reviewer);
    expect(res.status).toBe(200);
    const { submissions } = (await res.json()) as { submissions: { id: string; state: string; pretotal: unknown }[] };
    // The spec's LLM criterion waits for a job; the bug-hunt rubric has none, so it is ready at once.
    expect(submissions.map((s) => [s.id, s.state])).toEqual(
      expect.arrayContaining([
        [first.spec, 'grading'],
        [first.bug, 'ready'],
      ]),
    );
    expect(submissions).toHaveLength(2);
    expect(submissions.find((s) => s.id === first.bug)?.pretotal).toEqual({ score: 8, max: 10, pending: 0 });

    const ready = await get('/api/staff/submissions?state=ready&exercise=canary-bug', reviewer);
    const readyIds = ((await ready.json()) as { submissions: { id: string }[] }).submissions.map((s) => s.id);
    expect(readyIds.indexOf(first.bug)).toBeLessThan(readyIds.indexOf(second.bug));
    expect(readyIds).not.toContain(first.spec);

    await runJobs();
    const graded = await get(`/api/staff/submissions?assessment=${first.assessment}&state=ready`, reviewer);
    expect(((await graded.json()) as { submissions: unknown[] }).submissions).toHaveLength(2);
  });

  it('refuses an unknown state with 400 naming the states', async () => {
    const res = await get('/api/staff/submissions?state=ready,done', reviewer);
    expect(res.status).toBe(400);
    expect(
      ((await res.json()) as { error: { message: string; issues: { message: string }[] } }).error.issues[0]?.message,
    ).toMatch(/Unknown state done: use grading, grading_failed, ready, in_review, confirmed/);
  });
});

describe('the review page', () => {
  it('shows the submission with the true bug, the rubric, the pre-grade and an anonymous candidate', async () => {
    const { bug } = await submitted();
    const page = await detail(bug);
    expect(page.state).toBe('ready');
    expect(page.candidate).toEqual({
      label: expect.stringMatching(/^Candidate [0-9a-f]{6}$/),
      name: null,
      email: null,
      hidden: true,
    });
    expect(page.exercise.bug?.ranges).toEqual([[4, 4]]);
    expect(page.criteria.map((c) => [c.id, c.max, c.source])).toEqual([
      ['location', 4, 'check'],
      ['concept', 4, 'check'],
      ['fix', 2, 'check'],
    ]);
    expect(page.pregrade?.total).toMatchObject({ score: 8, max: 10 });
    expect(page.pregradeHidden).toBe(false);
    expect(page.review).toMatchObject({ version: 0, state: 'none', scores: {} });
    expect(page.audit).toEqual([]);
  });

  it('answers 404 for an unknown submission', async () => {
    const res = await get('/api/staff/submissions/nope', reviewer);
    expect(res.status).toBe(404);
  });
});

describe('saving a review', () => {
  it('confirms pre-grade scores without reasons, and needs a reason to change one', async () => {
    const { bug } = await submitted();
    const noReason = await save(bug, { version: 0, criteria: [{ id: 'location', score: 2 }], confirm: false });
    expect(noReason.status).toBe(400);
    expect(await noReason.text()).toMatch(/give a short reason for changing the score from 4 to 2/);
    expect((await detail(bug)).review.version).toBe(0);

    const res = await save(bug, {
      version: 0,
      criteria: [
        { id: 'location', score: 4 },
        { id: 'concept', score: 3, reason: 'Names the symptom, not the off-by-one.' },
        { id: 'fix', score: 0 },
      ],
      note: 'Solid.',
      confirm: true,
    });
    expect(res.status).toBe(200);
    const page = await detail(bug);
    expect(page.state).toBe('confirmed');
    expect(page.review).toMatchObject({ version: 1, state: 'confirmed' });
    expect(page.review.scores.concept).toMatchObject({ score: 3, reason: 'Names the symptom, not the off-by-one.' });
    expect(page.audit.map((a) => [a.action, a.criterionId, a.from, a.to])).toEqual([
      ['score', 'location', null, 4],
      ['score', 'concept', null, 3],
      ['score', 'fix', null, 0],
      ['note', null, null, null],
      ['confirm', null, null, null],
    ]);
    expect(new Set(page.audit.map((a) => a.actor)).size).toBe(1);
  });

  it('refuses a score out of range, a half-step off, an unknown or repeated criterion, changing nothing', async () => {
    const { bug } = await submitted();
    for (const criteria of [
      [{ id: 'location', score: 5 }],
      [{ id: 'location', score: -1 }],
      [{ id: 'location', score: 3.3, reason: 'x' }],
      [{ id: 'nope', score: 1 }],
      [
        { id: 'fix', score: 0 },
        { id: 'fix', score: 0 },
      ],
    ]) {
      const res = await save(bug, { version: 0, criteria, confirm: false });
      expect(res.status, JSON.stringify(criteria)).toBe(400);
    }
    expect((await detail(bug)).audit).toEqual([]);
  });

  it('refuses to confirm with a criterion unscored, naming it', async () => {
    const { bug } = await submitted();
    const res = await save(bug, { version: 0, criteria: [{ id: 'location', score: 4 }], confirm: true });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/missing: concept, fix/);
    expect((await detail(bug)).review.version).toBe(0);
  });

  it('gives a stale save 409 and keeps the first reviewer’s scores; the second sees who confirmed', async () => {
    const { bug } = await submitted();
    const all = [
      { id: 'location', score: 4 },
      { id: 'concept', score: 4 },
      { id: 'fix', score: 0 },
    ];
    expect((await save(bug, { version: 0, criteria: all, confirm: true })).status).toBe(200);
    const stale = await save(
      bug,
      { version: 0, criteria: [{ id: 'fix', score: 1, reason: 'partial' }], confirm: true },
      reviewer2,
    );
    expect(stale.status).toBe(409);
    expect(await stale.text()).toMatch(/reviewer\d+@example\.test saved this review since you opened it/);

    const seen = await detail(bug, reviewer2);
    expect(seen.review).toMatchObject({ version: 1, state: 'confirmed', scores: { fix: { score: 0 } } });
    // A later change is a new audited change, never a silent overwrite.
    const later = await save(
      bug,
      { version: 1, criteria: [{ id: 'fix', score: 1, reason: 'The fix idea is there.' }], confirm: true },
      reviewer2,
    );
    expect(later.status).toBe(200);
    const after = await detail(bug);
    expect(after.review.version).toBe(2);
    expect(after.audit.slice(-2).map((a) => [a.version, a.action, a.criterionId, a.from, a.to, a.reason])).toEqual([
      [2, 'score', 'fix', 0, 1, 'The fix idea is there.'],
      [2, 'confirm', null, null, null, null],
    ]);
    expect(after.audit[0]?.actor).not.toBe(after.audit.at(-1)?.actor);
    // The audit is the record: replaying its score changes gives the current scores.
    const replayed: Record<string, number | null> = {};
    for (const e of after.audit) if (e.action === 'score' && e.criterionId) replayed[e.criterionId] = e.to;
    expect(replayed).toEqual(Object.fromEntries(Object.entries(after.review.scores).map(([id, d]) => [id, d.score])));
  });

  it('reopens a confirmed review, and answers a save that changes nothing without a new version', async () => {
    const { bug } = await submitted();
    const all = [
      { id: 'location', score: 4 },
      { id: 'concept', score: 4 },
      { id: 'fix', score: 0 },
    ];
    await save(bug, { version: 0, criteria: all, confirm: true });
    const again = await save(bug, { version: 1, criteria: all, confirm: true });
    expect(((await again.json()) as { review: { version: number } }).review.version).toBe(1);
    const reopened = await save(bug, { version: 1, criteria: [], confirm: false });
    expect(reopened.status).toBe(200);
    const page = await detail(bug);
    expect(page.state).toBe('in_review');
    expect(page.audit.at(-1)).toMatchObject({ version: 2, action: 'reopen' });
  });

  it('takes a score for a pending LLM criterion without a reason', async () => {
    const { spec } = await submitted();
    await runJobs();
    const page = await detail(spec);
    expect(page.pregrade?.criteria.find((c) => c.id === 'judgement')).toMatchObject({ score: 0 });
    const res = await save(spec, { version: 0, criteria: [{ id: 'judgement', score: 2 }], confirm: false });
    expect(res.status).toBe(200);
  });
});

describe('anonymity', () => {
  it('shows the name once every exercise of the attempt is confirmed', async () => {
    const { spec, bug } = await submitted();
    await runJobs();
    const confirmAll = async (id: string) => {
      const page = await detail(id);
      const criteria = page.criteria.map((c) => ({
        id: c.id,
        score: page.pregrade?.criteria.find((g) => g.id === c.id)?.score ?? 0,
      }));
      const res = await save(id, { version: page.review.version, criteria, confirm: true });
      expect(res.status).toBe(200);
    };
    await confirmAll(bug);
    expect((await detail(bug)).candidate.hidden).toBe(true);
    await confirmAll(spec);
    expect((await detail(bug)).candidate).toMatchObject({ label: 'Ada Lovelace', name: 'Ada Lovelace', hidden: false });
  });

  it('can be switched off per assessment', async () => {
    const { bug } = await submitted({ anonymous: false }, 'Grace Hopper');
    expect((await detail(bug)).candidate).toMatchObject({ label: 'Grace Hopper', hidden: false });
  });
});

describe('blind mode', () => {
  it('withholds the pre-grade until this reviewer has scored every criterion, then shows it', async () => {
    const { bug, assessment } = await submitted({ blind: true });
    const before = await detail(bug);
    expect(before.pregrade).toBeNull();
    expect(before.pregradeHidden).toBe(true);
    const queue = await get(`/api/staff/submissions?assessment=${assessment}&exercise=canary-bug`, reviewer);
    expect(((await queue.json()) as { submissions: { pretotal: unknown }[] }).submissions[0]?.pretotal).toBeNull();

    // Their own first scores need no reason: they could not see the machine's.
    const partial = await save(bug, { version: 0, criteria: [{ id: 'location', score: 2 }], confirm: false });
    expect(partial.status).toBe(200);
    expect((await detail(bug)).pregradeHidden).toBe(true);
    await save(bug, {
      version: 1,
      criteria: [
        { id: 'concept', score: 4 },
        { id: 'fix', score: 1 },
      ],
      confirm: false,
    });
    const after = await detail(bug);
    expect(after.pregradeHidden).toBe(false);
    expect(after.pregrade?.total.score).toBe(8);
    // The second reviewer has scored nothing yet: still hidden for them.
    expect((await detail(bug, reviewer2)).pregradeHidden).toBe(true);
  });

  it('reveals it to a second reviewer who enters the same scores as the first', async () => {
    const { bug } = await submitted({ blind: true });
    const all = [
      { id: 'location', score: 4 },
      { id: 'concept', score: 4 },
      { id: 'fix', score: 0 },
    ];
    await save(bug, { version: 0, criteria: all, confirm: false });
    const same = await save(bug, { version: 1, criteria: all, confirm: false }, reviewer2);
    expect(((await same.json()) as { review: { version: number } }).review.version).toBe(1);
    expect((await detail(bug, reviewer2)).pregradeHidden).toBe(false);
  });
});

describe('grading again', () => {
  it('stores a new deterministic pre-grade at once and queues one job however often it is asked', async () => {
    const { spec } = await submitted();
    const jobsBefore = await jobsOf(t.db, spec);
    const first = await t.app.request(`/api/staff/submissions/${spec}/regrade`, json({}, { cookie: reviewer }));
    const second = await t.app.request(`/api/staff/submissions/${spec}/regrade`, json({}, { cookie: reviewer }));
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    const jobs = await jobsOf(t.db, spec);
    // The submit's job was still queued: it is reused.
    expect(jobs.map((j) => j.id)).toEqual(jobsBefore.map((j) => j.id));
    await runJobs();
    const third = await t.app.request(`/api/staff/submissions/${spec}/regrade`, json({}, { cookie: reviewer }));
    const { jobId } = (await third.json()) as { jobId: string };
    expect((await jobsOf(t.db, spec)).map((j) => [j.id, j.state]).at(-1)).toEqual([jobId, 'queued']);
    expect((await detail(spec)).state).toBe('grading');
  });

  it('answers 404 for an unknown submission', async () => {
    const res = await t.app.request('/api/staff/submissions/nope/regrade', json({}, { cookie: reviewer }));
    expect(res.status).toBe(404);
  });
});
