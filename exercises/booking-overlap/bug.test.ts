import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Booking, canBook, findConflicts, freeSlots } from './subject';

const at = (hhmm: string) => new Date(`2025-03-12T${hhmm}:00Z`);
const existing: Booking[] = [
  { id: 'b1', roomId: 'orion', start: at('09:00'), end: at('10:00') },
  { id: 'b2', roomId: 'orion', start: at('11:00'), end: at('12:00') },
  { id: 'b3', roomId: 'vega', start: at('10:00'), end: at('11:00') },
];

test('still detects real overlaps', () => {
  assert.deepEqual(
    findConflicts({ roomId: 'orion', start: at('09:30'), end: at('11:30') }, existing).map((b) => b.id),
    ['b1', 'b2'],
  );
  assert.equal(canBook({ roomId: 'orion', start: at('08:00'), end: at('09:01') }, existing), false);
});

test('a booking may start exactly when the previous one ends', () => {
  assert.equal(canBook({ roomId: 'orion', start: at('10:00'), end: at('10:30') }, existing), true);
});

test('a booking may end exactly when the next one starts', () => {
  assert.equal(canBook({ roomId: 'orion', start: at('10:30'), end: at('11:00') }, existing), true);
});

test('every suggested free slot can actually be booked', () => {
  const slots = freeSlots('orion', existing, at('08:00'), at('13:00'));
  assert.equal(slots.length, 3);
  for (const slot of slots) {
    assert.deepEqual(findConflicts({ roomId: 'orion', ...slot }, existing), [], JSON.stringify(slot));
  }
});
