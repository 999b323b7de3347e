/**
 * Choosing an assessment's exercises (web/src/admin-exercise-order.ts): only valid library entries, moving
 * one up or down, the default time limit, and reading the time limit typed.
 */
import { describe, expect, it } from 'vitest';
import {
  defaultMinutes,
  MAX_MINUTES,
  moveItem,
  pickableExercises,
  readMinutes,
} from '../../web/src/admin-exercise-order.js';
import type { ExerciseSummary } from '../../web/src/api.js';

function summary(id: string, title: string | null, minutes: number | null, status: 'ok' | 'invalid' = 'ok') {
  return {
    id,
    kind: 'spec',
    title,
    minutes,
    tags: [],
    rubric: null,
    version: null,
    status,
    problems: [],
  } satisfies ExerciseSummary;
}

describe('the library offers valid exercises only', () => {
  it('leaves out exercises with problems and lists the rest by title', () => {
    const library = [
      summary('zeta', 'Password reset', 30),
      summary('broken', 'Broken one', 20, 'invalid'),
      summary('alpha', 'Booking overlap', 25),
    ];
    expect(pickableExercises(library).map((e) => e.id)).toEqual(['alpha', 'zeta']);
  });

  it('leaves out an exercise without a title or minutes: it cannot be shown or timed', () => {
    expect(pickableExercises([summary('a', null, 10), summary('b', 'B', null), summary('c', 'C', 5)])).toHaveLength(1);
  });
});

describe('moving an exercise', () => {
  const list = ['a', 'b', 'c'];

  it('up swaps it with the one before, down with the one after', () => {
    expect(moveItem(list, 1, 'up')).toEqual(['b', 'a', 'c']);
    expect(moveItem(list, 1, 'down')).toEqual(['a', 'c', 'b']);
  });

  it('does nothing past either end', () => {
    expect(moveItem(list, 0, 'up')).toEqual(list);
    expect(moveItem(list, 2, 'down')).toEqual(list);
    expect(moveItem(list, 7, 'up')).toEqual(list);
  });

  it('leaves the list it was given as it was', () => {
    moveItem(list, 0, 'down');
    expect(list).toEqual(['a', 'b', 'c']);
  });

  it('moved twice to the top, the last exercise comes first and the rest keep their order', () => {
    expect(moveItem(moveItem(list, 2, 'up'), 1, 'up')).toEqual(['c', 'a', 'b']);
  });
});

describe('the time limit', () => {
  it('defaults to the sum of the chosen exercises’ minutes', () => {
    expect(defaultMinutes([{ minutes: 30 }, { minutes: 10 }])).toBe(40);
    expect(defaultMinutes([])).toBe(0);
  });

  it('left empty, it is the default (the server sums the minutes)', () => {
    expect(readMinutes('')).toEqual({ ok: true, minutes: undefined });
    expect(readMinutes('   ')).toEqual({ ok: true, minutes: undefined });
  });

  it('reads whole minutes, with spaces around them', () => {
    expect(readMinutes(' 45 ')).toEqual({ ok: true, minutes: 45 });
    expect(readMinutes(String(MAX_MINUTES))).toEqual({ ok: true, minutes: MAX_MINUTES });
  });

  it.each(['0', String(MAX_MINUTES + 1)])(
    'bad input: %s minutes is out of range, with the range in the message',
    (text) => {
      const read = readMinutes(text);
      expect(read.ok).toBe(false);
      if (!read.ok) expect(read.message).toContain(`between 1 and ${MAX_MINUTES}`);
    },
  );

  it.each(['45.5', '-3', 'forty', '1e2', '45 min'])('bad input: "%s" is not whole minutes', (text) => {
    expect(readMinutes(text)).toEqual({ ok: false, message: 'Enter whole minutes, like 45, or leave it empty.' });
  });
});
