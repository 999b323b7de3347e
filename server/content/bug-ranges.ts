/**
 * The bug's location is never written by hand: it is the set of line ranges of buggy.<ext> that the diff
 * from buggy to fixed touches. A pure insertion between lines k and k+1 touches both neighbours, so that
 * a candidate who marks either line has found it.
 */
import { structuredPatch } from 'diff';

export type LineRange = [start: number, end: number];

export type BugDiff = {
  /** 1-based inclusive ranges of buggy.<ext>. */
  ranges: LineRange[];
  /** Lines changed: for each hunk the larger of lines removed and lines added. */
  touchedLines: number;
};

export function lineCount(text: string): number {
  if (text === '') return 0;
  return text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
}

export function diffRanges(before: string, after: string): BugDiff {
  const { hunks } = structuredPatch('before', 'after', before, after, '', '', { context: 0 });
  const total = Math.max(1, lineCount(before));
  const ranges: LineRange[] = [];
  let touchedLines = 0;
  for (const hunk of hunks) {
    touchedLines += Math.max(hunk.oldLines, hunk.newLines);
    if (hunk.oldLines > 0) {
      ranges.push([hunk.oldStart, hunk.oldStart + hunk.oldLines - 1]);
    } else {
      // The diff package reports a pure insertion as happening before line oldStart.
      const after = Math.min(hunk.oldStart, total);
      ranges.push([Math.max(1, hunk.oldStart - 1), after]);
    }
  }
  return { ranges: mergeRanges(ranges), touchedLines };
}

export function mergeRanges(ranges: LineRange[]): LineRange[] {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const merged: LineRange[] = [];
  for (const [start, end] of sorted) {
    const last = merged.at(-1);
    if (last && start <= last[1] + 1) last[1] = Math.max(last[1], end);
    else merged.push([start, end]);
  }
  return merged;
}
