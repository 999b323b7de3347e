/**
 * Choosing an assessment's exercises: which library entries may be chosen, moving one up or down the
 * ordered list, the default time limit, and reading the time limit the admin typed.
 */
import type { ExerciseSummary } from './api';

/** A library entry that can go into an assessment: it loaded without problems. */
export type Pickable = ExerciseSummary & { status: 'ok'; title: string; minutes: number };

/** Valid exercises only (the server refuses the rest), by title so that the list reads like a catalogue. */
export function pickableExercises(library: readonly ExerciseSummary[]): Pickable[] {
  return library
    .filter((e): e is Pickable => e.status === 'ok' && e.title !== null && e.minutes !== null)
    .sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

export type Direction = 'up' | 'down';

/** A copy of `list` with the item at `index` swapped with its neighbour; unchanged at either end. */
export function moveItem<T>(list: readonly T[], index: number, direction: Direction): T[] {
  const target = direction === 'up' ? index - 1 : index + 1;
  const moved = [...list];
  const item = moved[index];
  const neighbour = moved[target];
  if (item === undefined || neighbour === undefined) return moved;
  moved[target] = item;
  moved[index] = neighbour;
  return moved;
}

/** The server's default time limit: the sum of the chosen exercises' minutes. */
export function defaultMinutes(chosen: readonly { minutes: number }[]): number {
  return chosen.reduce((sum, e) => sum + e.minutes, 0);
}

/** As server/routes/assessments.ts accepts it: whole minutes, at most a day. */
export const MAX_MINUTES = 24 * 60;

export type MinutesInput = { ok: true; minutes: number | undefined } | { ok: false; message: string };

/** The time limit field: empty means "the default"; otherwise whole minutes from 1 to MAX_MINUTES. */
export function readMinutes(text: string): MinutesInput {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, minutes: undefined };
  if (!/^\d+$/.test(trimmed)) return { ok: false, message: 'Enter whole minutes, like 45, or leave it empty.' };
  const minutes = Number(trimmed);
  if (minutes < 1 || minutes > MAX_MINUTES) {
    return { ok: false, message: `Enter between 1 and ${MAX_MINUTES} minutes (a day), or leave it empty.` };
  }
  return { ok: true, minutes };
}
