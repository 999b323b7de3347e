/**
 * Calibration: how far the pre-grader can be trusted, measured against the scores reviewers confirmed. Pure:
 * the caller loads one pair per reviewed submission and criterion; this module only counts.
 *
 * Per exercise (sorted by id) and per criterion (in the order first seen, stable), over the pairs whose
 * pre-grade was scored: n, exact agreement, agreement within one point, mean signed difference (pre − final:
 * positive means the pre-grader is generous), quadratic weighted kappa, and a (max+1)×(max+1) matrix of
 * counts [pre][final] for the heatmap. Pending and failed pre-grades have no score to compare: they are left
 * out of every figure and counted in `excludedPending` / `excludedFailed`.
 *
 * Quadratic weighted kappa over the categories 0..max (k = max + 1):
 *
 *   κ = 1 − Σ w_ij O_ij / Σ w_ij E_ij     w_ij = (i − j)² / (k − 1)²     E_ij = r_i · c_j / n
 *
 * O_ij counts the pairs with pre i and final j; r_i and c_j are the row (pre) and column (final) totals, so E
 * is what the counts would be if the two scores were independent with the same marginals. 1 is perfect
 * agreement, 0 is chance, below 0 worse than chance. Worked example, max 1, pairs (pre, final) = (0,0),
 * (1,1), (1,1), (1,0):
 *
 *   O = | 1 0 |   r = (1, 3), c = (2, 2), n = 4   E = | 0.5 0.5 |   w = | 0 1 |
 *       | 1 2 |                                       | 1.5 1.5 |       | 1 0 |
 *   Σ w·O = 1,  Σ w·E = 0.5 + 1.5 = 2,  κ = 1 − 1/2 = 0.5  (with two categories QWK is Cohen's kappa).
 *
 * Conventions a reader would otherwise have to guess:
 * - κ is null when it is undefined: n = 0, or Σ w·E = 0, which happens exactly when every pre-grade and every
 *   final score sit in one and the same category (there is no chance disagreement to beat; read the exact
 *   agreement instead). The shares and the mean are null when n = 0.
 * - Scores are rounded to the nearest integer (Math.round: halves go up) for the matrix, κ, exact agreement
 *   and within-one, so that the exact agreement is always the matrix diagonal the chart shows. The mean
 *   signed difference uses the scores as given, since rounding would bias a mean.
 * - A criterion whose max changed (a new rubric version) gets one row per max, in the order first seen: a
 *   2-point and a 4-point scale cannot share a matrix, and stretching old scores onto the larger scale would
 *   make their disagreements look smaller than they were.
 * - The exercise's `overall` row pools its criteria's pairs for n, the shares and the mean (in points). Its κ
 *   is stratified: 1 − Σ_c Σ w·O_c / Σ_c Σ w·E_c, each criterion with its own E and weights, so that the
 *   pre-grader gets no credit merely for scoring a hard criterion lower than an easy one (pooling the pairs
 *   into one matrix would). With a single criterion it equals that criterion's κ.
 */

export type PreStatus = 'scored' | 'pending' | 'failed';

export type CalibrationPair = {
  exerciseId: string;
  criterionId: string;
  max: number;
  pre: number | null;
  preStatus: PreStatus;
  final: number;
};

export type AgreementFigures = {
  /** Pairs compared: reviewed, with a scored pre-grade. */
  n: number;
  excludedPending: number;
  excludedFailed: number;
  /** Share 0..1 of pairs with pre = final; null when n = 0. */
  exactAgreement: number | null;
  /** Share 0..1 of pairs with |pre − final| ≤ 1; null when n = 0. */
  withinOne: number | null;
  /** Mean of pre − final in points: positive means the pre-grader is generous; null when n = 0. */
  meanSignedDiff: number | null;
  /** Quadratic weighted kappa; null when undefined (see the module header). */
  qwk: number | null;
};

export type CriterionCalibration = AgreementFigures & {
  criterionId: string;
  max: number;
  /** matrix[pre][final]: how many pairs had that pre-grade and that final score. */
  matrix: number[][];
};

export type ExerciseCalibration = { exerciseId: string; overall: AgreementFigures; criteria: CriterionCalibration[] };

export type Calibration = { exercises: ExerciseCalibration[] };

/** Sums that add up across criteria; every figure is derived from them. */
type Tally = {
  n: number;
  exact: number;
  withinOne: number;
  signedDiff: number;
  pending: number;
  failed: number;
  /** Σ w·O and Σ w·E with this criterion's normalised weights. */
  observed: number;
  expected: number;
};

type Group = { criterionId: string; max: number; matrix: number[][]; tally: Tally };

const STATUSES: readonly PreStatus[] = ['scored', 'pending', 'failed'];

export function calibrate(pairs: readonly CalibrationPair[]): Calibration {
  // exercise → criterion → max → group; Maps keep insertion order, which gives "first seen" for free.
  const byExercise = new Map<string, Map<string, Map<number, Group>>>();
  pairs.forEach((pair, index) => {
    const pre = validate(pair, index);
    const criteria = entry(byExercise, pair.exerciseId, () => new Map());
    const versions = entry(criteria, pair.criterionId, () => new Map());
    const group = entry(versions, pair.max, () => newGroup(pair.criterionId, pair.max));
    add(group, pair, pre);
  });

  const exercises = [...byExercise.keys()].sort(byCodeUnits).map((exerciseId): ExerciseCalibration => {
    const groups = [...(byExercise.get(exerciseId)?.values() ?? [])]
      .flatMap((versions) => [...versions.values()])
      .map((g) => ({ ...g, tally: { ...g.tally, ...weightedDisagreement(g.matrix) } }));
    return {
      exerciseId,
      overall: figures(groups.map((g) => g.tally).reduce(sumTallies, emptyTally())),
      criteria: groups.map((g) => ({ criterionId: g.criterionId, max: g.max, ...figures(g.tally), matrix: g.matrix })),
    };
  });
  return { exercises };
}

