/**
 * The review queue's filters as they live in the address bar (?assessment=…&exercise=…&state=…), so that a
 * reload or a shared link shows the same queue, and as the API reads them. The state is one of a few presets:
 * "to review" (ready and in review: the default, what a reviewer works through), "all", or a single state.
 */
import type { SubmissionState } from './review-api';

export const STATE_PRESETS = {
  'to-review': { label: 'To review (ready, in review)', states: ['ready', 'in_review'] },
  all: { label: 'All states', states: null },
  ready: { label: 'Ready', states: ['ready'] },
  in_review: { label: 'In review', states: ['in_review'] },
  grading: { label: 'Grading', states: ['grading'] },
  grading_failed: { label: 'Grading failed', states: ['grading_failed'] },
  confirmed: { label: 'Confirmed', states: ['confirmed'] },
} as const satisfies Record<string, { label: string; states: readonly SubmissionState[] | null }>;

export type StatePreset = keyof typeof STATE_PRESETS;
export const DEFAULT_PRESET: StatePreset = 'to-review';

export type QueueFilters = { assessment: string | null; exercise: string | null; state: StatePreset };

export const NO_FILTERS: QueueFilters = { assessment: null, exercise: null, state: DEFAULT_PRESET };

export function isStatePreset(value: string): value is StatePreset {
  return Object.hasOwn(STATE_PRESETS, value);
}

/** Reads the filters from a query string ("?a=b" or "a=b"); an unknown state falls back to the default. */
export function filtersFromSearch(search: string): QueueFilters {
  const params = new URLSearchParams(search);
  const state = params.get('state');
  return {
    assessment: params.get('assessment') || null,
    exercise: params.get('exercise') || null,
    state: state && isStatePreset(state) ? state : DEFAULT_PRESET,
  };
}

/** The query string (without "?") that gives these filters back; defaults are left out, so links stay short. */
export function searchFromFilters(filters: QueueFilters): string {
  const params = new URLSearchParams();
  if (filters.assessment) params.set('assessment', filters.assessment);
  if (filters.exercise) params.set('exercise', filters.exercise);
  if (filters.state !== DEFAULT_PRESET) params.set('state', filters.state);
  return params.toString();
}

/** A path with the filters attached: "/review" or "/review/abc?exercise=x". */
export function withFilters(path: string, filters: QueueFilters): string {
  const search = searchFromFilters(filters);
  return search ? `${path}?${search}` : path;
}

/** The queue route's query: state as the comma-separated list it takes, absent for "all". */
export function queueQuery(filters: QueueFilters): { assessment?: string; exercise?: string; state?: string } {
  const states = STATE_PRESETS[filters.state].states;
  return {
    ...(filters.assessment ? { assessment: filters.assessment } : {}),
    ...(filters.exercise ? { exercise: filters.exercise } : {}),
    ...(states ? { state: states.join(',') } : {}),
  };
}

/** The review page's query: its "next" is always the next ready or in-review submission, so only these two travel. */
export function detailQuery(filters: QueueFilters): { assessment?: string; exercise?: string } {
  return {
    ...(filters.assessment ? { assessment: filters.assessment } : {}),
    ...(filters.exercise ? { exercise: filters.exercise } : {}),
  };
}

export type FilterOptions = { assessments: Map<string, string>; exercises: Map<string, string> };

/**
 * Adds the assessments and exercises of these rows to the options of the filter menus. Reviewers may not
 * list assessments (an admin route), so the menus offer those the queue has shown: the page loads the whole
 * queue once for them, and every poll adds what is new.
 */
export function withOptionsOf(
  options: FilterOptions,
  rows: readonly { assessment: { id: string; name: string }; exercise: { id: string; title: string } }[],
): FilterOptions {
  const missing = rows.some((r) => !options.assessments.has(r.assessment.id) || !options.exercises.has(r.exercise.id));
  if (!missing) return options;
  const assessments = new Map(options.assessments);
  const exercises = new Map(options.exercises);
  for (const row of rows) {
    assessments.set(row.assessment.id, row.assessment.name);
    exercises.set(row.exercise.id, row.exercise.title);
  }
  return { assessments, exercises };
}
