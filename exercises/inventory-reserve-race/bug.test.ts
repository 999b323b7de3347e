import assert from 'node:assert/strict';
import { test } from 'node:test';
import { OutOfStockError, ReservationService, type StockStore } from './subject';

/** An in-memory store that, like a network store, answers each call on a later turn of the event loop. */
class SlowStore implements StockStore {
  constructor(readonly levels: Map<string, number>) {}
  private tick() {
    return new Promise<void>((resolve) => setImmediate(resolve));
  }
  async get(sku: string) {
    await this.tick();
    return this.levels.get(sku) ?? 0;
  }
  async incrBy(sku: string, delta: number) {
    await this.tick();
    const next = (this.levels.get(sku) ?? 0) + delta;
    this.levels.set(sku, next);
    return next;
  }
}

test('one at a time: reserves until stock runs out', async () => {
  const store = new SlowStore(new Map([['mug', 2]]));
  const service = new ReservationService(store, 60_000, () => 0);
  await service.reserve('mug', 1);
  await service.reserve('mug', 1);
  await assert.rejects(service.reserve('mug', 1), OutOfStockError);
  assert.equal(store.levels.get('mug'), 0);
});

test('concurrent checkouts never reserve more than is in stock', async () => {
  const store = new SlowStore(new Map([['lamp', 3]]));
  const service = new ReservationService(store, 60_000, () => 0);
  const results = await Promise.allSettled(Array.from({ length: 5 }, () => service.reserve('lamp', 1)));
  const granted = results.filter((r) => r.status === 'fulfilled').length;
  const refused = results.filter((r) => r.status === 'rejected' && r.reason instanceof OutOfStockError).length;
  assert.equal(granted, 3);
  assert.equal(refused, 2);
  assert.equal(store.levels.get('lamp'), 0);
});

test('the last unit goes to exactly one of two simultaneous buyers', async () => {
  const store = new SlowStore(new Map([['chair', 1]]));
  const service = new ReservationService(store, 60_000, () => 0);
  const results = await Promise.allSettled([service.reserve('chair', 1), service.reserve('chair', 1)]);
  assert.deepEqual(results.map((r) => r.status).sort(), ['fulfilled', 'rejected']);
  assert.equal(store.levels.get('chair'), 0);
});

test('expired holds go back on the shelf', async () => {
  let clock = 0;
  const store = new SlowStore(new Map([['desk', 2]]));
  const service = new ReservationService(store, 1_000, () => clock);
  await service.reserve('desk', 2);
  clock = 1_000;
  assert.equal(await service.releaseExpired(), 1);
  assert.equal(store.levels.get('desk'), 2);
});
