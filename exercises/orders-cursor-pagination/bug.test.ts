// Hidden test: walking every page must return each order exactly once, in order, even when several
// orders share a created-at timestamp (bulk imports, batch jobs, millisecond collisions).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listOrders, type Order } from './subject';

const T = Date.UTC(2024, 4, 1, 9, 30);

const db: Order[] = [
  { id: 'a1', customerId: 'c1', totalCents: 1200, createdAt: T + 3000 },
  { id: 'b7', customerId: 'c1', totalCents: 500, createdAt: T + 2000 },
  { id: 'b3', customerId: 'c1', totalCents: 700, createdAt: T + 2000 },
  { id: 'b5', customerId: 'c1', totalCents: 900, createdAt: T + 2000 },
  { id: 'x1', customerId: 'c2', totalCents: 100, createdAt: T + 2000 },
  { id: 'c2', customerId: 'c1', totalCents: 300, createdAt: T + 1000 },
  { id: 'c9', customerId: 'c1', totalCents: 400, createdAt: T + 1000 },
];

function walk(limit: number): string[] {
  const seen: string[] = [];
  let cursor: string | null = null;
  for (let i = 0; i < 20; i++) {
    const page = listOrders(db, 'c1', { limit, cursor });
    seen.push(...page.orders.map((o) => o.id));
    cursor = page.nextCursor;
    if (cursor === null) return seen;
  }
  throw new Error('pagination did not terminate');
}

test('the first page is the newest orders, ties broken by id', () => {
  const page = listOrders(db, 'c1', { limit: 2 });
  assert.deepEqual(
    page.orders.map((o) => o.id),
    ['a1', 'b7'],
  );
  assert.notEqual(page.nextCursor, null);
});

test('every page size returns every order exactly once, in order', () => {
  const expected = ['a1', 'b7', 'b5', 'b3', 'c9', 'c2'];
  for (const limit of [1, 2, 3, 4, 5, 6, 10]) {
    assert.deepEqual(walk(limit), expected, `page size ${limit}`);
  }
});
