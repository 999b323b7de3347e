// Keyset ("cursor") pagination for a customer's orders, newest first.
//
// OFFSET pagination re-counts rows on every request, so an order placed while a customer is paging
// shifts every later page by one, and deep pages get slower and slower. A keyset cursor remembers where
// the previous page ended and asks only for the rows after that point: stable under inserts, and the
// database can seek straight to it.

export type Order = {
  id: string; // UUID, unique
  customerId: string;
  totalCents: number;
  createdAt: number; // Unix epoch milliseconds
};

export type Page = {
  orders: Order[];
  nextCursor: string | null;
};

export const DEFAULT_PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

export class InvalidCursorError extends Error {
  constructor() {
    super('invalid pagination cursor');
    this.name = 'InvalidCursorError';
  }
}

type CursorPayload = { createdAt: number };

// Opaque to clients: base64url of a small JSON document, so what it holds can change later.
function encodeCursor(payload: CursorPayload): string {
  return Buffer.from(JSON.stringify(payload)).toString('base64url');
}

function decodeCursor(cursor: string): CursorPayload {
  try {
    const payload = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof payload?.createdAt !== 'number') throw new Error('unexpected cursor shape');
    return payload;
  } catch {
    throw new InvalidCursorError();
  }
}

function clampLimit(requested: number | undefined): number {
  if (requested === undefined || !Number.isFinite(requested)) return DEFAULT_PAGE_SIZE;
  return Math.min(Math.max(Math.trunc(requested), 1), MAX_PAGE_SIZE);
}

// Newest first; the id breaks ties so that every request sees the same order.
function newestFirst(a: Order, b: Order): number {
  if (a.createdAt !== b.createdAt) return b.createdAt - a.createdAt;
  return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
}

/**
 * One page of a customer's orders. `db` stands in for the orders table: in production the two filters
 * and the sort are the WHERE and ORDER BY of a single indexed query with LIMIT limit + 1.
 */
export function listOrders(
  db: readonly Order[],
  customerId: string,
  options: { limit?: number; cursor?: string | null } = {},
): Page {
  const limit = clampLimit(options.limit);
  const after = options.cursor ? decodeCursor(options.cursor) : null;

  const rows = db
    .filter((o) => o.customerId === customerId)
    .filter((o) => after === null || o.createdAt < after.createdAt)
    .sort(newestFirst);

  // One extra row tells us whether another page exists, without a COUNT(*).
  const page = rows.slice(0, limit + 1);
  const hasMore = page.length > limit;
  const orders = hasMore ? page.slice(0, limit) : page;
  const last = orders.at(-1);

  return {
    orders,
    nextCursor: hasMore && last ? encodeCursor({ createdAt: last.createdAt }) : null,
  };
}
