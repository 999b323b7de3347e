/** How the review pages write states, times, delays and scores. */
import type { SubmissionState } from './review-api';

const STATE_LABELS = {
  grading: 'Grading',
  grading_failed: 'Grading failed',
  ready: 'Ready',
  in_review: 'In review',
  confirmed: 'Confirmed',
} as const satisfies Record<SubmissionState, string>;

export function stateLabel(state: SubmissionState): string {
  return STATE_LABELS[state];
}

const exactFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'medium' });

/** The exact time, as the reviewer's locale writes it: for titles and the audit. */
export function exactTime(at: string | Date): string {
  return exactFormat.format(new Date(at));
}

/** "just now", "42 seconds ago", "5 minutes ago", "3 hours ago", "2 days ago"; a time ahead of `now` reads "just now". */
export function relativeTime(at: string | Date, now: number): string {
  const seconds = Math.floor((now - new Date(at).getTime()) / 1000);
  if (!Number.isFinite(seconds) || seconds < 5) return 'just now';
  return `${duration(seconds)} ago`;
}

/** A delay in words, rounded down to its largest unit: "12 seconds", "3 minutes", "2 hours", "1 day". */
export function formatDelay(ms: number): string {
  return duration(Math.max(0, Math.floor(ms / 1000)));
}

function duration(seconds: number): string {
  const unit = (n: number, name: string) => `${n} ${name}${n === 1 ? '' : 's'}`;
  if (seconds < 60) return unit(seconds, 'second');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return unit(minutes, 'minute');
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return unit(hours, 'hour');
  return unit(Math.floor(hours / 24), 'day');
}

/** A score without float noise: 3, 3.5, 10. */
export function formatScore(score: number): string {
  return String(Math.round(score * 100) / 100);
}

/** The queue's pre-grade column: the server sends no total until the pre-grade is complete, nor in blind mode. */
export function pretotalText(pretotal: { score: number; max: number; pending: number } | null, blind: boolean): string {
  if (blind) return 'hidden (blind)';
  if (!pretotal) return '—';
  // `pending` is points, not criteria: the max of the criteria the pre-grade could not score.
  const pending = pretotal.pending > 0 ? ` (${formatScore(pretotal.pending)} points unscored)` : '';
  return `${formatScore(pretotal.score)} / ${formatScore(pretotal.max)}${pending}`;
}
