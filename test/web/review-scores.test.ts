/**
 * The review form's rules (web/src/review-scores.ts), which mirror the server's (server/review/review-plan.ts):
 * the reviewer is told what to fix next to the field before anything is sent.
 */
import { describe, expect, it } from 'vitest';
import {
  buildReview,
  defaultScoreText,
  issuesToErrors,
  parseScore,
  reasonNeeded,
  replacedScore,
  type ScoreContext,
} from '../../web/src/review-scores.js';

const criteria = [
  { id: 'location', title: 'Points at the bug', max: 4 },
  { id: 'concept', title: 'Names the concept', max: 4 },
  { id: 'mechanism', title: 'Explains mechanism', max: 5 },
];

/** A bug-hunt pre-grade: two checks scored, the LLM criterion pending; no review yet. */
const fresh: ScoreContext = { criteria, finals: {}, visiblePre: { location: 4, concept: 4 } };

describe('a score', () => {
  it.each([
    ['0', 0],
    ['3.5', 3.5],
    [' 4 ', 4],
    ['.5', 0.5],
    ['2.', 2],
  ])('"%s" reads as %d', (raw, score) => {
    expect(parseScore(raw, criteria[0] ?? { id: '', title: '', max: 0 })).toEqual({ kind: 'score', score });
  });

  it.each(['4.5', '-1', '0.25', 'abc', '1e0', '0x2', 'Infinity'])('"%s" is refused for a 4-point criterion', (raw) => {
    expect(parseScore(raw, { id: 'location', title: 'Location', max: 4 })).toEqual({
      kind: 'invalid',
      message: 'Give a score from 0 to 4 in steps of 0.5.',
    });
  });

  it('empty (or blank) is no score, not zero', () => {
    expect(parseScore('  ', { id: 'location', title: 'Location', max: 4 })).toEqual({ kind: 'empty' });
  });
});

describe('what a score replaces', () => {
  it('is the final score when there is one, else the visible pre-grade score, else nothing', () => {
    const reviewed: ScoreContext = { ...fresh, finals: { location: 2 } };
    expect(replacedScore(reviewed, 'location')).toBe(2);
    expect(replacedScore(reviewed, 'concept')).toBe(4);
    expect(replacedScore(reviewed, 'mechanism')).toBeNull();
    expect(defaultScoreText(reviewed, 'location')).toBe('2');
    expect(defaultScoreText(reviewed, 'mechanism')).toBe('');
  });

  it('asks for a reason only when the score differs from the one it replaces', () => {
    const location = criteria[0] ?? { id: '', title: '', max: 0 };
    const mechanism = criteria[2] ?? { id: '', title: '', max: 0 };
    expect(reasonNeeded(fresh, {}, location)).toBeNull();
    expect(reasonNeeded(fresh, { location: { score: '4' } }, location)).toBeNull();
    expect(reasonNeeded(fresh, { location: { score: '3' } }, location)).toEqual({ from: 4, to: 3 });
    // A pending LLM criterion has no machine score: the reviewer's own needs no reason.
    expect(reasonNeeded(fresh, { mechanism: { score: '2' } }, mechanism)).toBeNull();
    // Blind mode: the pre-grade is not visible, so it is not what a score replaces.
    const blind: ScoreContext = { ...fresh, visiblePre: {} };
    expect(reasonNeeded(blind, { location: { score: '1' } }, location)).toBeNull();
  });
});

describe('building the save', () => {
  it('sends every criterion with a score, the reason only with a changed one', () => {
    const result = buildReview(
      fresh,
      { concept: { score: '2', reason: '  Only names the symptom.  ' }, mechanism: { score: '3' } },
      { note: 'Solid.', version: 0, confirm: true },
    );
    expect(result).toEqual({
      ok: true,
      body: {
        version: 0,
        confirm: true,
        note: 'Solid.',
        criteria: [
          { id: 'location', score: 4 },
          { id: 'concept', score: 2, reason: 'Only names the symptom.' },
          { id: 'mechanism', score: 3 },
        ],
      },
    });
  });

  it('saving (not confirming) leaves an empty criterion out', () => {
    const result = buildReview(fresh, {}, { note: '', version: 3, confirm: false });
    expect(result.ok && result.body.criteria.map((c) => c.id)).toEqual(['location', 'concept']);
  });

  it('confirming without every score names the missing criteria, next to the field and in the alert', () => {
    const result = buildReview(fresh, {}, { note: '', version: 0, confirm: true });
    expect(result).toEqual({
      ok: false,
      errors: {
        criteria: { mechanism: { score: 'Score this criterion before confirming.' } },
        form: 'Score every criterion before confirming; missing: Explains mechanism.',
      },
    });
  });

  it('a changed score without a reason is stopped with the server’s rule in words', () => {
    const result = buildReview(
      fresh,
      { location: { score: '1', reason: '   ' } },
      { note: '', version: 0, confirm: false },
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        criteria: { location: { reason: 'Give a short reason for changing the score from 4 to 1.' } },
        form: 'One field needs attention before saving.',
      },
    });
  });

  it('refuses an out-of-range score, an overlong reason and an overlong note, each by its field', () => {
    const result = buildReview(
      fresh,
      { location: { score: '9' }, concept: { score: '1', reason: 'x'.repeat(501) } },
      { note: 'n'.repeat(5001), version: 0, confirm: false },
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.criteria.location?.score).toBe('Give a score from 0 to 4 in steps of 0.5.');
    expect(result.errors.criteria.concept?.reason).toBe('Keep the reason to 500 characters (it has 501).');
    expect(result.errors.note).toBe('Keep the note to 5000 characters (it has 5001).');
    expect(result.errors.form).toBe('3 fields need attention before saving.');
  });
});

describe('the server’s 400 issues, back on their fields', () => {
  it('maps "criteria.N.field" to the criterion sent at N', () => {
    const body = {
      criteria: [
        { id: 'location', score: 4 },
        { id: 'concept', score: 2 },
      ],
    };
    expect(
      issuesToErrors(body, [
        { path: 'criteria.1.reason', message: 'give a reason' },
        { path: 'criteria.0.score', message: 'out of range' },
        { path: 'confirm', message: 'score every criterion' },
      ]),
    ).toEqual({ criteria: { concept: { reason: 'give a reason' }, location: { score: 'out of range' } } });
  });
});
