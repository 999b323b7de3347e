/**
 * How a failed draft save is turned into what the saver does next (web/src/exercise-sessions.ts): retry what
 * can pass, stop when the exercise is closed, hold back text the server refused.
 */
import { describe, expect, it } from 'vitest';
import { ApiFailure, type FailureCode } from '../../web/src/api-failure.js';
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
