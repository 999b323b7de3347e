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
    names.rename('a', names.query('a', []).name);
    expect(names.query('a', []).name).toBeDefined();
    expect(names.query('b', [1])).toEqual({ text: 'b', values: [1] });
    expect(names.query('a', []).name).toBeDefined();
  });

  it('never gives a name twice: a renamed text gets a new one', () => {
    const names = new StatementNames();
    const before = names.query('SELECT 1', []).name;
    names.rename('SELECT 1', before);
    expect(names.query('SELECT 1', []).name).not.toBe(before);
  });

  it('renames once however many connections report the same stale name', () => {
    const names = new StatementNames();
    const stale = names.query('SELECT 1', []).name;
    names.rename('SELECT 1', stale);
    const renamed = names.query('SELECT 1', []).name;
    names.rename('SELECT 1', stale); // a second connection's report of the old name
    expect(names.query('SELECT 1', []).name).toBe(renamed);
  });

  it('draws a random prefix for each pool, so that two server processes never share a name', () => {
    const [one, other] = [new StatementNames(), new StatementNames()];
    expect(one.query('SELECT 1', []).name).not.toBe(other.query('SELECT 1', []).name);
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
