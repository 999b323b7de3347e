import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitInvoice } from './subject';

const people = (n: number) => Array.from({ length: n }, (_, i) => ({ personId: `p${i + 1}` }));
const total = (charges: { amountCents: number }[]) => charges.reduce((sum, c) => sum + c.amountCents, 0);
// The exact cents of a decimal string, without any floating-point arithmetic.
const centsOf = (euros: string) => {
  const [whole = '0', fraction = ''] = euros.split('.');
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
};

test('splits evenly divisible totals exactly', () => {
  assert.deepEqual(
    splitInvoice(90, people(3)).map((c) => c.amountCents),
    [3000, 3000, 3000],
  );
});

test('leftover cents go to the first people in the list', () => {
  assert.deepEqual(
    splitInvoice(100, people(3)).map((c) => c.amountCents),
    [3334, 3333, 3333],
  );
});

test('a single payer is charged the whole invoice', () => {
  assert.deepEqual(splitInvoice(19.99, [{ personId: 'ana' }]), [{ personId: 'ana', amountCents: 1999 }]);
});

test('the charges always add up to the invoice total', () => {
  for (const euros of ['19.99', '4.35', '1.15', '0.29', '249.90', '100.10', '0.07', '1234.56', '57.30']) {
    for (const n of [1, 2, 3, 7]) {
      assert.equal(total(splitInvoice(Number(euros), people(n))), centsOf(euros), `${euros} € between ${n}`);
    }
  }
});

test('weights are respected', () => {
  const charges = splitInvoice(4.35, [{ personId: 'a', weight: 2 }, { personId: 'b' }]);
  assert.deepEqual(
    charges.map((c) => c.amountCents),
    [290, 145],
  );
});
