/**
 * The lines a candidate marks in a bug-hunt: 1-based inclusive ranges, kept merged and sorted, the shape
 * the submission stores (server/content/schema.ts) and the bug-location check reads.
 */
import { type LineRange, mergeRanges } from '../../server/content/bug-ranges';

export type { LineRange };

/** The submission schema's limit on ranges. */
export const MAX_RANGES = 50;

export function isMarked(ranges: readonly LineRange[], line: number): boolean {
  return ranges.some(([start, end]) => start <= line && line <= end);
}

/** Marks an unmarked line; unmarks a marked one, splitting its range. */
export function toggleLine(ranges: readonly LineRange[], line: number): LineRange[] {
  if (!isMarked(ranges, line)) return mergeRanges([...ranges, [line, line]]);
  return ranges.flatMap(([start, end]): LineRange[] => {
    if (line < start || line > end) return [[start, end]];
    const parts: LineRange[] = [];
    if (start < line) parts.push([start, line - 1]);
    if (line < end) parts.push([line + 1, end]);
    return parts;
  });
}

/** Marks every line from `from` to `to`, in either order (shift-click, Shift+arrow). */
export function markRange(ranges: readonly LineRange[], from: number, to: number): LineRange[] {
  return mergeRanges([...ranges, [Math.min(from, to), Math.max(from, to)]]);
}

export function removeRange(ranges: readonly LineRange[], range: LineRange): LineRange[] {
  return ranges.filter(([start, end]) => start !== range[0] || end !== range[1]);
}

export function describeRange([start, end]: LineRange): string {
  return start === end ? `line ${start}` : `lines ${start}–${end}`;
}
