import { describe, expect, it } from 'vitest';
import {
  type CalibrationPair,
  type CriterionCalibration,
  calibrate,
  type PreStatus,
  quadraticWeightedKappa,
} from '../../server/review/calibration.js';

/** Pairs for one criterion from [pre, final] tuples. */
function scored(exerciseId: string, criterionId: string, max: number, list: [number, number][]): CalibrationPair[] {
  return list.map(([pre, final]) => ({ exerciseId, criterionId, max, pre, preStatus: 'scored', final }));
}

function unscored(criterionId: string, max: number, status: PreStatus, pre: number | null, final: number) {
  return { exerciseId: 'ex', criterionId, max, pre, preStatus: status, final } satisfies CalibrationPair;
}

/** The one criterion row of a calibration over a single exercise and criterion. */
function onlyRow(pairs: CalibrationPair[]): CriterionCalibration {
  const { exercises } = calibrate(pairs);
  expect(exercises).toHaveLength(1);
  expect(exercises[0]?.criteria).toHaveLength(1);
  const row = exercises[0]?.criteria[0];
  if (!row) throw new Error('no row');
  return row;
}

/** n copies of a pair. */
function times(n: number, pair: [number, number]): [number, number][] {
  return Array.from({ length: n }, () => pair);
}

// Independent references for κ, written from their published definitions and sharing no code with the module.

/** Quadratic weighted kappa as the Kaggle ASAP competition's reference metric defines it (Hamner's Metrics). */
function asapQuadraticWeightedKappa(raterA: number[], raterB: number[], minRating: number, maxRating: number): number {
  const numRatings = maxRating - minRating + 1;
  const confusion: number[][] = Array.from({ length: numRatings }, () => new Array<number>(numRatings).fill(0));
  const histA = new Array<number>(numRatings).fill(0);
  const histB = new Array<number>(numRatings).fill(0);
  raterA.forEach((a, t) => {
    const b = raterB[t] as number;
    const row = confusion[a - minRating] as number[];
    row[b - minRating] = (row[b - minRating] as number) + 1;
    histA[a - minRating] = (histA[a - minRating] as number) + 1;
    histB[b - minRating] = (histB[b - minRating] as number) + 1;
  });
  const numScoredItems = raterA.length;
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < numRatings; i++) {
    for (let j = 0; j < numRatings; j++) {
      const expectedCount = ((histA[i] as number) * (histB[j] as number)) / numScoredItems;
      const d = (i - j) ** 2 / (numRatings - 1) ** 2;
      numerator += (d * (confusion[i]?.[j] as number)) / numScoredItems;
      denominator += (d * expectedCount) / numScoredItems;
    }
  }
  return 1 - numerator / denominator;
}

/**
 * Lin's concordance correlation coefficient with population moments, 2·cov / (var x + var y + (x̄ − ȳ)²),
 * which equals QWK exactly for integer scores: no matrix, no categories, a different road to the same number.
 */
function concordance(x: number[], y: number[]): number {
  const n = x.length;
  const mean = (v: number[]) => v.reduce((a, b) => a + b, 0) / n;
  const mx = mean(x);
  const my = mean(y);
  const cov = x.reduce((a, xi, t) => a + (xi - mx) * ((y[t] as number) - my), 0) / n;
  const vx = x.reduce((a, xi) => a + (xi - mx) ** 2, 0) / n;
  const vy = y.reduce((a, yi) => a + (yi - my) ** 2, 0) / n;
  return (2 * cov) / (vx + vy + (mx - my) ** 2);
}

