import assert from 'node:assert/strict';
import { test } from 'node:test';
import { nextReminders } from './subject';

// Explicit instants and Intl with explicit zones only: the result must not depend on the machine's TZ.
const iso = (dates: Date[]) => dates.map((d) => d.toISOString());
const wallClock = (d: Date, timeZone: string) =>
  new Intl.DateTimeFormat('en-GB', { timeZone, hourCycle: 'h23', hour: '2-digit', minute: '2-digit' }).format(d);

test('a week without a clock change: one reminder a day at the chosen time', () => {
  const got = nextReminders({ timeZone: 'Europe/Berlin', time: '09:00' }, new Date('2024-06-10T06:00:00Z'), 3);
  assert.deepEqual(iso(got), ['2024-06-10T07:00:00.000Z', '2024-06-11T07:00:00.000Z', '2024-06-12T07:00:00.000Z']);
});

test('Berlin spring forward (31 March 2024): still 09:00 local on both sides', () => {
  const got = nextReminders({ timeZone: 'Europe/Berlin', time: '09:00' }, new Date('2024-03-29T12:00:00Z'), 4);
  assert.deepEqual(iso(got), [
    '2024-03-30T08:00:00.000Z',
    '2024-03-31T07:00:00.000Z',
    '2024-04-01T07:00:00.000Z',
    '2024-04-02T07:00:00.000Z',
  ]);
  for (const d of got) assert.equal(wallClock(d, 'Europe/Berlin'), '09:00');
});

test('New York fall back (3 November 2024): still 07:30 local on both sides', () => {
  const got = nextReminders({ timeZone: 'America/New_York', time: '07:30' }, new Date('2024-11-01T15:00:00Z'), 3);
  assert.deepEqual(iso(got), ['2024-11-02T11:30:00.000Z', '2024-11-03T12:30:00.000Z', '2024-11-04T12:30:00.000Z']);
  for (const d of got) assert.equal(wallClock(d, 'America/New_York'), '07:30');
});

test('Sydney (southern hemisphere, DST ends 7 April 2024)', () => {
  const got = nextReminders({ timeZone: 'Australia/Sydney', time: '18:15' }, new Date('2024-04-05T10:00:00Z'), 4);
  for (const d of got) assert.equal(wallClock(d, 'Australia/Sydney'), '18:15');
  assert.equal(got[0]?.toISOString(), '2024-04-06T07:15:00.000Z');
  assert.equal(got[3]?.toISOString(), '2024-04-09T08:15:00.000Z');
});
