/**
 * What the autosave remembers of started attempts' tokens (ADR 021): only the part that cannot change, at
 * most 10,000 tokens per database, the least recently used forgotten first.
 */
import { describe, expect, it } from 'vitest';
import type { Attempt, TokenAccess } from '../../server/db/attempts.js';
import type { Db } from '../../server/db/db.js';
import { rememberStarted, startedAccess } from '../../server/db/token-access.js';

/** Only a key for the memory: no statement runs in these tests. */
const aDatabase = () => ({}) as Db;

function access(i: number): TokenAccess & { attempt: Attempt } {
  const at = new Date('2026-12-03T10:00:00Z');
  return {
    invite: { id: `invite-${i}`, assessmentId: 'a', name: null, email: null, expiresAt: at, revokedAt: null },
    assessment: { id: 'a', name: 'A', exerciseIds: ['spec', 'bug'], minutes: 60, createdAt: at },
    attempt: {
      id: `attempt-${i}`,
      inviteId: `invite-${i}`,
      assessmentId: 'a',
      exerciseVersions: { spec: 'v1', bug: 'v2' },
      startedAt: at,
      deadlineAt: new Date('2026-12-03T11:00:00Z'),
      finishedAt: null,
    },
  } as TokenAccess & { attempt: Attempt };
}

describe('remembered started attempts', () => {
  it('keep only what cannot change after the start', () => {
    const db = aDatabase();
    rememberStarted(db, 'token-1', access(1));
    expect(startedAccess(db, 'token-1')).toEqual({
      attempt: {
        id: 'attempt-1',
        exerciseVersions: { spec: 'v1', bug: 'v2' },
        deadlineAt: new Date('2026-12-03T11:00:00Z'),
      },
      exerciseIds: ['spec', 'bug'],
    });
    expect(startedAccess(db, 'token-2')).toBeUndefined();
    expect(startedAccess(aDatabase(), 'token-1')).toBeUndefined();
  });

  it('forget the least recently used beyond 10,000 tokens', () => {
    const db = aDatabase();
    for (let i = 0; i < 10_000; i++) rememberStarted(db, `token-${i}`, access(i));
    expect(startedAccess(db, 'token-0')?.attempt.id).toBe('attempt-0');
    rememberStarted(db, 'token-10000', access(10_000));
    // token-0 was used just now, so token-1 is the least recently used.
    expect(startedAccess(db, 'token-1')).toBeUndefined();
    expect(startedAccess(db, 'token-0')?.attempt.id).toBe('attempt-0');
    expect(startedAccess(db, 'token-10000')?.attempt.id).toBe('attempt-10000');
    expect(startedAccess(db, 'token-2')?.attempt.id).toBe('attempt-2');
  });
});
