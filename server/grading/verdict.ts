/**
 * The bug-hunt verdict a reviewer reads first, and the two measurements it shares with the checks: where
 * the candidate pointed (`locationCredit`, also scored by bug-location) and which key concepts the
 * explanation names (`namedConcepts`, also scored by bug-concepts). Keeping them here means the verdict
 * and the scores can never disagree about what counts as "found". Also the small pieces the three
 * bug-hunt checks share: how line ranges are worded and what a check says when it cannot apply.
 */
import { type LineRange, lineCount } from '../content/bug-ranges.js';
import type { BugHuntExercise, Exercise } from '../content/library.js';
import type { Check, KeyItem, Submission } from '../content/schema.js';
import { findFirst, fold, type Span } from './text.js';
import type { CheckResult } from './types.js';

export type BugLocationCheck = Extract<Check, { type: 'bug-location' }>;
export type BugHuntSubmission = Extract<Submission, { kind: 'bug-hunt' }>;

export type Location = {
  /** The marked ranges cut to the file, in the candidate's order. */
  marked: LineRange[];
  /** Marked ranges with no line in the file (past its end), as submitted: they mark nothing. */
  outsideFile: LineRange[];
  /** Whether some marked line is a bug line. */
  overlap: boolean;
  /** Distinct marked lines that are not bug lines: a wide range and many scattered ones count alike. */
  overreach: number;
  /** 1 within slackLines of overreach, 0 from zeroAtLines on (or without overlap), linear in between. */
  credit: number;
};

export function locationCredit(
  bugRanges: readonly LineRange[],
  markedRanges: readonly LineRange[],
  fileLines: number,
  check: Pick<BugLocationCheck, 'slackLines' | 'zeroAtLines'>,
): Location {
  const bugLines = linesOf(bugRanges);
  const marked: LineRange[] = [];
  const outsideFile: LineRange[] = [];
  for (const [a, b] of markedRanges) {
    // The schema guarantees 1 <= start <= end; ordering keeps odd input (a reversed range) from being lost.
    const [start, end] = a <= b ? [a, b] : [b, a];
    if (start > fileLines || end < 1) outsideFile.push([start, end]);
    else marked.push([Math.max(1, start), Math.min(end, fileLines)]);
  }
  const markedLines = linesOf(marked);
  let overreach = 0;
  let overlap = false;
  for (const line of markedLines) {
    if (bugLines.has(line)) overlap = true;
    else overreach++;
  }
  return { marked, outsideFile, overlap, overreach, credit: overlap ? creditFor(overreach, check) : 0 };
}

function creditFor(
  overreach: number,
  { slackLines, zeroAtLines }: Pick<BugLocationCheck, 'slackLines' | 'zeroAtLines'>,
) {
  // Full credit is tested first so that a rubric with zeroAtLines <= slackLines still means "slack is free".
  if (overreach <= slackLines) return 1;
  if (overreach >= zeroAtLines) return 0;
  return (zeroAtLines - overreach) / (zeroAtLines - slackLines);
}

/** The set of line numbers in the ranges. */
export function linesOf(ranges: readonly LineRange[]): Set<number> {
  const lines = new Set<number>();
  for (const [start, end] of ranges) for (let line = start; line <= end; line++) lines.add(line);
  return lines;
}

export type NamedConcept = { concept: KeyItem; span: Span };

/** The key concepts the explanation names, in key order, each with its first match. */
export function namedConcepts(concepts: readonly KeyItem[], explanation: string): NamedConcept[] {
  if (explanation.trim() === '') return [];
  const folded = fold(explanation);
  const named: NamedConcept[] = [];
  for (const concept of concepts) {
    const span = findFirst(explanation, concept.patterns, folded);
    if (span) named.push({ concept, span });
  }
  return named;
}

/**
 * True when a marked range overlaps the bug within the rubric's precision limit (credit above 0) and the
 * explanation names at least one key concept. Pure: the same answer always gets the same verdict.
 */
export function bugFound(
  exercise: BugHuntExercise,
  submission: BugHuntSubmission,
  locationCheck: BugLocationCheck,
): boolean {
  const location = locationCredit(
    exercise.code.bug.ranges,
    submission.lines,
    lineCount(exercise.code.buggy),
    locationCheck,
  );
  return location.credit > 0 && namedConcepts(exercise.key.concepts, submission.explanation).length > 0;
}

/** "line 39", "lines 42-44", "lines 30, 40, 72 and 83". */
export function describeLines(ranges: readonly LineRange[]): string {
  if (ranges.length === 0) return 'no lines';
  const parts = ranges.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`));
  const single = ranges.length === 1 && ranges[0]?.[0] === ranges[0]?.[1];
  const list = parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
  return `${single ? 'line' : 'lines'} ${list}`;
}

/** A passage shortened for display; the evidence offsets still cover all of it. */
export function clip(text: string, max = 300): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/**
 * The parts of a bug-hunt check's input, or the result a bug-hunt check gives when handed a spec exercise
 * or submission: 0 with a `check-not-applicable` flag, never an exception.
 */
export function bugHuntInput(
  check: string,
  criterionId: string,
  exercise: Exercise,
  submission: Submission,
): { exercise: BugHuntExercise; submission: BugHuntSubmission } | { notApplicable: CheckResult } {
  if (exercise.kind === 'bug-hunt' && submission.kind === 'bug-hunt') return { exercise, submission };
  const message = `${check} grades bug-hunt answers only; this is a ${exercise.kind} exercise with a ${submission.kind} submission`;
  return {
    notApplicable: {
      score: 0,
      rationale: message,
      evidence: [],
      flags: [{ code: 'check-not-applicable', message, criterion: criterionId }],
    },
  };
}
