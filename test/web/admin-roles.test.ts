/** The staff roles as the Users page offers and explains them (web/src/admin-roles.ts). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_ROLE, isRole, ROLES, roleDescription } from '../../web/src/admin-roles.js';

describe('roles', () => {
  it('each role has its own one-line description', () => {
    const lines = ROLES.map(roleDescription);
    expect(new Set(lines).size).toBe(ROLES.length);
    for (const line of lines) expect(line).not.toContain('\n');
  });

  it('a new user is a reviewer unless the admin picks another role', () => {
    expect(DEFAULT_ROLE).toBe('reviewer');
  });

  it('accepts the three roles and nothing else', () => {
    expect(ROLES.filter(isRole)).toEqual(['reviewer', 'author', 'admin']);
    expect(isRole('owner')).toBe(false);
    expect(isRole('toString')).toBe(false);
  });
});
