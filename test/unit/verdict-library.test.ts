/**
 * Every bug-hunt exercise of the library (exercises/) and of the fixtures, graded with the deterministic
 * checks: each example gets the verdict it declares and a total within its declared range. Then plain-words
 * explanations, written to differ from the keys' patterns, hunt for correct answers the keys would miss
 * (recall), and plausible wrong explanations check that the keys do not fire on them (precision).
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type BugHuntExercise, loadLibrary } from '../../server/content/library.js';
import { bugConcepts } from '../../server/grading/checks/bug-concepts.js';
import { bugLocation } from '../../server/grading/checks/bug-location.js';
import { fix } from '../../server/grading/checks/fix.js';
import type { CheckResult } from '../../server/grading/types.js';
import {
  type BugHuntSubmission,
  type BugLocationCheck,
  bugFound,
  namedConcepts,
} from '../../server/grading/verdict.js';

const REPO = join(import.meta.dirname, '..', '..');
const ROOTS = [
  { name: 'the library', root: REPO },
  { name: 'the fixtures', root: join(REPO, 'test', 'fixtures', 'content') },
];

function bugHunts(root: string) {
  return loadLibrary(root).exercises.filter((entry) => entry.kind === 'bug-hunt');
}

function locationCheckOf(exercise: BugHuntExercise): BugLocationCheck {
  for (const { check } of exercise.rubric.criteria) if (check?.type === 'bug-location') return check;
  throw new Error(`${exercise.id}: its rubric has no bug-location criterion`);
}

/** The deterministic part of a bug-hunt pre-grade: each check criterion's score, and the verdict. */
function grade(exercise: BugHuntExercise, submission: BugHuntSubmission) {
  const scores: Record<string, number> = {};
  for (const criterion of exercise.rubric.criteria) {
    const { check } = criterion;
    if (!check) continue;
    let result: CheckResult;
    switch (check.type) {
      case 'bug-location':
        result = bugLocation({ exercise, criterion: { ...criterion, check }, submission });
        break;
      case 'bug-concepts':
        result = bugConcepts({ exercise, criterion: { ...criterion, check }, submission });
        break;
      case 'fix':
        result = fix({ exercise, criterion: { ...criterion, check }, submission });
        break;
      default:
        throw new Error(`${exercise.id}: a bug-hunt rubric with a ${check.type} check`);
    }
    scores[criterion.id] = result.score;
  }
  const total = Object.values(scores).reduce((sum, s) => sum + s, 0);
  return { scores, total, bugFound: bugFound(exercise, submission, locationCheckOf(exercise)) };
}

describe.each(ROOTS)('the bug-hunt examples of $name', ({ root }) => {
  const entries = bugHunts(root);

  it('has bug-hunt exercises, each loading without problems', () => {
    expect(entries.length).toBeGreaterThan(0);
    expect(entries.map((e) => [e.id, e.problems])).toEqual(entries.map((e) => [e.id, []]));
  });

  const cases = entries.flatMap(({ exercise }) =>
    exercise?.kind === 'bug-hunt' ? exercise.examples.map(({ file, example }) => ({ file, exercise, example })) : [],
  );
  it.each(cases)('$file gets its declared verdict and a total in its declared range', ({ exercise, example }) => {
    const { submission, expect: declared } = example;
    if (submission.kind !== 'bug-hunt') throw new Error('loadLibrary keeps only bug-hunt examples here');
    const graded = grade(exercise, submission);
    expect(graded.bugFound).toBe(declared.bugFound);
    expect(graded.total).toBeGreaterThanOrEqual(declared.score.min);
    expect(graded.total).toBeLessThanOrEqual(declared.score.max);
    for (const [id, range] of Object.entries(declared.criteria)) {
      expect(graded.scores[id], id).toBeGreaterThanOrEqual(range.min);
      expect(graded.scores[id], id).toBeLessThanOrEqual(range.max);
    }
  });
});

type Phrasing = { exercise: string; lines: [number, number][]; explanation: string };

/** Correct explanations in plain words that the keys recognise. */
const FOUND: Phrasing[] = [
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'The check treats the minute a meeting finishes as still taken. So the 2pm slot right after a 1pm-2pm meeting is refused. Drop the equals sign on both comparisons.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      "The spread only duplicates the top object. limits, features and allowedOrigins are still the very objects that live in DEFAULTS, so Object.assign writes into DEFAULTS and every tenant resolved afterwards starts from the previous tenant's settings.",
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation:
      "Adding a day's worth of milliseconds for each following reminder only works when the day really lasts that long. On the night the clocks go forward in spring the later reminders come at 10:00 instead of 9:00.",
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation:
      'After the switch to summer time in March every reminder except the first arrives an hour late, because the loop steps in UTC and ignores that Berlin moves from UTC+1 to UTC+2.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'Two checkouts for the last item can both read 1 before either one subtracts; both pass the check and both take the item, so we sell something we do not have.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'Reading the stock and writing it back are two separate round trips to Redis with an await between them, so another request can sneak in between the get and the incrBy. Take the units first and give them back if the result is below zero.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      '19.99 * 100 in JavaScript is 1998.9999999999998, and Math.floor turns that into 1998, so the invoice is split as if it were 19.98.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      'The euro amount is a double, and multiplying by 100 gives something like 28.999999 instead of 29; floor then throws away almost a whole cent. It has to round instead.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      'Going from euros to cents with floor is wrong because the multiplication is not exact; the people sharing the bill pay a cent less in total than the invoice says.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'Several orders can have exactly the same createdAt, for example when they are imported together. When a page ends on one of them, the next page asks for createdAt < that value and the remaining orders with that time are skipped forever.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'The cursor only remembers the time of the last order, not which order it was. If two orders were created in the same millisecond and the page ends between them, the second one never shows up.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'Filtering on createdAt < cursor loses rows whose createdAt equals the cursor but that were not on the previous page. The cursor has to carry the id as well, and compare by time and then by id.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'randomUUID() is called inside the for loop, so every retry goes out with a different idempotency key and the provider cannot tell it is the same payment. If the first request went through but timed out on our side, the customer pays twice.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'The idempotency key is created again at the start of every attempt. Create it once before the loop and send that one with all attempts, otherwise the provider sees each retry as a new charge.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      'The CEO has no manager, so the subquery returns a NULL among the manager ids, and `id NOT IN (..., NULL)` is never true, which means the query comes back with no rows.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      'The person at the top has manager_id NULL. With that NULL in the list, the NOT IN test is not true for anyone, so not a single individual contributor is listed. Use NOT EXISTS instead.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      'Because someone in current_employees has no manager, the comparison against their empty manager_id is never true, and the report is empty. Add WHERE manager_id IS NOT NULL to the subquery.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      'Two people can get usernames that look identical on screen but have different keys, because the key only lowercases: a name typed with the wide letters of a Japanese keyboard is not turned into ordinary letters.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      'The key should first turn special forms of letters (the fi ligature, wide letters, superscripts) into plain letters and then compare without case; lower() alone lets two names that read the same both be registered.',
  },
];

