/**
 * fix: where the candidate proposed a fix (the whole corrected file), its diff from buggy must touch the
 * bug's lines and leave the rest alone. Full points when it changes at most slackLines lines outside the
 * bug, one point less per line beyond that; nothing when it does not touch the bug. Running the fix is
 * for the sandbox, later: this only reads the diff.
 */
import { structuredPatch } from 'diff';
import { type LineRange, lineCount, mergeRanges } from '../../content/bug-ranges.js';
import type { Check } from '../../content/schema.js';
import type { CheckInput, CheckResult, Evidence } from '../types.js';
import { bugHuntInput, clip, describeLines, linesOf } from '../verdict.js';

export type FixCheck = Extract<Check, { type: 'fix' }>;

export function fix(input: CheckInput<FixCheck>): CheckResult {
  const { criterion } = input;
  const parts = bugHuntInput('fix', criterion.id, input.exercise, input.submission);
  if ('notApplicable' in parts) return parts.notApplicable;
  const { exercise, submission } = parts;
  const { noFixScore, slackLines } = criterion.check;
  const proposed = submission.fix;
  if (proposed === null) return { score: noFixScore, rationale: 'no fix proposed', evidence: [] };
  if (proposed.trim() === '') {
    return { score: noFixScore, rationale: 'no fix proposed (the fix is empty)', evidence: [] };
  }

  const { code } = exercise;
  const hunks = changedHunks(code.buggy, proposed, code.bug.ranges);
  const file = `fixed.${code.ext}`;
  const sameAsReference = normaliseLineEnds(proposed) === normaliseLineEnds(code.fixed);
  const reference = sameAsReference ? `; the fix is the same as ${file} (ignoring whitespace at line ends)` : '';
  const evidence = hunks.map((hunk) => hunkEvidence(hunk, proposed, code.buggy));
  const theBug = `the bug (${describeLines(code.bug.ranges)})`;

  if (hunks.length === 0) {
    return { score: 0, rationale: 'the fix is identical to the buggy code: it changes nothing', evidence };
  }
  const outside = hunks.reduce((sum, hunk) => sum + hunk.outsideLines, 0);
  const where = describeLines(mergeRanges(hunks.flatMap((h) => h.outsideRanges)));
  if (!hunks.some((hunk) => hunk.onBug)) {
    return {
      score: 0,
      rationale: `the fix does not touch ${theBug}: it changes ${outside} ${plural(outside)} elsewhere (at ${where} of buggy.${code.ext})${reference}`,
      evidence,
    };
  }
  const over = Math.max(0, outside - slackLines);
  const score = Math.max(0, criterion.points - over);
  const elsewhere =
    outside === 0
      ? `0 lines outside it (up to ${slackLines} allowed)`
      : `${outside} ${plural(outside)} outside it (at ${where} of buggy.${code.ext}; up to ${slackLines} allowed` +
        `${over > 0 ? `, ${over} more ${over === 1 ? 'costs 1 point' : `cost ${over} points`}` : ''})`;
  return { score, rationale: `the fix changes ${theBug} and ${elsewhere}${reference}`, evidence };
}

type Hunk = {
  /** The lines of buggy the hunk replaces or deletes; for a pure insertion, the lines on either side. */
  buggyLines: LineRange;
  /** Whether the hunk only removes lines (it then has no text in the fix). */
  deletion: boolean;
  /** 1-based first line and line count of the hunk's text in the fix. */
  newStart: number;
  newLines: number;
  onBug: boolean;
  outsideLines: number;
  outsideRanges: LineRange[];
};

/**
 * The hunks of the diff from buggy to the fix, with CRLF folded to LF and a missing final newline ignored
 * on both sides. A hunk is on the bug when it changes a bug line, or inserts next to one (as in
 * bug-ranges.ts). Lines outside the bug: in a hunk on the bug, the replaced lines that are not bug lines
 * (lines it adds beside the bug are part of the fix); in any other hunk, the larger of lines removed and
 * lines added.
 */
function changedHunks(buggy: string, proposed: string, bug: readonly LineRange[]): Hunk[] {
  const before = comparable(buggy);
  const after = comparable(proposed);
  const total = Math.max(1, lineCount(before));
  const bugLines = linesOf(bug);
  const { hunks } = structuredPatch('buggy', 'fix', before, after, '', '', { context: 0 });
  return hunks.map((h) => {
    // The diff package reports a pure insertion as happening before line oldStart.
    const buggyLines: LineRange =
      h.oldLines > 0
        ? [h.oldStart, h.oldStart + h.oldLines - 1]
        : [Math.max(1, h.oldStart - 1), Math.min(h.oldStart, total)];
    const touched = [...linesOf([buggyLines])];
    const onBug = touched.some((line) => bugLines.has(line));
    const outsideOld = h.oldLines > 0 ? touched.filter((line) => !bugLines.has(line)) : [];
    const outsideLines = onBug ? outsideOld.length : Math.max(h.oldLines, h.newLines);
    const outsideRanges: LineRange[] = onBug ? mergeRanges(outsideOld.map((l): LineRange => [l, l])) : [buggyLines];
    return {
      buggyLines,
      deletion: h.newLines === 0,
      newStart: h.newStart,
      newLines: h.newLines,
      onBug,
      outsideLines,
      outsideRanges,
    };
  });
}

/** A hunk as evidence: its text in the fix, or for a pure deletion the removed lines of buggy. */
function hunkEvidence(hunk: Hunk, proposed: string, buggy: string): Evidence {
  const label = hunk.onBug ? 'bug' : 'outside';
  if (hunk.deletion) {
    const [start, end] = hunk.buggyLines;
    const quote = buggy
      .split('\n')
      .slice(start - 1, end)
      .join('\n');
    return { quote: clip(quote), start, end, verified: true, in: 'lines', label };
  }
  const starts = lineStarts(proposed);
  const start = starts[hunk.newStart - 1] ?? proposed.length;
  const end = lineEnd(proposed, starts[hunk.newStart + hunk.newLines - 2] ?? start);
  return { quote: clip(proposed.slice(start, end)), start, end, verified: true, in: 'fix', label };
}

/** The offset at which each line of the text starts. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** The offset just past the last character of the line starting at `start`, before its CR LF or LF. */
function lineEnd(text: string, start: number): number {
  const newline = text.indexOf('\n', start);
  const end = newline < 0 ? text.length : newline;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function comparable(text: string): string {
  const lf = text.replace(/\r\n/g, '\n');
  return lf === '' || lf.endsWith('\n') ? lf : `${lf}\n`;
}

function normaliseLineEnds(text: string): string {
  return text
    .replace(/\r\n/g, '\n')
    .split('\n')
    .map((line) => line.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}

function plural(n: number): string {
  return n === 1 ? 'line' : 'lines';
}
