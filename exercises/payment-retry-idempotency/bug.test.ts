// Hidden test: a fake payment provider that de-duplicates by idempotency key, as real providers do. The
// first attempt commits the charge but the response is lost (a timeout); the retry must not charge again.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Charge, type ChargeRequest, chargeWithRetry, PaymentError, type PaymentClient } from './subject';

class FakeProvider implements PaymentClient {
  readonly charges: Charge[] = [];
  readonly keysSeen: string[] = [];
  private readonly byKey = new Map<string, Charge>();
  private calls = 0;

  constructor(private readonly script: ('commit-then-timeout' | 'unavailable' | 'ok' | 'decline')[]) {}

  async charge(request: ChargeRequest, options: { idempotencyKey: string; timeoutMs: number }): Promise<Charge> {
    const step = this.script[this.calls++] ?? 'ok';
    this.keysSeen.push(options.idempotencyKey);
    if (step === 'unavailable') throw new PaymentError('unavailable', '503 from provider');
    if (step === 'decline') throw new PaymentError('card_declined', 'insufficient funds');
    const replay = this.byKey.get(options.idempotencyKey);
    let charge = replay;
    if (!charge) {
      charge = { id: `ch_${this.charges.length + 1}`, amountCents: request.amountCents, currency: request.currency, status: 'succeeded' };
      this.charges.push(charge);
      this.byKey.set(options.idempotencyKey, charge);
    }
    if (step === 'commit-then-timeout') throw new PaymentError('timeout', 'no response within the timeout');
    return charge;
  }
}

const request: ChargeRequest = { orderId: 'ord_42', customerId: 'cus_7', amountCents: 4999, currency: 'EUR' };
const noWait = { sleep: async () => {}, random: () => 0.5 };

test('a timeout after the provider committed does not charge the card twice', async () => {
  const provider = new FakeProvider(['commit-then-timeout', 'ok']);
  const charge = await chargeWithRetry(provider, request, noWait);
  assert.equal(provider.charges.length, 1, 'the customer was charged more than once');
  assert.equal(charge.id, provider.charges[0]?.id);
});

test('every attempt for one charge carries the same idempotency key', async () => {
  const provider = new FakeProvider(['unavailable', 'commit-then-timeout', 'ok']);
  await chargeWithRetry(provider, request, noWait);
  assert.equal(provider.keysSeen.length, 3);
  assert.equal(new Set(provider.keysSeen).size, 1);
  assert.equal(provider.charges.length, 1);
});

test('separate charges get separate keys', async () => {
  const provider = new FakeProvider(['ok', 'ok']);
  await chargeWithRetry(provider, request, noWait);
  await chargeWithRetry(provider, { ...request, orderId: 'ord_43' }, noWait);
  assert.equal(new Set(provider.keysSeen).size, 2);
  assert.equal(provider.charges.length, 2);
});

test('declines are not retried', async () => {
  const provider = new FakeProvider(['decline', 'ok']);
  await assert.rejects(chargeWithRetry(provider, request, noWait), { code: 'card_declined' });
  assert.equal(provider.keysSeen.length, 1);
});
