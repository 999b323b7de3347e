/** VALUES lists for batches (db.ts): padded to the next power of two, so a statement has few texts (ADR 020). */
import { describe, expect, it } from 'vitest';
import { valuesList } from '../../server/db/db.js';

describe('valuesList', () => {
  it('numbers the parameters row by row and casts each column by its type', () => {
    expect(valuesList([['a', 1]], [null, null], ['text', 'int'])).toEqual({
      sql: '($1::text, $2::int)',
      params: ['a', 1],
    });
    expect(valuesList([['a'], ['b']], ['z'])).toEqual({ sql: '($1), ($2)', params: ['a', 'b'] });
  });

  it('pads to the next power of two with the filler, so that sizes 5 to 8 share one text', () => {
    const rows = (n: number) => Array.from({ length: n }, (_, i) => [`r${i}`]);
    const five = valuesList(rows(5), ['pad']);
    expect(five.params).toEqual(['r0', 'r1', 'r2', 'r3', 'r4', 'pad', 'pad', 'pad']);
    expect(valuesList(rows(8), ['pad']).sql).toBe(five.sql);
    expect(valuesList(rows(9), ['pad']).params).toHaveLength(16);
    expect(new Set([1, 2, 3, 4, 5, 100, 129, 200].map((n) => valuesList(rows(n), ['pad']).sql)).size).toBe(6);
  });
});