/**
 * Correct explanations the keys used to miss (they were `it.fails` cases reported to the key authors);
 * each key has since gained patterns for the idea behind them, not for the sentence.
 */
const FORMERLY_MISSED: Phrasing[] = [
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'If one meeting runs from 9 to 10 and someone wants the room from 10 to 11, this says the two collide, but they do not: the first group has left by 10. The comparison must not count the finishing time itself.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'A booking that ends at noon and one that starts at noon share no time at all, yet this function says they overlap, so nobody can ever book the room straight after someone else.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      'After resolving an enterprise tenant with sso turned on, the next starter tenant also comes back with sso on, because config.features is the features object of DEFAULTS itself and not a fresh one.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      "Copying DEFAULTS with ... keeps the nested limits, features and origins list as references instead of making new ones. Each call then edits them in place, so one customer's extra origin ends up allowed for every customer until a restart.",
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation:
      "The reminders are spaced by a constant amount of time rather than by calendar days in the user's zone, so once the zone changes its offset in autumn the user gets the message at 8 instead of 9 for the rest of the batch.",
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'Under load, requests run at once and each sees the same stock number; the stock can end at -3 and customers get confirmations for products that are gone.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'If the charge succeeds at Stripe but our call times out, we retry with a brand new key, and Stripe happily creates another charge for the same order.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      'Lowercasing is not how you compare names without regard to case: the German letter that becomes SS in capitals stays as it is, so the two spellings of the same street name get two different keys.',
  },
  // The patterns added or narrowed after the second blind batch (test/fixtures/blind-explanations-2.yaml),
  // each in other sentences than the batch's own.
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation: 'Classic floating point: 4.35 euros times 100 is not 435, and flooring it charges 434 cents.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation: 'Line 35 has a floating-point issue, Math.round would fix it.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'A batch of orders imported with the same timestamp cannot be told apart by the next-page token; it needs a unique value such as the order id as well.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[83, 83]],
    explanation:
      'Many purchases can be recorded at the very same second. The continuation marker should carry the primary key too, otherwise the ones after the page break are gone.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[34, 35]],
    explanation:
      "Each tenant's seat count and feature toggles get written back into the default settings object, so the base configuration is permanently altered for the rest of the process.",
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'The request identifier we send to the provider has to remain identical for all tries of one payment; here every pass of the loop makes up a new one.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      'JavaScript numbers hold 4.35 only approximately, and Math.floor cuts it down to 434 cents when it should round.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      'The owner has an empty manager column, so the subquery holds a missing value and the outer filter cannot decide for anybody.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'When two customer reserve in same time, the second one read the old number before the first one subtract.',
  },
];

/**
 * More correct answers per exercise, in the voices a reviewer meets: a developer naming the mechanism, a
 * tester describing only the symptom, a terse one-liner, a non-native speaker. Part of them were written
 * blind, before the patterns they needed existed, and made the keys grow.
 */
