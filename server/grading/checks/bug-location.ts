/**
 * bug-location: did the candidate point at the bug, and only at it? Full points when a marked range
 * overlaps the bug and the marks reach at most slackLines lines beyond it; nothing from zeroAtLines lines
 * beyond it on (marking half the file is not finding the bug). Each marked range is a piece of evidence.
 */
import { type LineRange, lineCount, mergeRanges } from '../../content/bug-ranges.js';
import type { CheckInput, CheckResult, Evidence } from '../types.js';
import {
  type BugLocationCheck,
  bugHuntInput,
  clip,
  describeLines,
  type Location,
  linesOf,
  locationCredit,
} from '../verdict.js';

export function bugLocation(input: CheckInput<BugLocationCheck>): CheckResult {
  const { criterion } = input;
  const parts = bugHuntInput('bug-location', criterion.id, input.exercise, input.submission);
  if ('notApplicable' in parts) return parts.notApplicable;
  const { exercise, submission } = parts;

  const bug = exercise.code.bug.ranges;
  const fileLines = lineCount(exercise.code.buggy);
  const location = locationCredit(bug, submission.lines, fileLines, criterion.check);
  const bugLines = linesOf(bug);
  const codeLines = exercise.code.buggy.split('\n');

  const evidence: Evidence[] = location.marked.map(([start, end]) => {
    const overlaps = [...linesOf([[start, end]])].some((line) => bugLines.has(line));
    return {
      quote: clip(codeLines.slice(start - 1, end).join('\n')),
      start,
      end,
      verified: true,
      in: 'lines',
      label: overlaps ? 'bug' : 'outside',
    };
  });

  return {
    score: Math.round(criterion.points * location.credit),
    rationale: [
      mainReason(location, bug, criterion.check),
      ...fileEndNotes(submission.lines, location, fileLines),
    ].join('; '),
    evidence,
  };
}

function mainReason(
  location: Location,
  bug: readonly LineRange[],
  { slackLines, zeroAtLines }: BugLocationCheck,
): string {
  const theBug = `the bug (${describeLines(bug)})`;
  if (location.marked.length === 0) {
    const none = location.outsideFile.length === 0 ? 'no lines marked' : 'no line of the file marked';
    return `${none}: ${theBug} is not located`;
  }
  const markedLines = linesOf(location.marked);
  const one = markedLines.size === 1;
  const marked = `marked ${describeLines(mergeRanges(location.marked))}`;
  if (!location.overlap) return `${marked} ${one ? 'misses' : 'miss'} ${theBug}`;
  const coversAll = [...linesOf(bug)].every((line) => markedLines.has(line));
  const covers = coversAll ? (one ? 'covers' : 'cover') : one ? 'overlaps' : 'overlap';
  const beyond = `${location.overreach} ${location.overreach === 1 ? 'line' : 'lines'} beyond it`;
  if (location.credit === 1) return `${marked} ${covers} ${theBug}; ${beyond} (up to ${slackLines} allowed)`;
  if (location.credit === 0) {
    return `${marked} ${covers} ${theBug} but ${beyond}: ${zeroAtLines} or more earn nothing, marking this much of the file is not finding the bug`;
  }
  const percent = Math.round(location.credit * 100);
  return `${marked} ${covers} ${theBug}; ${beyond}: credit falls after ${slackLines} and is gone at ${zeroAtLines}, so ${percent} % of the points`;
}

/** Says which marks ran past the end of the file, so that a reviewer sees why they count for less. */
function fileEndNotes(submitted: readonly LineRange[], location: Location, fileLines: number): string[] {
  const notes: string[] = [];
  if (submitted.length === 0) return notes;
  if (location.outsideFile.length > 0) {
    const [first] = location.outsideFile;
    const one = location.outsideFile.length === 1 && first?.[0] === first?.[1];
    notes.push(
      `${describeLines(location.outsideFile)} ${one ? 'lies' : 'lie'} outside the file (${fileLines} lines) and ${one ? 'marks' : 'mark'} nothing`,
    );
  }
  const cut = submitted.filter(([start, end]) => start <= fileLines && end > fileLines);
  if (cut.length > 0) notes.push(`${describeLines(cut)} cut to the file's last line (${fileLines})`);
  return notes;
}
