/** A server's refusal placed next to the field it is about (web/src/admin-form-errors.ts). */
import { describe, expect, it } from 'vitest';
import { fieldMessage } from '../../web/src/admin-form-errors.js';
import { ApiFailure } from '../../web/src/api-failure.js';

const invalid = new ApiFailure(400, 'bad_request', 'Invalid json: see issues', {
  issues: [
    { path: 'email', message: 'Invalid email address' },
    { path: 'exerciseIds.1', message: 'Too long' },
    { path: 'exerciseIds.0', message: 'Too long' },
    { path: 'emailDomain', message: 'not about email' },
  ],
});

describe('validation issues go next to their field', () => {
  it('finds the issue about a field by its path', () => {
    expect(fieldMessage(invalid, 'email')).toBe('Invalid email address');
  });

  it('gathers issues about items inside a field, each message once', () => {
    expect(fieldMessage(invalid, 'exerciseIds')).toBe('Too long');
  });

  it('says nothing about a field the failure does not mention, or when there is no failure', () => {
    expect(fieldMessage(invalid, 'name')).toBeNull();
    expect(fieldMessage(new ApiFailure(409, 'conflict', 'taken'), 'email')).toBeNull();
    expect(fieldMessage(null, 'email')).toBeNull();
  });
});
