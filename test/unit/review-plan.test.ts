/** The rules of one review save (server/review/review-plan.ts), without a database. */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../server/errors.js';
import { EMPTY_REVIEW, hasScoredAll, type PlanContext, planReview } from '../../server/review/review-plan.js';

const now = new Date('2026-11-25T10:00:00Z');
const ctx = (pre: Record<string, number> = {}, actorId = 'u1'): PlanContext => ({
  actorId,
  criteria: [
    { id: 'a', max: 4 },
    { id: 'b', max: 2 },
  ],
  visiblePreScores: new Map(Object.entries(pre)),
  now,
});

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (error instanceof ApiError) return `${error.code}: ${error.message}`;
    throw error;
  }
  throw new Error('no refusal');
}

describe('planReview', () => {
  it('takes the pre-grade’s score without a reason and needs one to change it; blank reasons do not count', () => {
    const { next, changes } = planReview(
      EMPTY_REVIEW,
      { version: 0, criteria: [{ id: 'a', score: 3 }], confirm: false },
      ctx({ a: 3 }),
    );
    expect(changes).toEqual([{ action: 'score', criterionId: 'a', from: null, to: 3, reason: null }]);
    expect(next.version).toBe(1);
    expect(
      refusal(() =>
        planReview(
          EMPTY_REVIEW,
          { version: 0, criteria: [{ id: 'a', score: 2, reason: '   ' }], confirm: false },
          ctx({ a: 3 }),
        ),
      ),
    ).toBe('bad_request: "a": give a short reason for changing the score from 3 to 2.');
  });

  it('compares with the current final score once there is one, not with the pre-grade', () => {
    const first = planReview(
      EMPTY_REVIEW,
      { version: 0, criteria: [{ id: 'a', score: 1, reason: 'weak' }], confirm: false },
      ctx({ a: 3 }),
    );
    const same = planReview(
      first.next,
      { version: 1, criteria: [{ id: 'a', score: 1 }], confirm: false },
      ctx({ a: 3 }),
    );
    expect(same.changes).toEqual([]);
    expect(same.next.version).toBe(1);
    expect(
      refusal(() =>
        planReview(first.next, { version: 1, criteria: [{ id: 'a', score: 3 }], confirm: false }, ctx({ a: 3 })),
      ),
    ).toMatch(/from 1 to 3/);
  });

  it('confirms only when every criterion has a score, and records a reopen when confirm is false', () => {
    expect(
      refusal(() => planReview(EMPTY_REVIEW, { version: 0, criteria: [{ id: 'a', score: 4 }], confirm: true }, ctx())),
    ).toBe('bad_request: Score every criterion before confirming; missing: b.');
    const confirmed = planReview(
      EMPTY_REVIEW,
      {
        version: 0,
        criteria: [
          { id: 'a', score: 4 },
          { id: 'b', score: 0.5 },
        ],
        note: ' ok ',
        confirm: true,
      },
      ctx(),
    );
    expect(confirmed.changes.map((c) => c.action)).toEqual(['score', 'score', 'note', 'confirm']);
    expect(confirmed.next).toMatchObject({ note: 'ok', confirmedBy: 'u1', confirmedAt: now });
    const reopened = planReview(confirmed.next, { version: 1, criteria: [], confirm: false }, ctx({}, 'u2'));
    expect(reopened.changes).toEqual([{ action: 'reopen' }]);
    expect(reopened.next).toMatchObject({ version: 2, confirmedBy: null, confirmedAt: null });
  });

  it('reports every problem at once, and a criterion with a problem is not also "missing"', () => {
    const message = refusal(() =>
      planReview(
        EMPTY_REVIEW,
        {
          version: 0,
          criteria: [
            { id: 'a', score: 4.25 },
            { id: 'zz', score: 1 },
          ],
          confirm: true,
        },
        ctx(),
      ),
    );
    expect(message).toBe(
      'bad_request: "a" takes a score from 0 to 4 in steps of 0.5. No criterion "zz" in this submission\'s rubric. Score every criterion before confirming; missing: b.',
    );
  });

  it('remembers who has scored what, for blind mode', () => {
    const first = planReview(EMPTY_REVIEW, { version: 0, criteria: [{ id: 'b', score: 1 }], confirm: false }, ctx());
    expect(hasScoredAll(first.next, 'u1', ctx().criteria)).toBe(false);
    const second = planReview(first.next, { version: 1, criteria: [{ id: 'a', score: 2 }], confirm: false }, ctx());
    expect(hasScoredAll(second.next, 'u1', ctx().criteria)).toBe(true);
    expect(hasScoredAll(second.next, 'u2', ctx().criteria)).toBe(false);
  });
});