const MORE_FOUND: Phrasing[] = [
  // booking-overlap
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'overlaps() uses <= on both sides, so an interval that ends at t and another that starts at t count as overlapping. For a room the end is the moment it becomes free again; the check should be aStart < bEnd && bStart < aEnd.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'Booked the small room 9-10, then tried to book it 10-11: rejected as a clash. Same when I book just before an existing meeting. Meetings that follow each other without a gap should be allowed.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation: 'A meeting that ends at 10 blocks the one that starts at 10.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'When one reservation finish at 11h and the other reservation begin at 11h, the function say they are in conflict, but it is not true, the room is already empty at 11h. The equal in the comparison is the problem.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'Line 39 counts two bookings as colliding when they only meet at the edge: the first one stops at the exact minute the second one begins. Use a strict comparison there, the freeSlots code already does.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'The overlap test uses inclusive bounds, so a 10:00-11:00 request is refused when someone already has 11:00-12:00.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      "QA note: a room can never be booked directly after another meeting ends; the system says 'conflict' every time the new start equals the old end.",
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      'Ending time should not belong to the booking. With <= the last instant is counted and two meetings in a row is a conflict.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation:
      "If I have the room until 15:30, my colleague can't reserve it from 15:30: the code thinks we overlap by zero minutes.",
  },
  {
    exercise: 'booking-overlap',
    lines: [[39, 39]],
    explanation: 'Conflict detection is too strict at the edges: end == start counts as a clash.',
  },
  // config-defaults-shared
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      'After the spread, config.limits === DEFAULTS.limits, so the Object.assign on line 34 edits the defaults for real. Build fresh nested objects for every call.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      'Repro: resolve tenant A (enterprise, 250 seats, sso), then tenant B with no overrides at all. B shows 250 seats and SSO. Restarting the server fixes it until A is resolved again.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation: "Spread isn't deep; the nested defaults get mutated.",
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      'The copy with three dots copy only first level. Limits and features are same objects like in DEFAULTS, so when you do Object.assign you change DEFAULTS for all the next tenants.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      'Every tenant you resolve writes its overrides into the one DEFAULTS constant, because the copy on line 31 only duplicates the outer shell. Settings pile up from tenant to tenant over time.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      "resolveTenantConfig hands out the DEFAULTS sub-objects themselves; Object.assign and push then write tenant data into them, so whatever the last enterprise tenant set becomes everybody's default.",
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      'Support ticket: a starter tenant suddenly has audit logging and 250 seats. It only happens after an enterprise tenant was loaded on the same server.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation: 'nested objects are not cloned -> defaults polluted',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      "`{ ...DEFAULTS }` doesn't protect DEFAULTS.features from Object.assign: the assign goes through the copied reference and flips sso on the real defaults.",
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[31, 39]],
    explanation:
      "Our staging showed tenant X's CORS origin accepted for tenant Y. The allowedOrigins array is the same array for all tenants and push() adds to it permanently.",
  },
  // dst-daily-reminder
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation:
      "Line 84 adds i * 24h in UTC. That is 'the same local time tomorrow' only while the offset stays put; across a DST switch it does not. Call zonedTimeToUtc(addDays(day, i), ...) for each reminder.",
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation:
      'Set a reminder for 07:00 Europe/Berlin on 28 March. Got 07:00 on the 29th, then 08:00 on the 30th and 31st. After the time change the push arrives one hour later every day.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation: 'Wrong after the time change: 9:00 turns into 10:00.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation:
      'In Germany in march the clock is put one hour forward, then this day have only 23 hours. The code always add 24 hours so the reminder come at 10 and not at 9.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation:
      'The loop adds the same number of milliseconds every time, but twice a year a local day is an hour shorter or longer, so the later reminders stop matching the time the user picked.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation:
      'Across the March or October transition the schedule slips by an hour, because 24*60*60*1000 ms is not one calendar day in Europe/Berlin on those dates.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation: 'User in Berlin, reminder at 09:00. On the Monday after the clocks went back, the app pinged me at 8.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation: 'The loop should step local dates and convert each one; adding milliseconds ignores offset changes.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation: 'Local 9am tomorrow != now + 86400000 ms in a zone with daylight saving.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[84, 84]],
    explanation: 'The reminders are correct until the last Sunday of March, then they come an hour late.',
  },
  // inventory-reserve-race
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'get and incrBy are two separate calls with an await between them, so the availability check runs on a number that may already be outdated when we decrement. Decrement first and decide on the returned value.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      "Flash sale test: 50 users hit 'buy' on a SKU with 10 in stock. 14 got a reservation and Redis showed -4 afterwards.",
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation: 'Get, then incrBy: two checkouts can both pass the check.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'If two person make reserve in same moment, both of them read the same quantity before somebody decrease it, so we give more products that we have.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'Nothing stops a second request from running between the read and the decrement, for example while the first one is still waiting on Redis.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'Between reading the stock and decrementing it, a parallel checkout can read the same value; the check and the decrement have to be one atomic Redis operation.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation: 'In the flash sale we oversold: 3 customers got confirmations for the last 2 units.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'The availability check and the INCRBY are not one operation, so two reservations can interleave and both succeed.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      'With concurrent reserve() calls for the same SKU, both awaits can return the same stock before either incrBy runs, so the stock goes below zero.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 44]],
    explanation:
      "Flash sale means lots of simultaneous reserves; get/check/incrBy isn't protected, you will sell more than you have.",
  },
  // invoice-split-money
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      "totalEuros * 100 isn't an integer for many inputs (0.29 * 100 === 28.999999999999996), and Math.floor then loses a cent. Use Math.round.",
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      'Invoice of 4.35 EUR split between 2 people: the charges were 217 and 217 cents, 4.34 EUR in total. Finance sees a 1-cent difference on about a third of invoices.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation: 'Math.floor after * 100 can drop a cent; round it.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      'The multiplication with 100 give not exact number, like 1998.99999, and floor cut it to 1998, so we charge one cent less than the invoice.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      "Binary doubles can't hold 19.99 exactly, so flooring the product comes out a cent low and the charges no longer match the invoice.",
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      'Multiplying 0.29 by 100 yields 28.999999999999996 because of binary floating point; floor turns it into 28.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation: 'Tested with a 19.99 invoice for three people: 666 + 666 + 666 = 1998, one cent missing.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      'The conversion to cents should round, not floor, since the float product can fall just below the integer.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation:
      'For 0.07 you get 7.000000000000001, which is fine, but for 0.29 you get 28.999999999999996 and the floor makes it 28 cents.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[35, 35]],
    explanation: 'Float math: euros*100 is not always whole; flooring loses a cent sometimes.',
  },
  // orders-cursor-pagination
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'The filter only looks at createdAt, and createdAt can repeat. A page that ends inside a run of equal timestamps loses the rest of that run. Put (createdAt, id) in the cursor and compare both.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'We imported 60 orders for one customer from a CSV; they all got the same creation timestamp. Paging 25 at a time I only ever see 25 of them, the other 35 never appear.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation: 'Cursor is just createdAt; ties at the page edge get skipped.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'When many orders have same createdAt and the page finish between them, the next page start after this time and the others orders with this time are lost, never returned.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'Two orders in the same millisecond with the page boundary between them: the second one is gone for good.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      "Rows whose createdAt equals the cursor value are excluded even if they weren't on the previous page; with bulk-created orders you lose data between pages.",
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'Tester: customer with 30 orders all created at 2024-05-01T10:00:00.000Z. Page 1 shows 25, page 2 is empty.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation: 'need id in cursor as tie breaker, createdAt alone is ambiguous',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      "If 26 orders share the same createdAt, page 1 returns 25 and page 2 never returns the 26th, since it's not strictly older.",
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'The next-page query compares only timestamps, so equal timestamps at the cut are dropped; the cursor must include the id.',
  },
  // payment-retry-idempotency
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'idempotencyKey is declared inside the loop body, so attempts 2 to 4 each use a different key. Declare it once above the for loop.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'We simulated a provider that charges the card and then drops the connection. chargeWithRetry retried and the test customer had two identical charges on their statement.',
  },
  { exercise: 'payment-retry-idempotency', lines: [[66, 66]], explanation: 'randomUUID() belongs before the loop.' },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'Each time when it try again it make a new key, so for the provider it is other payment and the client pay two times.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'The provider only dedupes requests that reuse a key; with a new one on each loop pass, a charge that timed out on our side but succeeded on theirs is made again.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'Because the Idempotency-Key is regenerated per attempt, the provider treats each retry as a separate charge, and a timeout that actually succeeded becomes a double charge.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      "In staging, when we injected a timeout after the provider accepted the payment, the customer's card was debited twice.",
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation: 'Generate the key once outside the loop; otherwise idempotency is useless.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'A retry must reuse the original idempotency key; here each attempt mints its own UUID, so a timed-out-but-successful charge gets duplicated.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation: 'Customer got charged 2x during the 503 incident.',
  },
  // report-not-in-nulls
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      "NOT IN with a subquery that can return NULL is a classic trap: the CEO's manager_id is NULL, so `id NOT IN (...)` is NULL for every row. Use NOT EXISTS.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      'Ran it against production: the CSV only has the header line. On the staging database, which has no CEO row, it lists 40 people.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation: 'Subquery yields a NULL manager_id, so NOT IN is never true.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      'The boss has not manager, so in the list there is one null, and with null inside the NOT IN nobody is selected. The result is empty.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      "One person in current_employees has no manager, and a single missing value in that list makes the 'not one of these' test fail for everyone, so the report has no rows.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      'Since the CEO row has manager_id = NULL, the NOT IN subquery contains NULL and the WHERE clause evaluates to NULL for everyone: empty report.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation: 'The output of the script is an empty ics.csv except for the header.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation: 'x NOT IN (a list with a null) is never true in SQL. Use NOT EXISTS or filter out null manager ids.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation:
      'Because NULL <> anything is unknown, one NULL in the manager list makes the NOT IN filter reject every row.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 39]],
    explanation: 'The report was empty when I ran it on our data.',
  },
  // username-unicode-compare
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      "Python's lower() is a simple case mapping, so 'Straße' and 'STRASSE' get different keys; and NFC keeps fullwidth letters apart from ASCII ones. Use NFKC and casefold().",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      "I registered 'admin' and then 'ａｄｍｉｎ' typed with the Japanese IME: both accounts were created and they look identical in the forum list.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation: 'username_key should use casefold(), not lower().',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      "Function lower not make the same key for names which are the same for humans, for example german 'straße' and 'STRASSE' or the japanese wide letters.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      'Only lowercasing the name is too weak: letters whose capital form is two letters, and the wide variants of normal letters, slip through as new names.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      "Names that differ only in ways Unicode calls compatibility-equivalent (ﬀ vs ff, superscript ² vs 2) get different keys; NFC won't merge them, NFKC would.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation: "Registered 'Strasse' and then 'Straße': both were accepted as separate accounts.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation: "lower() doesn't do full case folding: Greek final sigma and German ß break it.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation: "'ＡＤＭＩＮ' and 'admin' would both be allowed because NFC doesn't fold fullwidth forms.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation: "Use str.casefold(): lower() maps 'ß' to itself, while upper() gives 'SS'.",
  },
];

