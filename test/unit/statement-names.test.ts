/** Statement names on PostgreSQL (statement-names.ts, ADR 022): one per text, bounded, renamed when stale. */
import { describe, expect, it } from 'vitest';
import { isStaleStatement, StatementNames } from '../../server/db/statement-names.js';

describe('StatementNames', () => {
  it('gives each text its own name and keeps it', () => {
    const names = new StatementNames();
    const first = names.query('SELECT 1', []);
    expect(first).toEqual({ text: 'SELECT 1', values: [], name: expect.any(String) });
    expect(names.query('SELECT 1', [2]).name).toBe(first.name);
    expect(names.query('SELECT 2', []).name).not.toBe(first.name);
  });

  it('runs texts unnamed once `max` names are given, renames included', () => {
    const names = new StatementNames(2);
    expect(names.query('a', []).name).toBeDefined();
    names.rename('a');
    expect(names.query('a', []).name).toBeDefined();
    expect(names.query('b', [1])).toEqual({ text: 'b', values: [1] });
    expect(names.query('a', []).name).toBeDefined();
  });

  it('never gives a name twice: a renamed text gets a new one', () => {
    const names = new StatementNames();
    const before = names.query('SELECT 1', []).name;
    names.rename('SELECT 1');
    expect(names.query('SELECT 1', []).name).not.toBe(before);
  });
});

describe('isStaleStatement', () => {
  it('is true for a changed result shape and a missing statement, not for other errors of the same codes', () => {
    const error = (code: string, message: string) => Object.assign(new Error(message), { code });
    expect(isStaleStatement(error('0A000', 'cached plan must not change result type'))).toBe(true);
    expect(isStaleStatement(error('26000', 'prepared statement "audition_3" does not exist'))).toBe(true);
    expect(isStaleStatement(error('0A000', 'FOR UPDATE is not allowed with aggregate functions'))).toBe(false);
    expect(isStaleStatement(error('42P01', 'relation "x" does not exist'))).toBe(false);
    expect(isStaleStatement('not an error')).toBe(false);
  });
});
