/** The empty answer of each exercise kind: what is submitted when nothing was saved. Shared with the web app. */
import type { ExerciseKind, Submission } from './schema.js';

export function emptySubmission(kind: ExerciseKind): Submission {
  switch (kind) {
    case 'spec':
      return { kind: 'spec', text: '' };
    case 'bug-hunt':
      return { kind: 'bug-hunt', lines: [], explanation: '', fix: null };
    default: {
      const unreachable: never = kind;
      throw new Error(`No empty answer for exercise kind ${String(unreachable)}`);
    }
  }
}
