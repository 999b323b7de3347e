/**
 * How the admin pages word an assessment's progress: lateness, attempt states, counts, an invite's standing.
 * States and lateness are defined in docs/review.md ("Assessments").
 */
import type { AttemptState, InviteProgress } from './admin-api';

/** In the order an attempt moves through them, which is also the order counts are listed in. */
export const ATTEMPT_STATES = [
  'invited',
  'started',
  'submitted',
  'graded',
  'reviewed',
] as const satisfies readonly AttemptState[];

const STATE_MEANINGS = {
  invited: 'the link has not been used yet',
  started: 'the candidate is working, or stopped before submitting everything',
  submitted: 'all work is in; pre-grading is not complete',
  graded: 'every submission is pre-graded; waiting for a reviewer',
  reviewed: 'every submission is confirmed by a reviewer',
} as const satisfies Record<AttemptState, string>;

export function stateMeaning(state: AttemptState): string {
  return STATE_MEANINGS[state];
}

/**
 * The largest delay past the deadline, roughly: "12 s late", "3 min late", "1 h 5 min late", "2 d 3 h late".
 * Null when nothing was late. A delay under half a second still reads "1 s late": it was late.
 */
export function formatLate(ms: number): string | null {
  if (!(ms > 0)) return null;
  const seconds = Math.max(1, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s late`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min late`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return joinLate(`${hours} h`, minutes % 60, 'min');
  return joinLate(`${Math.floor(hours / 24)} d`, hours % 24, 'h');
}

function joinLate(large: string, rest: number, unit: string): string {
  return rest === 0 ? `${large} late` : `${large} ${rest} ${unit} late`;
}

/** Newest first by creation time (ISO strings compare as times), ties in the order given. */
export function newestFirst<T extends { createdAt: string }>(items: readonly T[]): T[] {
  return [...items].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
}

/** The states that have any attempt, with their counts, in the order attempts move through them. */
export function stateCounts(byState: Partial<Record<AttemptState, number>>): { state: AttemptState; count: number }[] {
  return ATTEMPT_STATES.map((state) => ({ state, count: byState[state] ?? 0 })).filter((s) => s.count > 0);
}

/** "1/3": exercises submitted out of the assessment's; an attempt not started has submitted nothing yet. */
export function formatSubmitted(invite: Pick<InviteProgress, 'submitted' | 'exercises'>, assessmentExercises: number) {
  // An invite without an attempt counts 0 exercises (they are fixed when the attempt starts).
  const total = invite.exercises > 0 ? invite.exercises : assessmentExercises;
  return `${invite.submitted}/${total}`;
}

/**
 * What an invite's row says about its link: revoked links never work again; an expired link cannot start an
 * attempt (one already under way runs to its own deadline); otherwise it works until it expires.
 */
export type LinkStanding = 'revoked' | 'expired' | 'open';

export function linkStanding(invite: Pick<InviteProgress, 'revokedAt' | 'expired'>): LinkStanding {
  if (invite.revokedAt !== null) return 'revoked';
  return invite.expired ? 'expired' : 'open';
}

/** How the candidate is named in the invites table; an invite may carry neither name nor email. */
export function candidateLabel(invite: Pick<InviteProgress, 'name' | 'email'>): string {
  return invite.name ?? invite.email ?? 'Unnamed candidate';
}

const dateTimeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium' });
const clockFormat = new Intl.DateTimeFormat(undefined, { timeStyle: 'medium' });

/** "25 Nov 2026, 10:05", as the admin's locale writes it. */
export function formatDateTime(iso: string): string {
  return dateTimeFormat.format(new Date(iso));
}

export function formatDay(iso: string): string {
  return dateFormat.format(new Date(iso));
}

export function formatClockTime(at: Date): string {
  return clockFormat.format(at);
}
