/**
 * The queue's filters in the address bar and in API queries (web/src/review-filters.ts): a reload or a shared
 * link gives the same queue, and the review page's "next" follows it.
 */
import { describe, expect, it } from 'vitest';
import {
  detailQuery,
  filtersFromSearch,
  NO_FILTERS,
  queueQuery,
  searchFromFilters,
  withFilters,
  withOptionsOf,
} from '../../web/src/review-filters.js';

describe('the address bar', () => {
  it('starts at "to review" with no assessment or exercise, and a link with no query stays short', () => {
    expect(filtersFromSearch('')).toEqual({ assessment: null, exercise: null, state: 'to-review' });
    expect(searchFromFilters(NO_FILTERS)).toBe('');
    expect(withFilters('/review', NO_FILTERS)).toBe('/review');
  });

  it('gives back the filters it was given', () => {
    const filters = { assessment: 'a 1&b', exercise: 'booking-overlap', state: 'grading_failed' as const };
    const search = searchFromFilters(filters);
    expect(search).toBe('assessment=a+1%26b&exercise=booking-overlap&state=grading_failed');
    expect(filtersFromSearch(`?${search}`)).toEqual(filters);
    expect(withFilters('/review/s1', filters)).toBe(`/review/s1?${search}`);
  });

  it('falls back to the default for an unknown or inherited state name', () => {
    expect(filtersFromSearch('state=done').state).toBe('to-review');
    expect(filtersFromSearch('state=toString').state).toBe('to-review');
    expect(filtersFromSearch('state=').state).toBe('to-review');
  });
});

describe('the API queries', () => {
  it('sends the preset’s states as the comma-separated list the queue route reads', () => {
    expect(queueQuery(NO_FILTERS)).toEqual({ state: 'ready,in_review' });
    expect(queueQuery({ assessment: 'a1', exercise: null, state: 'confirmed' })).toEqual({
      assessment: 'a1',
      state: 'confirmed',
    });
  });

  it('sends no state at all for "all states"', () => {
    expect(queueQuery({ assessment: null, exercise: 'x', state: 'all' })).toEqual({ exercise: 'x' });
  });

  it('passes only assessment and exercise to the review page (its next is always one waiting for review)', () => {
    expect(detailQuery({ assessment: 'a1', exercise: 'x', state: 'all' })).toEqual({ assessment: 'a1', exercise: 'x' });
    expect(detailQuery(NO_FILTERS)).toEqual({});
  });
});

describe('the filter menus’ options', () => {
  const row = (a: string, e: string) => ({
    assessment: { id: a, name: `A ${a}` },
    exercise: { id: e, title: `E ${e}` },
  });

  it('collects the assessments and exercises the queue has shown', () => {
    const options = withOptionsOf({ assessments: new Map(), exercises: new Map() }, [row('1', 'x'), row('2', 'x')]);
    expect([...options.assessments]).toEqual([
      ['1', 'A 1'],
      ['2', 'A 2'],
    ]);
    expect([...options.exercises]).toEqual([['x', 'E x']]);
  });

  it('answers the same object when nothing is new, so a poll does not re-render the menus', () => {
    const options = withOptionsOf({ assessments: new Map(), exercises: new Map() }, [row('1', 'x')]);
    expect(withOptionsOf(options, [row('1', 'x')])).toBe(options);
  });
});