/**
 * Plausible wrong explanations, marked where their author would mark them: other lines or causes, a
 * different bug class, style remarks, "looks fine". None may name a key concept, so each is also graded as
 * if it had been marked on the bug's own lines: the explanation alone must keep the verdict false.
 */
const WRONG: Phrasing[] = [
  // booking-overlap
  {
    exercise: 'booking-overlap',
    lines: [[31, 31]],
    explanation:
      'validateRequest rejects a booking whose duration is exactly zero with `durationMs <= 0`, but the check should be `< 0`: zero-length placeholders are legitimate holds in our calendar.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[48, 48]],
    explanation:
      "findConflicts skips a booking only when cancelled is exactly true, but rows loaded from the database can have cancelled: null or the string 'false', and those get compared wrongly. Coerce it with Boolean() first.",
  },
  {
    exercise: 'booking-overlap',
    lines: [[63, 63]],
    explanation:
      'freeSlots compares Date objects directly with < and >, which compares them as strings in some engines. Everything should go through getTime() like findConflicts does.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[45, 46]],
    explanation:
      'The requested times are not converted to the office time zone: a request for 10:00 sent from a laptop in New York is compared with bookings stored in UTC, so the conflicts are computed for the wrong hour.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[38, 40]],
    explanation:
      'overlaps() only checks whether each interval starts before the other one ends, which misses the case where one booking lies completely inside the other. Add a containment check.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[1, 76]],
    explanation:
      'Looks fine to me overall. I would rename overlaps() to intervalsIntersect and add JSDoc for its four parameters, which are hard to tell apart.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[61, 75]],
    explanation:
      'freeSlots is too long and minMinutes = 15 is a magic number; cursor is a confusing name. Extract the busy filter into its own function and make the minimum gap a named constant.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[43, 49]],
    explanation: "findConflicts doesn't check that request.roomId exists; booking a room that does not exist succeeds.",
  },
  {
    exercise: 'booking-overlap',
    lines: [[53, 55]],
    explanation:
      'canBook calls validateRequest through findConflicts, so an invalid request throws instead of returning false; canBook should catch the error.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[64, 64]],
    explanation: 'The sort in freeSlots subtracts getTime() values, which can overflow for dates far in the future.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[63, 63]],
    explanation: 'freeSlots treats a booking that ends exactly at `from` as busy and returns one slot too few.',
  },
  {
    exercise: 'booking-overlap',
    lines: [[48, 48]],
    explanation: 'Two bookings that start at the same time in different rooms are reported as conflicts.',
  },
  // config-defaults-shared
  {
    exercise: 'config-defaults-shared',
    lines: [[51, 53]],
    explanation:
      "isOriginAllowed does an exact string match, so 'https://app.example.com/' with a trailing slash or different letter case is rejected. Normalise origins with new URL(origin).origin before comparing.",
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[32, 33]],
    explanation:
      '`if (overrides.locale)` ignores an empty string, so a tenant can never clear the locale; the same for plan. Check `!== undefined` instead.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[46, 47]],
    explanation:
      'withRequestFlags trusts the header: anyone can send X-Beta-Features: sso=true and get SSO without paying for it. Flags have to be checked against the plan first.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[56, 60]],
    explanation:
      "describeConfig writes the tenant's plan and seat count into the audit log, which leaks commercial information to anyone with access to the logs.",
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[34, 35]],
    explanation:
      'Object.assign also copies keys whose value is undefined: if the admin UI sends { seats: undefined }, the seat limit becomes undefined and the tenant effectively has unlimited seats. Drop undefined keys first.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[36, 38]],
    explanation: 'allowedOrigins.includes inside the loop is O(n²) for tenants with many origins; use a Set.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[1, 61]],
    explanation:
      'Nothing wrong that I can see. I would turn these functions into a ConfigService class and add unit tests for resolveTenantConfig.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[33, 33]],
    explanation:
      "The plan override is not validated, so a tenant can set plan to 'enterprise' in the admin UI and get enterprise limits for free.",
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[36, 38]],
    explanation: "extraOrigins are not validated as URLs; a tenant can add '*' and allow every origin.",
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[57, 59]],
    explanation:
      'describeConfig lists feature names in object order, which is not stable; sort them for the audit log.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[47, 47]],
    explanation:
      "withRequestFlags mutates the config passed in, so the tenant's cached settings keep the beta flags after the request.",
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[52, 52]],
    explanation: 'isOriginAllowed is case-sensitive; the same origin in upper case is rejected.',
  },
  // dst-daily-reminder
  {
    exercise: 'dst-daily-reminder',
    lines: [[21, 30]],
    explanation:
      "localParts formats with the 'en-US' locale; on a server with another locale the parts come back in a different order and the date is parsed wrongly. Use toISOString instead.",
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[46, 46]],
    explanation:
      'offsetMinutes rounds to whole minutes, but historic zones had offsets with seconds, and Asia/Kathmandu is UTC+5:45, so the reminders there are a few seconds off.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[77, 77]],
    explanation:
      "`first.getTime() <= now.getTime()` should be `<`: when the job runs exactly at the reminder time, today's reminder is skipped and the user gets nothing today.",
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[51, 55]],
    explanation:
      'zonedTimeToUtc starts from a guess made with Date.UTC; for zones far from UTC such as Pacific/Kiritimati (+14) the guess lands on the wrong calendar day and the reminder comes a day early.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[75, 75]],
    explanation:
      "nextReminders takes `now` from a server that runs in UTC, so for users in Asia the 'is today still ahead' test uses the UTC date instead of the local date of the user.",
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[73, 74]],
    explanation:
      "There is no validation of count or of the zone name: new Intl.DateTimeFormat throws a RangeError for 'Europe/Berln' and the whole nightly job dies.",
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[21, 30]],
    explanation:
      'Looks correct, the Intl usage is clean. I would only cache the DateTimeFormat instance per zone, because creating it on every call is slow.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[23, 23]],
    explanation: 'localParts can return hour 24 at midnight in some environments, which breaks zonedTimeToUtc.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[77, 77]],
    explanation: 'The first reminder is skipped when now is exactly the reminder time; it should be < and not <=.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[83, 85]],
    explanation: 'count is not capped, so a caller asking for 10 million reminders allocates a huge array.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[64, 64]],
    explanation: "parseTime rejects '24:00', which some users type for midnight.",
  },
  // inventory-reserve-race
  {
    exercise: 'inventory-reserve-race',
    lines: [[52, 54]],
    explanation:
      'confirm() only forgets the hold and never decrements the stock, so the sold units come back on the shelf.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[65, 73]],
    explanation:
      'releaseExpired is never scheduled: the comment says to run it every minute but nothing calls setInterval, so holds never expire.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[39, 41]],
    explanation: 'Number.isInteger(1e21) is true, so someone can ask for 1e21 units; quantity needs an upper limit.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[29, 29]],
    explanation:
      'Reservations live only in an in-memory Map. When the process restarts every hold is forgotten and its units are never put back in stock.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[24, 24]],
    explanation:
      "The OutOfStockError message says 'only 0 of X left', which reads badly, and the 15-minute hold should come from configuration.",
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[44, 44]],
    explanation: 'incrBy with a negative number is confusing to read; Redis has DECRBY, use that instead.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[38, 49]],
    explanation: "Seems fine. I'd add logging around reserve() and a metric for out-of-stock errors.",
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[42, 43]],
    explanation:
      "reserve() does not check that the SKU exists; get returns 0 for an unknown SKU, so the error says 'only 0 left' instead of 'unknown product'.",
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[46, 46]],
    explanation: 'The reservation id uses randomUUID, which can collide; use an incrementing counter.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[46, 46]],
    explanation:
      'expiresAt is this.now() + holdMs, but the clock can jump backwards with NTP, so holds can expire early.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[57, 63]],
    explanation:
      'release() deletes the hold from the Map before incrBy, so if Redis is down the units are lost forever.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[43, 43]],
    explanation:
      'reserve() should check `available <= quantity` instead of `<`: with exactly 1 left and 1 requested it refuses.',
  },
  // invoice-split-money
  {
    exercise: 'invoice-split-money',
    lines: [[29, 31]],
    explanation:
      'Weights must be whole numbers, but real splits use percentages like 33.3%, so a weight of 0.5 is rejected. Allow decimal weights.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[25, 27]],
    explanation:
      'A total of 0 is accepted, so a zero invoice creates zero-cent charges that the payment provider refuses.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[38, 38]],
    explanation: 'Money should use BigInt or a decimal library; plain numbers overflow for invoices above 2^31 cents.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[52, 52]],
    explanation:
      'Participants with the same personId are not merged, so one person appearing twice in the list is charged twice.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[45, 45]],
    explanation:
      'When remainders tie, the leftover cents always go to the first people in the list, which is unfair to them; shuffle the ties.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[38, 39]],
    explanation:
      'The code is fine, but the comments are too long and `exact` is a poor name; rename it to shares and add a unit test.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[24, 24]],
    explanation:
      'Throwing on an empty participant list is wrong: the whole invoice should then go to the account owner instead of failing.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[25, 27]],
    explanation: 'Negative totals are rejected, but credit notes are negative invoices and should be split too.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[43, 45]],
    explanation: 'Leftover cents should go to the person with the largest weight, not to the largest remainder.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[45, 45]],
    explanation:
      'The sort comparator mixes the remainder and the index in one expression, which is hard to read; split it.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[43, 50]],
    explanation:
      'The largest-remainder method can give someone with weight 1 more than someone with weight 2 when the total is tiny, e.g. 1 cent.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[25, 27]],
    explanation:
      "The check lets through amounts with more than two decimals like 10.005, which the provider can't charge; validate the precision.",
  },
  // orders-cursor-pagination
  {
    exercise: 'orders-cursor-pagination',
    lines: [[47, 50]],
    explanation: 'clampLimit silently turns a negative or zero limit into 1 instead of answering 400 Bad Request.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[33, 35]],
    explanation:
      "The cursor is base64url JSON that the client can decode and edit, so anyone can forge a cursor and page through another customer's orders. It must be signed with an HMAC.",
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[70, 73]],
    explanation:
      'Sorting after filtering is O(n log n) on every request; the repository must do it in SQL with an index, otherwise deep pages get slow again.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[72, 72]],
    explanation:
      'The filter should use <= instead of <, otherwise the last order of the previous page is never included again.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[42, 44]],
    explanation:
      'decodeCursor swallows the real error in an empty catch, so we lose the stack trace; log it before throwing InvalidCursorError.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[12, 12]],
    explanation:
      'createdAt is a number of milliseconds; JavaScript numbers lose precision above 2^53, so timestamps should be strings or BigInt.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[55, 55]],
    explanation:
      'The id tie-breaker compares strings with <, which is not the collation Postgres uses, so JavaScript and SQL would sort the ids differently.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[1, 85]],
    explanation:
      'Looks good, cursor pagination is implemented correctly. Minor: DEFAULT_PAGE_SIZE and MAX_PAGE_SIZE could come from configuration.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[68, 68]],
    explanation:
      "The cursor is not bound to the customer, so a cursor from one customer could be reused for another customer's list.",
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[76, 76]],
    explanation:
      'hasMore is computed from limit + 1 rows, but slice(0, limit + 1) is wrong when limit is 100; it should be limit.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[70, 73]],
    explanation: "Orders are filtered in memory, which loads the entire table; this won't scale.",
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[83, 83]],
    explanation: 'The cursor only stores createdAt, which leaks the order time to the client; encrypt it.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[55, 55]],
    explanation: "newestFirst returns 0 for equal ids, so the sort isn't stable across engines.",
  },
  // payment-retry-idempotency
  {
    exercise: 'payment-retry-idempotency',
    lines: [[42, 42]],
    explanation:
      'card_declined is never retried, but soft declines such as insufficient funds at peak time often succeed on a second try; they should be retried too.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[77, 77]],
    explanation:
      '`throw lastError` loses how many attempts were made; wrap it in a RetryExhaustedError that carries the attempt count.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[59, 59]],
    explanation:
      'The 10-second timeout is per attempt, so with 4 attempts plus backoff a customer can wait more than 40 seconds on the checkout page. There should be an overall deadline.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[44, 46]],
    explanation:
      'isRetryable uses instanceof PaymentError, which fails when the client library is bundled twice, so no error is ever retried.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'randomUUID from node:crypto is not available in browsers; use the uuid package so the helper also works in the frontend.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[73, 73]],
    explanation:
      'maxDelayMs of 4 s can never be reached with 4 attempts, because the ceiling only goes 250, 500, 1000; the cap is dead code.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[68, 68]],
    explanation: 'Fine as it is. Maybe log every retry with the attempt number so we can see it in the dashboards.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[42, 42]],
    explanation: "Retrying 'network' errors is unsafe; only 503 responses should be retried.",
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[74, 74]],
    explanation: 'The jitter uses Math.random, which is not cryptographically secure; use crypto.randomInt.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[64, 64]],
    explanation: 'lastError is typed as unknown; it should be PaymentError so the caller gets a typed error.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 68]],
    explanation:
      'The same idempotency key must not be used for a different amount; if the caller changes the amount between retries the provider returns an error.',
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[44, 46]],
    explanation: 'isRetryable only checks error.code, so a raw TypeError from a dropped connection is not retried.',
  },
  // report-not-in-nulls
  {
    exercise: 'report-not-in-nulls',
    lines: [[35, 35]],
    explanation:
      "LEFT JOIN employees AS m takes the manager from all employees, including people who have left, so someone whose manager quit still shows that manager's name. Join current_employees instead.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[28, 28]],
    explanation:
      "date_part('year', age(...)) rounds down, so someone hired 11 months ago shows 0 years; compute it as a decimal.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[41, 41]],
    explanation:
      "ORDER BY department sorts '(no department)' before 'Engineering' because of the parenthesis; use NULLS LAST on the raw name.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[23, 23]],
    explanation:
      "COALESCE(d.name, '(no department)') also hides departments whose name is NULL, so they are merged with the people who have no department at all.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[17, 21]],
    explanation:
      "department_sizes groups by department_id including NULL, so the headcount of the '(no department)' group counts people from several unrelated places.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[37, 40]],
    explanation:
      'NOT IN with a subquery is slow on Postgres because the planner cannot use a hash anti-join for a big table, so this report will time out. Use NOT EXISTS.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[1, 41]],
    explanation:
      'The query is fine. I would just write the keywords in one consistent case and give the tables longer aliases.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[28, 28]],
    explanation:
      'years_of_service uses CURRENT_DATE, which is in the server time zone, so around midnight the tenure can be off by a day.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[17, 21]],
    explanation:
      "The department headcount counts all current employees, including the ICs' managers, so it is not the number of ICs.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[10, 10]],
    explanation:
      "psql --csv does not quote fields that contain commas, so names like 'Smith, John' break the spreadsheet.",
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[34, 34]],
    explanation:
      'NULL department_id rows are joined with IS NOT DISTINCT FROM, which makes the headcount for the NULL department wrong.',
  },
  {
    exercise: 'report-not-in-nulls',
    lines: [[35, 35]],
    explanation:
      "The manager LEFT JOIN returns NULL for the CEO's manager, so the CEO row shows an empty manager column in the CSV.",
  },
  // username-unicode-compare
  {
    exercise: 'username-unicode-compare',
    lines: [[57, 57]],
    explanation:
      'ON CONFLICT DO NOTHING hides real errors: if the insert fails for another reason, the user is told the name is taken.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[15, 15]],
    explanation:
      "ALLOWED_CATEGORIES lets in 'Mn', so someone can stack dozens of combining marks on one letter (Zalgo text) and still stay under 30 characters.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[29, 29]],
    explanation:
      "raw.strip() does not remove non-breaking spaces, so ' admin' with a U+00A0 in front registers as a new name.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[29, 29]],
    explanation:
      'clean_username NFC-normalises the name that is shown, which changes what the user typed, while the brief says to keep it exactly as typed. Store the raw input for display.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[55, 57]],
    explanation:
      'The uniqueness should be enforced in Postgres with a CITEXT column instead of computing a key in Python.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[45, 67]],
    explanation:
      'register() does not catch psycopg errors, so a connection failure leaves the transaction open; use a with block around the transaction.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[35, 36]],
    explanation: "Separators may be repeated, so 'a..b' or 'a_-_b' pass; most forums forbid doubled separators.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[55, 57]],
    explanation: 'The unique index should be on LOWER(username) in Postgres instead of a separate column.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[15, 15]],
    explanation: 'Combining marks are allowed, so a name can end with a combining mark and look broken.',
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[29, 29]],
    explanation: "The username is stored as typed, so 'Admin ' with a trailing space is different from 'Admin'.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[29, 29]],
    explanation:
      "NFC in clean_username makes 'é' typed two ways equal, which is good, but the key should also strip accents so that 'José' and 'Jose' collide.",
  },
  // Cross-script look-alikes on the key's own line: confusable detection (UTS #39) is a fair hardening
  // but not this bug, which NFKC and casefold() fix without touching Cyrillic.
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      "'аdmin' with a Cyrillic а looks identical to 'admin' but gets a different key; map homoglyphs to a confusable skeleton before storing the key.",
  },
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      'The key lets look-alike names through when they mix scripts, for example a Greek omicron in place of an o; reject mixed-script names.',
  },
  // Near the second batch's new phrasings, but about something else.
  {
    exercise: 'invoice-split-money',
    lines: [[43, 45]],
    explanation:
      'Sorting the floating-point remainders with a comparator that subtracts them is fragile; sort on integers instead.',
  },
  {
    exercise: 'orders-cursor-pagination',
    lines: [[33, 35]],
    explanation:
      "The cursor token needs something unique like a signature, otherwise a client can forge one and read another customer's orders.",
  },
  {
    exercise: 'payment-retry-idempotency',
    lines: [[66, 66]],
    explanation:
      'A random UUID makes the logs hard to follow; the identifier should be the orderId so support can find the charge.',
  },
];