/**
 * Σ w·O and Σ w·E for one matrix, with w_ij = (i − j)² / (k − 1)² and E_ij = r_i·c_j / n, as in the header.
 * Exported so that the heatmap's caller (and the tests) can recompute κ from a matrix.
 */
export function weightedDisagreement(matrix: readonly (readonly number[])[]): { observed: number; expected: number } {
  const k = matrix.length;
  const rows = matrix.map((row) => row.reduce((a, b) => a + b, 0));
  const cols = Array.from({ length: k }, (_, j) => matrix.reduce((a, row) => a + (row[j] ?? 0), 0));
  const n = rows.reduce((a, b) => a + b, 0);
  if (n === 0 || k < 2) return { observed: 0, expected: 0 };
  let observed = 0;
  let expected = 0;
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < k; j++) {
      const w = (i - j) ** 2 / (k - 1) ** 2;
      observed += w * (matrix[i]?.[j] ?? 0);
      expected += (w * (rows[i] ?? 0) * (cols[j] ?? 0)) / n;
    }
  }
  return { observed, expected };
}

/** κ of one matrix [pre][final], or null when undefined. */
export function quadraticWeightedKappa(matrix: readonly (readonly number[])[]): number | null {
  const { observed, expected } = weightedDisagreement(matrix);
  return expected === 0 ? null : 1 - observed / expected;
}

/** Throws a clear error for a pair that cannot be counted; returns the pre-grade of a scored pair, else null. */
function validate(pair: CalibrationPair, index: number): number | null {
  const where = `calibration pair ${index} (${pair.exerciseId} / ${pair.criterionId})`;
  if (!Number.isInteger(pair.max) || pair.max < 1) {
    throw new RangeError(`${where}: max must be a whole number of at least 1, got ${pair.max}`);
  }
  if (!STATUSES.includes(pair.preStatus)) {
    throw new RangeError(`${where}: preStatus must be one of ${STATUSES.join(', ')}, got ${String(pair.preStatus)}`);
  }
  checkScore(where, 'final', pair.final, pair.max);
  return pair.preStatus === 'scored' ? checkScore(where, 'pre', pair.pre, pair.max) : null;
}

function checkScore(where: string, name: string, score: number | null, max: number): number {
  if (typeof score !== 'number' || !Number.isFinite(score)) {
    throw new RangeError(`${where}: ${name} must be a finite number, got ${String(score)}`);
  }
  const rounded = Math.round(score);
  if (rounded < 0 || rounded > max) {
    throw new RangeError(`${where}: ${name} ${score} is outside 0..${max}`);
  }
  return score;
}

function entry<K, V>(map: Map<K, V>, key: K, make: () => V): V {
  const found = map.get(key);
  if (found !== undefined) return found;
  const made = make();
  map.set(key, made);
  return made;
}

function newGroup(criterionId: string, max: number): Group {
  const matrix = Array.from({ length: max + 1 }, () => new Array<number>(max + 1).fill(0));
  return { criterionId, max, matrix, tally: emptyTally() };
}

function add(group: Group, pair: CalibrationPair, pre: number | null): void {
  const { tally } = group;
  if (pair.preStatus === 'pending') tally.pending++;
  else if (pair.preStatus === 'failed') tally.failed++;
  else if (pre !== null) {
    const i = Math.round(pre);
    const j = Math.round(pair.final);
    const row = group.matrix[i];
    if (row) row[j] = (row[j] ?? 0) + 1;
    tally.n++;
    if (i === j) tally.exact++;
    if (Math.abs(i - j) <= 1) tally.withinOne++;
    tally.signedDiff += pre - pair.final;
  }
}

function emptyTally(): Tally {
  return { n: 0, exact: 0, withinOne: 0, signedDiff: 0, pending: 0, failed: 0, observed: 0, expected: 0 };
}

function sumTallies(a: Tally, b: Tally): Tally {
  return {
    n: a.n + b.n,
    exact: a.exact + b.exact,
    withinOne: a.withinOne + b.withinOne,
    signedDiff: a.signedDiff + b.signedDiff,
    pending: a.pending + b.pending,
    failed: a.failed + b.failed,
    observed: a.observed + b.observed,
    expected: a.expected + b.expected,
  };
}

function figures(t: Tally): AgreementFigures {
  const share = (count: number) => (t.n === 0 ? null : count / t.n);
  return {
    n: t.n,
    excludedPending: t.pending,
    excludedFailed: t.failed,
    exactAgreement: share(t.exact),
    withinOne: share(t.withinOne),
    meanSignedDiff: share(t.signedDiff),
    qwk: t.n === 0 || t.expected === 0 ? null : 1 - t.observed / t.expected,
  };
}

/** Plain code-unit order: the same on every machine and locale, unlike localeCompare. */
function byCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
