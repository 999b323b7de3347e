/**
 * The lines an author marks when trying a bug-hunt answer, typed as text: "12-14, 20" → [[12, 14], [20, 20]],
 * merged and sorted like the candidate's marks (line-marks.ts). An entry that cannot be a line or a range is
 * refused with a message naming it, rather than dropped: a silently lost range would change the grade.
 */

import { mergeRanges } from '../../server/content/bug-ranges';
import { type LineRange, MAX_RANGES } from './line-marks';

export type ParsedRanges = { ok: true; ranges: LineRange[] } | { ok: false; error: string };

/** A line, or a range written with a hyphen, an en dash or "..": "12", "12-14", "12–14", "12..14". */
const ENTRY = /^(\d+)(?:\s*(?:-|–|\.\.)\s*(\d+))?$/;

/**
 * Entries are separated by commas, semicolons or spaces. `lineCount` (the file's lines) refuses lines past
 * the end, as a candidate could not mark them. Empty text is no lines marked, which a submission allows.
 */
export function parseLineRanges(text: string, lineCount: number): ParsedRanges {
  const entries = splitEntries(text);
  const ranges: LineRange[] = [];
  for (const entry of entries) {
    const match = ENTRY.exec(entry);
    if (!match) {
      return { ok: false, error: `“${entry}” is not a line or a range: write lines like 12, or ranges like 12-14.` };
    }
    const start = Number(match[1]);
    const end = match[2] === undefined ? start : Number(match[2]);
    if (start < 1 || end < 1) return { ok: false, error: `“${entry}”: lines are numbered from 1.` };
    if (start > end) {
      return {
        ok: false,
        error: `“${entry}”: a range goes from the smaller line to the larger, like ${end}-${start}.`,
      };
    }
    if (end > lineCount) {
      return {
        ok: false,
        error: `“${entry}”: the file has ${lineCount} line${lineCount === 1 ? '' : 's'}.`,
      };
    }
    ranges.push([start, end]);
  }
  const merged = mergeRanges(ranges);
  if (merged.length > MAX_RANGES) {
    return {
      ok: false,
      error: `At most ${MAX_RANGES} separate ranges, as a candidate may mark; got ${merged.length}.`,
    };
  }
  return { ok: true, ranges: merged };
}

/** Ranges as an author would type them: [[12, 14], [20, 20]] → "12-14, 20". */
export function formatLineRanges(ranges: readonly LineRange[]): string {
  return ranges.map(([start, end]) => (start === end ? `${start}` : `${start}-${end}`)).join(', ');
}

/**
 * Splits on separators, but keeps "12 - 14" together: spaces around a range's dash are not separators.
 */
function splitEntries(text: string): string[] {
  return text
    .replace(/\s*(-|–|\.\.)\s*/g, '$1')
    .split(/[\s,;]+/)
    .filter((entry) => entry !== '');
}
