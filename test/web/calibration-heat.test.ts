/** The heatmap's shading buckets (web/src/calibration-heat.ts). */
import { describe, expect, it } from 'vitest';
import { diagonalTotal, HEAT_LEVELS, heatLevel, largestCount } from '../../web/src/calibration-heat.js';

describe('cells are shaded by their count relative to the largest', () => {
  it('keeps an empty cell unshaded, so that none never looks like a few', () => {
    expect(heatLevel(0, 10)).toBe(0);
    expect(heatLevel(0, 0)).toBe(0);
  });

  it('gives any non-empty cell at least the lightest shade, and the largest the darkest', () => {
    expect(heatLevel(1, 100)).toBe(1);
    expect(heatLevel(100, 100)).toBe(HEAT_LEVELS);
    expect(heatLevel(1, 1)).toBe(HEAT_LEVELS);
  });

  it('splits the range into equal buckets, rounding up', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => heatLevel(n, 8))).toEqual([1, 1, 2, 2, 3, 3, 4, 4]);
    expect(heatLevel(3, 10)).toBe(2);
  });

  it('refuses a count that is negative, fractional or above the largest', () => {
    expect(() => heatLevel(-1, 4)).toThrow('A cell count is a whole number ≥ 0, got -1');
    expect(() => heatLevel(1.5, 4)).toThrow('got 1.5');
    expect(() => heatLevel(5, 4)).toThrow('A cell count (5) cannot exceed the largest count (4)');
  });
});

describe('matrix totals', () => {
  const matrix = [
    [3, 1, 0],
    [0, 5, 2],
    [1, 0, 4],
  ];

  it('finds the largest cell', () => {
    expect(largestCount(matrix)).toBe(5);
    expect(largestCount([])).toBe(0);
    expect(
      largestCount([
        [0, 0],
        [0, 0],
      ]),
    ).toBe(0);
  });

  it('adds up the diagonal, the pairs where pre-grade and reviewer agree', () => {
    expect(diagonalTotal(matrix)).toBe(12);
  });
});
