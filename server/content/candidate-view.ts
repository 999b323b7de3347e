/**
 * What a candidate may see of an exercise: the brief and, for a bug-hunt, the assistant's code. This is
 * the only projection of an exercise that leaves the server for candidates (and for the staff preview of
 * "what the candidate will see"); keys, fixed code, hidden tests, rubrics and examples never enter it.
 */
import type { Exercise } from './library.js';

export type CandidateFile = { name: string; language: string; content: string };

export type CandidateExercise = {
  id: string;
  kind: Exercise['kind'];
  title: string;
  minutes: number;
  brief: string;
  files: CandidateFile[];
};

export function candidateView(exercise: Exercise): CandidateExercise {
  const base = {
    id: exercise.id,
    kind: exercise.kind,
    title: exercise.title,
    minutes: exercise.minutes,
    brief: exercise.brief,
  };
  switch (exercise.kind) {
    case 'spec':
      return { ...base, files: [] };
    case 'bug-hunt':
      return {
        ...base,
        files: [{ name: `buggy.${exercise.code.ext}`, language: exercise.code.language, content: exercise.code.buggy }],
      };
    default: {
      const unreachable: never = exercise;
      throw new Error(`no candidate view for ${JSON.stringify(unreachable)}`);
    }
  }
}
