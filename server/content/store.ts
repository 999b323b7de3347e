/** The loaded content library, as the server holds it. Loaded at start from CONTENT_DIR. */
import { type Exercise, type ExerciseEntry, type Library, loadLibrary } from './library.js';

export type ContentStore = {
  root: string;
  entries(): ExerciseEntry[];
  /** A valid exercise by id, or null when unknown or invalid. */
  exercise(id: string): Exercise | null;
  entry(id: string): ExerciseEntry | null;
};

export function contentStore(library: Library): ContentStore {
  const byId = new Map(library.exercises.map((e) => [e.id, e]));
  return {
    root: library.root,
    entries: () => library.exercises,
    exercise: (id) => byId.get(id)?.exercise ?? null,
    entry: (id) => byId.get(id) ?? null,
  };
}

export function loadContentStore(root: string): ContentStore {
  return contentStore(loadLibrary(root));
}