/**
 * Wrong answers that name a key concept but put it on other lines (a DST or a race complaint about a
 * function that is fine): the patterns cannot tell them apart, the marked lines do.
 */
const CONCEPT_ELSEWHERE: Phrasing[] = [
  {
    exercise: 'dst-daily-reminder',
    lines: [[50, 56]],
    explanation:
      'zonedTimeToUtc only makes two passes; for a time in the hour that is skipped when clocks spring forward, such as 02:30, the local time does not exist and the result is wrong.',
  },
  {
    exercise: 'inventory-reserve-race',
    lines: [[57, 63]],
    explanation:
      'release() is not safe when it is called twice at the same time: both calls find the reservation and put the units back twice.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[39, 39]],
    explanation:
      'Math.floor(share) on line 39 should be Math.round(share), otherwise everybody pays less than their exact share.',
  },
  {
    exercise: 'invoice-split-money',
    lines: [[43, 45]],
    explanation:
      'The remainders are floating-point numbers, so two remainders that should be equal can differ in the last bit and who gets the extra cent is random.',
  },
  {
    exercise: 'config-defaults-shared',
    lines: [[21, 27]],
    explanation:
      'const does not make DEFAULTS immutable: any other module that imports it can change DEFAULTS.plan at runtime. Wrap it in Object.freeze.',
  },
  {
    exercise: 'dst-daily-reminder',
    lines: [[75, 75]],
    explanation:
      'localParts is called with `now`, but the server clock may be an hour off if NTP is broken, so reminders can be an hour late.',
  },
];

