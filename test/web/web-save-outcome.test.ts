/**
 * How a failed draft save is turned into what the saver does next (web/src/exercise-sessions.ts): retry what
 * can pass, stop when the exercise is closed, hold back text the server refused.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure, type FailureCode, failureFrom } from '../../web/src/api-failure.js';
import { saveOutcomeOf } from '../../web/src/exercise-sessions.js';

const failure = (status: number, code: FailureCode, message: string) => new ApiFailure(status, code, message);

describe('bad network: failures that can pass are retried', () => {
  it.each([
    [0, 'network'],
    [408, 'unexpected_response'],
    [429, 'rate_limited'],
    [500, 'internal'],
    [502, 'unexpected_response'],
    [503, 'unexpected_response'],
  ] as const)('%i (%s) is retried with the server’s message', (status, code) => {
    expect(saveOutcomeOf(failure(status, code, `failed with ${status}`))).toEqual({
      type: 'retry',
      message: `failed with ${status}`,
    });
  });
});

describe('bad network: a busy server says how long to wait', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  const busy = (retryAfter: string | null) =>
    failureFrom(
      new Response(JSON.stringify({ error: { code: 'rate_limited', message: 'Too many saves. Wait a moment.' } }), {
        status: 429,
        headers: retryAfter === null ? {} : { 'Retry-After': retryAfter },
      }),
    );

  it('429 with Retry-After in seconds is retried no sooner than that, with the server’s message', async () => {
    expect(saveOutcomeOf(await busy('12'))).toEqual({
      type: 'retry',
      message: 'Too many saves. Wait a moment.',
      retryAfterMs: 12_000,
    });
  });

  it('429 with Retry-After as a date waits until then by this computer’s clock', async () => {
    vi.useFakeTimers({ now: Date.parse('2026-11-25T10:00:00Z') });
    const failure = await busy('Wed, 25 Nov 2026 10:00:30 GMT');
    expect(failure.details.retryAt).toEqual(new Date('2026-11-25T10:00:30Z'));
    expect(saveOutcomeOf(failure)).toMatchObject({ type: 'retry', retryAfterMs: 30_000 });
    // A date already past asks for no wait at all.
    expect(saveOutcomeOf(await busy('Wed, 25 Nov 2026 09:59:00 GMT'))).toMatchObject({ retryAfterMs: 0 });
  });

  it('429 without Retry-After, or with one that is not a time, is retried with the usual backoff', async () => {
    const message = 'Too many saves. Wait a moment.';
    expect(saveOutcomeOf(await busy(null))).toEqual({ type: 'retry', message });
    expect(saveOutcomeOf(await busy('soon'))).toEqual({ type: 'retry', message });
    expect(saveOutcomeOf(await busy('-5'))).toEqual({ type: 'retry', message });
  });
});

describe('bad input: refusals are not retried', () => {
  it('409 closes the saver: the exercise was submitted or the attempt finished', () => {
    expect(saveOutcomeOf(failure(409, 'conflict', 'This exercise was already submitted.'))).toEqual({
      type: 'closed',
      message: 'This exercise was already submitted.',
    });
  });

  it.each([
    [413, 'payload_too_large'],
    [400, 'bad_request'],
    [404, 'not_found'],
  ] as const)('%i (%s) rejects that text until it changes', (status, code) => {
    expect(saveOutcomeOf(failure(status, code, `refused with ${status}`))).toEqual({
      type: 'rejected',
      message: `refused with ${status}`,
    });
  });
});
