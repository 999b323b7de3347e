/**
 * How the admin pages word an assessment's progress (web/src/admin-format.ts): lateness, counts by state,
 * submitted n/m, and what an invite's link still does.
 */
import { describe, expect, it } from 'vitest';
import {
  candidateLabel,
  formatLate,
  formatSubmitted,
  linkStanding,
  newestFirst,
  stateCounts,
} from '../../web/src/admin-format.js';

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe('lateness reads like "3 min late"', () => {
  it.each([
    [3 * MINUTE, '3 min late'],
    [3 * MINUTE + 20 * SECOND, '3 min late'],
    [2 * MINUTE + 40 * SECOND, '3 min late'],
    [12 * SECOND, '12 s late'],
    [59 * SECOND, '59 s late'],
    [59.6 * SECOND, '1 min late'],
    [59 * MINUTE + 40 * SECOND, '1 h late'],
    [HOUR + 5 * MINUTE, '1 h 5 min late'],
    [26 * HOUR, '1 d 2 h late'],
    [48 * HOUR, '2 d late'],
  ])('%i ms is "%s"', (ms, text) => {
    expect(formatLate(ms)).toBe(text);
  });

  it('a delay under half a second is still late: "1 s late"', () => {
    expect(formatLate(120)).toBe('1 s late');
  });

  it('nothing late, or a nonsensical delay, says nothing', () => {
    expect(formatLate(0)).toBeNull();
    expect(formatLate(-5 * SECOND)).toBeNull();
    expect(formatLate(Number.NaN)).toBeNull();
  });
});

describe('counts by state', () => {
  it('lists only states that have attempts, in the order attempts move through them', () => {
    expect(stateCounts({ reviewed: 1, invited: 2, started: 0, graded: 3, submitted: 0 })).toEqual([
      { state: 'invited', count: 2 },
      { state: 'graded', count: 3 },
      { state: 'reviewed', count: 1 },
    ]);
  });

  it('an assessment nobody is invited to has no counts', () => {
    expect(stateCounts({ invited: 0, started: 0, submitted: 0, graded: 0, reviewed: 0 })).toEqual([]);
    expect(stateCounts({})).toEqual([]);
  });
});

describe('submitted n/m', () => {
  it('counts out of the attempt’s exercises once it started', () => {
    expect(formatSubmitted({ submitted: 1, exercises: 3 }, 2)).toBe('1/3');
  });

  it('an invite not yet started counts out of the assessment’s exercises', () => {
    expect(formatSubmitted({ submitted: 0, exercises: 0 }, 2)).toBe('0/2');
  });
});

describe('an invite’s link', () => {
  it('revoked wins over expired: the link never works again', () => {
    expect(linkStanding({ revokedAt: '2026-03-02T09:00:00.000Z', expired: true })).toBe('revoked');
    expect(linkStanding({ revokedAt: '2026-03-02T09:00:00.000Z', expired: false })).toBe('revoked');
  });

  it('an expired link says so; otherwise it is open', () => {
    expect(linkStanding({ revokedAt: null, expired: true })).toBe('expired');
    expect(linkStanding({ revokedAt: null, expired: false })).toBe('open');
  });

  it('names the candidate by name, else email, else says there is none', () => {
    expect(candidateLabel({ name: 'Ada', email: 'ada@example.com' })).toBe('Ada');
    expect(candidateLabel({ name: null, email: 'ada@example.com' })).toBe('ada@example.com');
    expect(candidateLabel({ name: null, email: null })).toBe('Unnamed candidate');
  });
});

describe('newest first', () => {
  it('orders by creation time, latest on top, without changing the list given', () => {
    const items = [
      { id: 'old', createdAt: '2026-03-01T09:00:00.000Z' },
      { id: 'new', createdAt: '2026-03-03T09:00:00.000Z' },
      { id: 'mid', createdAt: '2026-03-02T09:00:00.000Z' },
    ];
    expect(newestFirst(items).map((i) => i.id)).toEqual(['new', 'mid', 'old']);
    expect(items.map((i) => i.id)).toEqual(['old', 'new', 'mid']);
  });
});
