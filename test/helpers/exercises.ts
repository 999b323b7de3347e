/**
 * Exercises and criteria for tests of the checks and the judge. The builders fill in the fields every
 * exercise needs but no check reads (rubric, versions, minutes, …), so that a test file shows only the data
 * its tests are about: the brief, the key, the code.
 */
import { diffRanges } from '../../server/content/bug-ranges.js';
import type { BugHuntExercise, Exercise, Library, SpecExercise } from '../../server/content/library.js';
import type { Check, Criterion, KeyItem } from '../../server/content/schema.js';

/** A spec exercise; by default an invitations brief whose key has one edge case (links expire). */
export function specExercise(overrides: Partial<Omit<SpecExercise, 'kind'>> = {}): SpecExercise {
  return {
    id: 'invites',
    kind: 'spec',
    title: 'Invites',
    minutes: 30,
    tags: [],
    brief: 'Let admins invite people.',
    rubric: { id: 'spec-standard', title: 'Spec', kind: 'spec', criteria: [] },
    examples: [],
    version: 'v1',
    rubricVersion: 'r1',
    key: { edgeCases: [{ id: 'expiry', description: 'Links expire.', patterns: ['expir'] }], concepts: [] },
    ...overrides,
  };
}

export type BugHuntParts = {
  buggy: string;
  fixed: string;
  /** The key's one-line summary of the bug. */
  summary: string;
  /** The key's concepts; by default one placeholder, for tests that grade no explanation. */
  concepts?: KeyItem[];
} & Partial<Omit<BugHuntExercise, 'kind' | 'key' | 'code'>>;

/** A TypeScript bug-hunt exercise whose bug is the diff from `buggy` to `fixed`, as the library computes it. */
export function bugHuntExercise({
  buggy,
  fixed,
  summary,
  concepts = [{ id: 'c', description: 'ccc', patterns: ['x'] }],
  ...overrides
}: BugHuntParts): BugHuntExercise {
  return {
    kind: 'bug-hunt',
    id: 'test-bug',
    title: 'A test bug',
    minutes: 10,
    tags: [],
    brief: 'Find the bug.',
    rubric: { id: 'test-bug', title: 'Test rubric', kind: 'bug-hunt', criteria: [] },
    examples: [],
    version: 'v1',
    rubricVersion: 'r1',
    ...overrides,
    key: { bug: { summary }, concepts },
    code: { ext: 'ts', language: 'typescript', buggy, fixed, bug: diffRanges(buggy, fixed), hiddenTest: null },
  };
}

/** A rubric criterion graded by `check`; its id is the check's type unless a test needs another. */
export function criterion<C extends Check>(check: C, points = 4, id: string = check.type): Criterion & { check: C } {
  return { id, title: 'Test criterion', points, description: `Graded by the ${check.type} check.`, check };
}

/** An exercise of the loaded library, of the kind the test needs; throws if the library has none. */
export function libraryExercise<K extends Exercise['kind']>(
  library: Library,
  id: string,
  kind: K,
): Extract<Exercise, { kind: K }> {
  const found = library.exercises.find((e) => e.id === id)?.exercise;
  if (!found || found.kind !== kind) throw new Error(`the library has no ${kind} exercise ${id}`);
  return found as Extract<Exercise, { kind: K }>;
}
