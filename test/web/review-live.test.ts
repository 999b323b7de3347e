/**
 * Live state on the review pages (web/src/use-polling.ts, web/src/review-format.ts): how long to wait before
 * asking again, which failures stop asking, and how states, times and totals read.
 */
import { describe, expect, it } from 'vitest';
import { ApiFailure } from '../../web/src/api-failure.js';
import { formatDelay, pretotalText, relativeTime, stateLabel } from '../../web/src/review-format.js';
import { POLL_INTERVAL_MS, pollDelay, stopsPolling } from '../../web/src/use-polling.js';

describe('polling', () => {
  it('asks every 5 s while all is well', () => {
    expect(POLL_INTERVAL_MS).toBe(5000);
    expect(pollDelay(0)).toBe(5000);
  });

  it('after failures in a row waits 2, 4, 8, 16, then 30 s at most', () => {
    expect([1, 2, 3, 4, 5, 6, 50].map(pollDelay)).toEqual([2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000]);
  });

  it('stops for a signed-out, forbidden or missing answer, and retries the network and server errors', () => {
    const failure = (status: number) => new ApiFailure(status, 'internal', 'x');
    expect([401, 403, 404].map((s) => stopsPolling(failure(s)))).toEqual([true, true, true]);
    expect([0, 429, 500, 502, 503].map((s) => stopsPolling(failure(s)))).toEqual([false, false, false, false, false]);
  });
});

describe('how the queue reads', () => {
  const now = Date.parse('2026-11-25T10:00:00Z');
  const earlier = (ms: number) => new Date(now - ms).toISOString();

  it('says how long ago, in the largest whole unit', () => {
    expect(relativeTime(earlier(2000), now)).toBe('just now');
    expect(relativeTime(earlier(42_000), now)).toBe('42 seconds ago');
    expect(relativeTime(earlier(61_000), now)).toBe('1 minute ago');
    expect(relativeTime(earlier(3 * 3600_000 + 59_000), now)).toBe('3 hours ago');
    expect(relativeTime(earlier(3 * 86400_000), now)).toBe('3 days ago');
    expect(relativeTime(earlier(-60_000), now)).toBe('just now');
  });

  it('writes a delay the same way', () => {
    expect(formatDelay(12_400)).toBe('12 seconds');
    expect(formatDelay(180_000)).toBe('3 minutes');
    expect(formatDelay(3600_000)).toBe('1 hour');
  });

  it('names every state in words', () => {
    expect(['grading', 'grading_failed', 'ready', 'in_review', 'confirmed'].map((s) => stateLabel(s as never))).toEqual(
      ['Grading', 'Grading failed', 'Ready', 'In review', 'Confirmed'],
    );
  });

  it('shows the pre-grade total, a dash while grading, and nothing in blind mode', () => {
    expect(pretotalText({ score: 10, max: 15, pending: 5 }, false)).toBe('10 / 15 (5 points unscored)');
    expect(pretotalText({ score: 8.5, max: 10, pending: 0 }, false)).toBe('8.5 / 10');
    expect(pretotalText(null, false)).toBe('—');
    expect(pretotalText(null, true)).toBe('hidden (blind)');
  });
});
