/**
 * Export and calibration through the API: the CSV and JSON carry each attempt's pre-graded and final scores
 * per exercise and criterion with lateness and review state, names only once an anonymous attempt is fully
 * reviewed; calibration compares pre-grade with confirmed scores and leaves pending LLM criteria out.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gradingRunner } from '../../server/grading/grading.js';
import { claim, complete } from '../../server/grading/jobs.js';
import { createAssessment, invite, STRONG_BUG, STRONG_SPEC, takeAttempt } from '../helpers/attempts.js';
import { csvRecords } from '../helpers/csv.js';
import { json, type TestApp, testApp } from '../helpers/test-app.js';

let t: TestApp;
let admin: string;
let assessment: string;

beforeAll(async () => {
  t = await testApp();
  admin = await t.signIn('admin');
  assessment = await createAssessment(t, admin, { name: 'Export, "quoted"' });
  // Ada: both exercises confirmed, the bug-hunt's location overridden 4 → 2. Bob: the bug-hunt submitted a
  // minute late (40-minute limit), not reviewed.
  const ada = await invite(t, admin, assessment, { name: '=Ada', email: 'ada@example.test' });
  const adaIds = await takeAttempt(t, ada.token, { spec: STRONG_SPEC, bug: STRONG_BUG });
  const bob = await invite(t, admin, assessment, { name: 'Bob', email: 'bob@example.test' });
  await takeAttempt(t, bob.token, { bug: STRONG_BUG }, []);
  t.advance(41 * 60_000);
  await t.app.request(`/api/take/${bob.token}/exercises/canary-bug/submit`, json({}));
  for (let job = await claim(t.db, t.deps.clock()); job; job = await claim(t.db, t.deps.clock())) {
    await gradingRunner(t.deps)(job);
    await complete(t.db, job.id, t.deps.clock());
  }
  const review = (id: string | undefined, body: unknown) =>
    t.app.request(`/api/staff/submissions/${id}/review`, json(body, { cookie: admin }));
  const bug = await review(adaIds['canary-bug'], {
    version: 0,
    criteria: [
      { id: 'location', score: 2, reason: 'Marked the loop, not the index.' },
      { id: 'concept', score: 4 },
      { id: 'fix', score: 0 },
    ],
    confirm: true,
  });
  expect(bug.status).toBe(200);
  const spec = await review(adaIds['canary-spec'], {
    version: 0,
    criteria: [
      { id: 'coverage', score: 4 },
      { id: 'length', score: 1 },
      { id: 'judgement', score: 2 },
    ],
    confirm: true,
  });
  expect(spec.status, await spec.clone().text()).toBe(200);
});
afterAll(() => t.close());

describe('the export', () => {
  it('answers CSV as a download with one row per attempt, exercise and criterion', async () => {
    const res = await t.app.request(`/api/staff/export?format=csv&assessment=${assessment}`, {
      headers: { cookie: admin },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /^attachment; filename="audition-scores-\d{4}-\d\d-\d\d\.csv"$/,
    );
    const rows = csvRecords(await res.text());
    // Ada: 3 + 3 criteria. Bob: the bug-hunt's 3 (his spec is not submitted: no rows).
    const ada = rows.filter((r) => r.email === 'ada@example.test');
    expect(ada).toHaveLength(6);
    const location = ada.find((r) => r.exercise_id === 'canary-bug' && r.criterion_id === 'location');
    expect(location).toMatchObject({
      assessment: 'Export, "quoted"',
      candidate: "'=Ada",
      pre_score: '4',
      final_score: '2',
      review_state: 'confirmed',
      max: '4',
      late_ms: '0',
    });
    expect(location?.reviewed_by).toMatch(/^admin\d+@example\.test$/);
    const judgement = ada.find((r) => r.criterion_id === 'judgement');
    expect(judgement).toMatchObject({ pre_score: '', pre_status: 'pending', final_score: '2' });

    const bob = rows.filter((r) => r.email !== 'ada@example.test');
    expect(bob.map((r) => r.candidate)).toEqual(bob.map(() => expect.stringMatching(/^Candidate [0-9a-f]{6}$/)));
    expect(bob.every((r) => r.email === '' && r.review_state === 'ready' && r.final_score === '')).toBe(true);
    expect(bob.map((r) => r.late_ms)).toEqual(['60000', '60000', '60000']);
  });

  it('answers JSON nested by attempt and exercise, with totals', async () => {
    const res = await t.app.request(`/api/staff/export?format=json&assessment=${assessment}`, {
      headers: { cookie: admin },
    });
    const doc = (await res.json()) as {
      attempts: {
        candidate: string;
        exercises: { exerciseId: string; total: { pre: number | null; final: number | null; max: number } }[];
      }[];
    };
    const ada = doc.attempts.find((a) => a.candidate === '=Ada');
    expect(ada?.exercises.find((e) => e.exerciseId === 'canary-bug')?.total).toEqual({ pre: 8, final: 6, max: 10 });
  });

  it('exports the audit: every review change with who, when, from, to and why', async () => {
    const res = await t.app.request(`/api/staff/export?what=audit&format=json&assessment=${assessment}`, {
      headers: { cookie: admin },
    });
    expect(res.headers.get('content-disposition')).toMatch(/filename="audition-audit-[\d-]+\.json"/);
    const { events } = (await res.json()) as { events: Record<string, unknown>[] };
    expect(events.find((e) => e.criterionId === 'location')).toMatchObject({
      candidate: '=Ada',
      exerciseId: 'canary-bug',
      version: 1,
      action: 'score',
      from: null,
      to: 2,
      reason: 'Marked the loop, not the index.',
    });
    expect(events.filter((e) => e.action === 'confirm')).toHaveLength(2);
    const csv = await t.app.request(`/api/staff/export?what=audit&assessment=${assessment}`, {
      headers: { cookie: admin },
    });
    expect(csvRecords(await csv.text())).toHaveLength(events.length);
  });

  it('refuses an unknown format with 400', async () => {
    const res = await t.app.request('/api/staff/export?format=xlsx', { headers: { cookie: admin } });
    expect(res.status).toBe(400);
  });
});

describe('calibration', () => {
  it('compares pre-grade with confirmed scores per criterion, leaving pending LLM criteria out', async () => {
    const res = await t.app.request(`/api/staff/calibration?assessment=${assessment}`, { headers: { cookie: admin } });
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      reviewed: number;
      exercises: {
        exerciseId: string;
        title: string;
        criteria: {
          criterionId: string;
          n: number;
          excludedPending: number;
          meanSignedDiff: number | null;
          matrix: number[][];
        }[];
      }[];
    };
    expect(body.reviewed).toBe(2);
    const bug = body.exercises.find((e) => e.exerciseId === 'canary-bug');
    const location = bug?.criteria.find((c) => c.criterionId === 'location');
    expect(location).toMatchObject({ n: 1, meanSignedDiff: 2 });
    expect(bug).toMatchObject({ reviewed: 1, overall: { n: 3 } });
    expect(location?.matrix[4]?.[2]).toBe(1);
    const judgement = body.exercises
      .find((e) => e.exerciseId === 'canary-spec')
      ?.criteria.find((c) => c.criterionId === 'judgement');
    expect(judgement).toMatchObject({ n: 0, excludedPending: 1 });
  });
});