/**
 * Wrong answers the verdict still calls found: they name the concept on the bug's line and then draw the
 * wrong conclusion, which patterns cannot read. `it.fails` states the behaviour we want (issue 5: left to
 * the LLM judge and the reviewer).
 */
const KNOWN_FALSE_POSITIVES: Phrasing[] = [
  {
    exercise: 'username-unicode-compare',
    lines: [[42, 42]],
    explanation:
      'casefold() would be better than lower() for display names, but the name must be kept as typed, so this is fine.',
  },
];

describe('explanations in other words than the keys', () => {
  const library = new Map(
    bugHunts(REPO).flatMap(({ exercise }) => (exercise?.kind === 'bug-hunt' ? [[exercise.id, exercise] as const] : [])),
  );
  const exerciseOf = (id: string) => {
    const exercise = library.get(id);
    if (!exercise) throw new Error(`no bug-hunt exercise ${id} in the library`);
    return exercise;
  };
  const verdictFor = ({ exercise: id, lines, explanation }: Phrasing) =>
    grade(exerciseOf(id), { kind: 'bug-hunt', lines, explanation, fix: null }).bugFound;
  const conceptsNamed = (id: string, explanation: string) =>
    namedConcepts(exerciseOf(id).key.concepts, explanation).map(({ concept }) => concept.id);

  const correct = [...FOUND, ...FORMERLY_MISSED, ...MORE_FOUND];
  const wrongExamples = [...library.values()].flatMap((exercise) =>
    exercise.examples.flatMap(({ file, example }) =>
      file.endsWith('wrong.yaml') && example.submission.kind === 'bug-hunt'
        ? [{ exercise: exercise.id, file, explanation: example.submission.explanation }]
        : [],
    ),
  );

  it('covers every bug-hunt exercise with at least 7 correct and 6 wrong explanations', () => {
    const count = (phrasings: { exercise: string }[]) => {
      const counts = new Map<string, number>();
      for (const p of phrasings) counts.set(p.exercise, (counts.get(p.exercise) ?? 0) + 1);
      return counts;
    };
    const ids = [...library.keys()].sort();
    const right = count(correct);
    const wrong = count([...WRONG, ...wrongExamples]);
    expect([...right.keys()].sort()).toEqual(ids);
    expect([...wrong.keys()].sort()).toEqual(ids);
    expect(ids.filter((id) => (right.get(id) ?? 0) < 7)).toEqual([]);
    expect(ids.filter((id) => (wrong.get(id) ?? 0) < 6)).toEqual([]);
  });

  it.each(correct)('$exercise: "$explanation" is found', (phrasing) => {
    expect(verdictFor(phrasing)).toBe(true);
  });

  it.each(WRONG)('$exercise: "$explanation" names no key concept and is not found', (phrasing) => {
    expect(conceptsNamed(phrasing.exercise, phrasing.explanation)).toEqual([]);
    expect(verdictFor(phrasing)).toBe(false);
    expect(verdictFor({ ...phrasing, lines: exerciseOf(phrasing.exercise).code.bug.ranges })).toBe(false);
  });

  it.each(wrongExamples)('$file of $exercise names no key concept', ({ exercise, explanation }) => {
    expect(conceptsNamed(exercise, explanation)).toEqual([]);
  });

  it.each(CONCEPT_ELSEWHERE)('$exercise: "$explanation" is not found, its lines miss the bug', (phrasing) => {
    expect(verdictFor(phrasing)).toBe(false);
  });

  it.fails.each(KNOWN_FALSE_POSITIVES)('$exercise: "$explanation" should not be found', (phrasing) => {
    expect(verdictFor(phrasing)).toBe(false);
  });
});
