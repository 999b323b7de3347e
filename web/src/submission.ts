/**
 * A candidate's answer as the page holds it: the empty answer of each kind (shared with the server), comparing
 * two answers (the server stores them as JSON and may hand the keys back in another order), reading one back
 * from local storage, and its size against the server's draft limit.
 */
import type { LineRange } from '../../server/content/bug-ranges';

export { emptySubmission } from '../../server/content/empty-submission';

import type { DraftBody, Submission, TakeExercise } from './take-api';

export type { Submission };
export type SpecSubmission = Extract<Submission, { kind: 'spec' }>;
export type BugHuntSubmission = Extract<Submission, { kind: 'bug-hunt' }>;
export type ExerciseKind = TakeExercise['exercise']['kind'];

/** The server's MAX_DRAFT_BYTES (server/routes/take.ts): the whole PUT body, JSON-encoded. */
export const DRAFT_LIMIT_BYTES = 256 * 1024;
/** Where the editor starts warning that the draft is getting close to the limit. */
export const DRAFT_WARN_BYTES = 200 * 1024;

export function sameSubmission(a: Submission, b: Submission): boolean {
  switch (a.kind) {
    case 'spec':
      return b.kind === 'spec' && a.text === b.text;
    case 'bug-hunt':
      return (
        b.kind === 'bug-hunt' &&
        a.explanation === b.explanation &&
        a.fix === b.fix &&
        a.lines.length === b.lines.length &&
        a.lines.every(([start, end], i) => b.lines[i]?.[0] === start && b.lines[i]?.[1] === end)
      );
    default: {
      const unreachable: never = a;
      throw new Error(`No comparison for ${JSON.stringify(unreachable)}`);
    }
  }
}

/** An answer read back from local storage, or null when it is not one (another version of the page wrote it). */
export function parseSubmission(value: unknown): Submission | null {
  if (typeof value !== 'object' || value === null || !('kind' in value)) return null;
  if (value.kind === 'spec') {
    return 'text' in value && typeof value.text === 'string' ? { kind: 'spec', text: value.text } : null;
  }
  if (value.kind === 'bug-hunt') {
    if (!('lines' in value && 'explanation' in value && 'fix' in value)) return null;
    const { lines, explanation, fix } = value;
    if (typeof explanation !== 'string' || !(fix === null || typeof fix === 'string')) return null;
    if (!Array.isArray(lines) || !lines.every(isLineRange)) return null;
    return { kind: 'bug-hunt', lines, explanation, fix };
  }
  return null;
}

function isLineRange(value: unknown): value is LineRange {
  return (
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((n) => Number.isInteger(n) && n >= 1) &&
    (value[0] as number) <= (value[1] as number)
  );
}

/** The size the server will measure: the JSON body of the autosave request. */
export function draftBytes(body: DraftBody): number {
  return new TextEncoder().encode(JSON.stringify(body)).length;
}