/** mulberry32: a seeded generator, so that the "random" cross-check set is the same on every run. */
function seeded(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('calibration figures for one criterion', () => {
  it('kappa matches a value computed by hand', () => {
    // max 2 (k = 3), n = 10 pairs (pre, final): (0,0)×2 (0,1) (1,1)×3 (1,2) (2,1) (2,2)×2
    //
    // O [pre][final]     r          c = (2, 5, 3)
    //   | 2 1 0 |        3
    //   | 0 3 1 |        4
    //   | 0 1 2 |        3
    //
    // E = r_i·c_j / 10          w = (i − j)² / (k − 1)² = (i − j)² / 4
    //   | 0.6 1.5 0.9 |           | 0    0.25 1    |
    //   | 0.8 2.0 1.2 |           | 0.25 0    0.25 |
    //   | 0.6 1.5 0.9 |           | 1    0.25 0    |
    //
    // Σ w·O = 0.25·(1 + 0 + 1 + 1) + 1·(0 + 0)             = 0.75
    // Σ w·E = 0.25·(1.5 + 0.8 + 1.2 + 1.5) + 1·(0.9 + 0.6) = 1.25 + 1.5 = 2.75
    // κ = 1 − 0.75 / 2.75 = 8/11 = 0.72727…
    // exact 7/10; within one 10/10 (no pair is 2 apart); mean of pre − final = (−1 −1 +1) / 10 = −0.1
    const row = onlyRow(
      scored('ex', 'c', 2, [...times(2, [0, 0]), [0, 1], ...times(3, [1, 1]), [1, 2], [2, 1], ...times(2, [2, 2])]),
    );
    expect(row.matrix).toEqual([
      [2, 1, 0],
      [0, 3, 1],
      [0, 1, 2],
    ]);
    expect(row.qwk).toBeCloseTo(0.7273, 4);
    expect(row.n).toBe(10);
    expect(row.exactAgreement).toBeCloseTo(0.7, 10);
    expect(row.withinOne).toBe(1);
    expect(row.meanSignedDiff).toBeCloseTo(-0.1, 10);
  });

  it('kappa matches the worked example in the module header, which is Cohen kappa for two categories', () => {
    // O = |1 0; 1 2|, E = |0.5 0.5; 1.5 1.5|, Σ w·O = 1, Σ w·E = 2, κ = 0.5.
    // Cohen: p_o = 3/4, p_e = (1·2 + 3·2) / 16 = 1/2, κ = (3/4 − 1/2) / (1/2) = 0.5.
    const row = onlyRow(
      scored('ex', 'c', 1, [
        [0, 0],
        [1, 1],
        [1, 1],
        [1, 0],
      ]),
    );
    expect(row.qwk).toBeCloseTo(0.5, 10);
  });

  it('perfect agreement gives kappa 1, full agreement and no bias', () => {
    const row = onlyRow(
      scored('ex', 'c', 4, [
        [0, 0],
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
        [2, 2],
      ]),
    );
    expect(row).toMatchObject({ n: 6, qwk: 1, exactAgreement: 1, withinOne: 1, meanSignedDiff: 0 });
  });

  it('a pre-grader one point generous every time: bias +1, no exact agreement, all within one', () => {
    const row = onlyRow(
      scored('ex', 'c', 4, [
        [1, 0],
        [2, 1],
        [3, 2],
        [4, 3],
        [2, 1],
      ]),
    );
    expect(row).toMatchObject({ n: 5, exactAgreement: 0, withinOne: 1, meanSignedDiff: 1 });
    // A constant shift keeps the order but is still disagreement: κ drops below 1 and stays positive.
    expect(row.qwk).toBeCloseTo(concordance([1, 2, 3, 4, 2], [0, 1, 2, 3, 1]), 10);
  });

  it('a pre-grader that reverses the reviewer gets a negative kappa', () => {
    // O = |0 1; 1 0|, E = |0.5 0.5; 0.5 0.5|: Σ w·O = 2, Σ w·E = 1, κ = −1.
    expect(
      onlyRow(
        scored('ex', 'c', 1, [
          [0, 1],
          [1, 0],
        ]),
      ).qwk,
    ).toBeCloseTo(-1, 10);
  });

  it('the matrix is indexed [pre][final]', () => {
    const row = onlyRow(scored('ex', 'c', 2, [[2, 0]]));
    expect(row.matrix).toEqual([
      [0, 0, 0],
      [0, 0, 0],
      [1, 0, 0],
    ]);
  });

  it('pending and failed pre-grades are left out of every figure and counted', () => {
    const compared = scored('ex', 'c', 2, [
      [0, 0],
      [1, 2],
      [2, 2],
      [1, 1],
    ]);
    const withExcluded = [
      ...compared,
      unscored('c', 2, 'pending', null, 2),
      unscored('c', 2, 'pending', 0, 0),
      // A failed pre-grade is stored as 0; counted, it would add a 2-point disagreement.
      unscored('c', 2, 'failed', 0, 2),
    ];
    const row = onlyRow(withExcluded);
    const { excludedPending, excludedFailed, ...figures } = row;
    expect([excludedPending, excludedFailed]).toEqual([2, 1]);
    const { excludedPending: _p, excludedFailed: _f, ...without } = onlyRow(compared);
    expect(figures).toEqual(without);
    expect(figures.n).toBe(4);
  });

  it('kappa is null when every score sits in one category, while agreement is still reported', () => {
    const row = onlyRow(scored('ex', 'c', 3, times(4, [2, 2])));
    expect(row).toMatchObject({ n: 4, qwk: null, exactAgreement: 1, withinOne: 1, meanSignedDiff: 0 });
  });

  it('kappa is defined when each side sits in its own single category (always one apart is chance level)', () => {
    // O = E (all in cell [3][2]): Σ w·O = Σ w·E, κ = 0.
    expect(onlyRow(scored('ex', 'c', 3, times(3, [3, 2]))).qwk).toBeCloseTo(0, 10);
  });

  it('a criterion with nothing to compare has a count but no figures', () => {
    const row = onlyRow([unscored('c', 1, 'pending', null, 1), unscored('c', 1, 'failed', 0, 0)]);
    expect(row).toEqual({
      criterionId: 'c',
      max: 1,
      n: 0,
      excludedPending: 1,
      excludedFailed: 1,
      exactAgreement: null,
      withinOne: null,
      meanSignedDiff: null,
      qwk: null,
      matrix: [
        [0, 0],
        [0, 0],
      ],
    });
  });

  it('non-integer scores are rounded for the matrix, kappa and agreement, but not for the mean', () => {
    const row = onlyRow(
      scored('ex', 'c', 3, [
        [2.4, 2],
        [0.5, 1],
        [2.6, 1],
      ]),
    );
    // 2.4 → 2, 0.5 → 1 (halves go up), 2.6 → 3.
    expect(row.matrix[2]?.[2]).toBe(1);
    expect(row.matrix[1]?.[1]).toBe(1);
    expect(row.matrix[3]?.[1]).toBe(1);
    expect(row.exactAgreement).toBeCloseTo(2 / 3, 10);
    expect(row.withinOne).toBeCloseTo(2 / 3, 10);
    expect(row.meanSignedDiff).toBeCloseTo((0.4 - 0.5 + 1.6) / 3, 10);
    expect(row.qwk).toBeCloseTo(concordance([2, 1, 3], [2, 1, 1]), 10);
  });
});

describe('kappa agrees with independent implementations', () => {
  // 200 pairs on a 0..5 scale: the reviewer's score uniform, the pre-grader's off by −2..+2 with a generous
  // lean, clamped to the scale. Then a harsh one, and one that ignores the submission.
  const random = seeded(20240611);
  const int = (below: number) => Math.floor(random() * below);
  const clamp = (v: number) => Math.min(5, Math.max(0, v));
  const finals = Array.from({ length: 200 }, () => int(6));
  const sets: Record<string, [number, number][]> = {
    generous: finals.map((f) => [clamp(f + ([-1, 0, 0, 0, 1, 1, 2][int(7)] as number)), f]),
    harsh: finals.map((f) => [clamp(f - int(3)), f]),
    unrelated: finals.map((f) => [int(6), f]),
  };

  for (const [name, list] of Object.entries(sets)) {
    it(`the Kaggle ASAP definition and the concordance coefficient give the same kappa (${name})`, () => {
      const pre = list.map(([p]) => p);
      const final = list.map(([, f]) => f);
      const kappa = onlyRow(scored('ex', 'c', 5, list)).qwk;
      expect(kappa).not.toBeNull();
      expect(kappa).toBeCloseTo(asapQuadraticWeightedKappa(pre, final, 0, 5), 10);
      expect(kappa).toBeCloseTo(concordance(pre, final), 10);
    });
  }

  it('the sets differ enough for the comparison to mean something', () => {
    const kappas = Object.values(sets).map((list) => onlyRow(scored('ex', 'c', 5, list)).qwk as number);
    expect(kappas[0]).toBeGreaterThan(0.7);
    expect(kappas[1]).toBeGreaterThan(0.5);
    expect(Math.abs(kappas[2] as number)).toBeLessThan(0.2);
  });

  it('quadraticWeightedKappa of a matrix gives the same value as calibrate', () => {
    const row = onlyRow(scored('ex', 'c', 5, sets.generous ?? []));
    expect(quadraticWeightedKappa(row.matrix)).toBeCloseTo(row.qwk as number, 12);
  });
});

describe('grouping', () => {
  it('exercises are sorted by id and criteria keep the order first seen', () => {
    const { exercises } = calibrate([
      ...scored('b-ex', 'zeta', 2, [[1, 1]]),
      ...scored('a-ex', 'gamma', 2, [[1, 1]]),
      ...scored('b-ex', 'alpha', 2, [[1, 1]]),
      ...scored('a-ex', 'beta', 2, [[0, 0]]),
      ...scored('b-ex', 'zeta', 2, [[2, 2]]),
    ]);
    expect(exercises.map((e) => [e.exerciseId, e.criteria.map((c) => c.criterionId)])).toEqual([
      ['a-ex', ['gamma', 'beta']],
      ['b-ex', ['zeta', 'alpha']],
    ]);
    expect(exercises[1]?.criteria[0]?.n).toBe(2);
  });

  it('a criterion whose max changed gets one row per max, each with its own matrix', () => {
    const { exercises } = calibrate([
      ...scored('ex', 'depth', 4, [[4, 3]]),
      ...scored('ex', 'depth', 2, [
        [2, 2],
        [1, 1],
      ]),
      ...scored('ex', 'other', 1, [[1, 1]]),
      ...scored('ex', 'depth', 4, [[0, 0]]),
    ]);
    const rows = exercises[0]?.criteria ?? [];
    expect(rows.map((r) => [r.criterionId, r.max, r.n, r.matrix.length])).toEqual([
      ['depth', 4, 2, 5],
      ['depth', 2, 2, 3],
      ['other', 1, 1, 2],
    ]);
  });

  it('no pairs, no exercises', () => {
    expect(calibrate([])).toEqual({ exercises: [] });
  });
});

describe('the overall row of an exercise', () => {
  it('pools the counts, shares and mean of its criteria', () => {
    const { exercises } = calibrate([
      ...scored('ex', 'a', 2, [
        [2, 2],
        [2, 1],
      ]),
      ...scored('ex', 'b', 4, [
        [0, 2],
        [3, 3],
      ]),
      unscored('a', 2, 'pending', null, 1),
      unscored('b', 4, 'failed', 0, 4),
    ]);
    expect(exercises[0]?.overall).toMatchObject({
      n: 4,
      excludedPending: 1,
      excludedFailed: 1,
      exactAgreement: 0.5,
      withinOne: 0.75,
      meanSignedDiff: (0 + 1 - 2 + 0) / 4,
    });
  });

  it('with one criterion, its kappa is that criterion kappa', () => {
    const { exercises } = calibrate(
      scored('ex', 'c', 2, [
        [0, 0],
        [1, 2],
        [2, 2],
        [1, 1],
        [0, 1],
      ]),
    );
    expect(exercises[0]?.overall.qwk).toBeCloseTo(exercises[0]?.criteria[0]?.qwk as number, 12);
  });

  it('gives no credit for telling an easy criterion from a hard one (kappa is stratified)', () => {
    // Within each criterion the pre-grade is independent of the final score: O = E, κ = 0 for both. Pooled
    // into one matrix the pairs would look strongly concordant, only because "easy" scores low and "hard" high.
    const easy = scored('ex', 'easy', 4, [
      [0, 0],
      [0, 1],
      [1, 0],
      [1, 1],
    ]);
    const hard = scored('ex', 'hard', 4, [
      [3, 3],
      [3, 4],
      [4, 3],
      [4, 4],
    ]);
    const { exercises } = calibrate([...easy, ...hard]);
    expect(exercises[0]?.criteria.map((c) => c.qwk)).toEqual([0, 0]);
    expect(exercises[0]?.overall.qwk).toBeCloseTo(0, 10);
    const pooled = [...easy, ...hard];
    const naive = concordance(
      pooled.map((p) => p.pre as number),
      pooled.map((p) => p.final),
    );
    expect(naive).toBeGreaterThan(0.8);
  });

  it('weights each criterion disagreement by its own scale', () => {
    // a (max 1): O = |0 1; 1 0| → Σ w·O = 2, Σ w·E = 1.  b (max 2): pairs (0,0) (2,2) → Σ w·O = 0,
    // E = |0.5 0 0.5; 0 0 0; 0.5 0 0.5| with w = 1 at the corners → Σ w·E = 1.  κ = 1 − (2 + 0) / (1 + 1) = 0.
    const { exercises } = calibrate([
      ...scored('ex', 'a', 1, [
        [0, 1],
        [1, 0],
      ]),
      ...scored('ex', 'b', 2, [
        [0, 0],
        [2, 2],
      ]),
    ]);
    expect(exercises[0]?.criteria.map((c) => c.qwk)).toEqual([-1, 1]);
    expect(exercises[0]?.overall.qwk).toBeCloseTo(0, 10);
  });
});

describe('bad input gets a clear error', () => {
  const good: CalibrationPair = { exerciseId: 'ex', criterionId: 'c', max: 2, pre: 1, preStatus: 'scored', final: 1 };

  it('a scored pair without a pre-grade', () => {
    expect(() => calibrate([good, { ...good, pre: null }])).toThrow(
      'calibration pair 1 (ex / c): pre must be a finite number, got null',
    );
  });

  it('a score outside 0..max', () => {
    expect(() => calibrate([{ ...good, final: 3 }])).toThrow('calibration pair 0 (ex / c): final 3 is outside 0..2');
    expect(() => calibrate([{ ...good, pre: -1 }])).toThrow('pre -1 is outside 0..2');
  });

  it('a score that is not a number', () => {
    expect(() => calibrate([{ ...good, final: Number.NaN }])).toThrow('final must be a finite number, got NaN');
  });

  it('a max that is not a whole number of at least 1', () => {
    expect(() => calibrate([{ ...good, max: 0, pre: 0, final: 0 }])).toThrow('max must be a whole number');
    expect(() => calibrate([{ ...good, max: 2.5 }])).toThrow('max must be a whole number');
  });

  it('an unknown pre-grade status', () => {
    // Rows come from the database as strings: the type alone does not guarantee the value.
    const bad = { ...good, preStatus: 'queued' } as unknown as CalibrationPair;
    expect(() => calibrate([bad])).toThrow('preStatus must be one of scored, pending, failed, got queued');
  });
});
