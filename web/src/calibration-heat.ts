/**
 * The heatmap's shading: each cell of the pre × final matrix falls in one of a few buckets by its count
 * relative to the largest cell, so that a person sees at a glance where the pairs sit. Few buckets, not a
 * continuous scale: neighbouring shades must stay distinguishable, and every cell also prints its count.
 */

/** Buckets above zero; 0 is kept for empty cells, so that "none" never looks like "a few". */
export const HEAT_LEVELS = 4;

/**
 * 0 for an empty cell; otherwise 1..HEAT_LEVELS by the share of the largest count, rounded up, so that any
 * non-empty cell is at least level 1 and the largest is always HEAT_LEVELS.
 */
export function heatLevel(count: number, largest: number): number {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`A cell count is a whole number ≥ 0, got ${count}`);
  if (count > largest) throw new RangeError(`A cell count (${count}) cannot exceed the largest count (${largest})`);
  if (count === 0) return 0;
  return Math.ceil((count / largest) * HEAT_LEVELS);
}

/** The largest count in a matrix (0 when it is empty). */
export function largestCount(matrix: readonly (readonly number[])[]): number {
  return matrix.reduce((most, row) => row.reduce((m, n) => Math.max(m, n), most), 0);
}

/** Pairs on the diagonal, where the pre-grade equals the reviewer's score: what "exact agreement" counts. */
export function diagonalTotal(matrix: readonly (readonly number[])[]): number {
  return matrix.reduce((sum, row, i) => sum + (row[i] ?? 0), 0);
}
