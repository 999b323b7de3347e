/**
 * How the calibration figures (server/review/calibration.ts) read on the page: shares as percentages, the
 * pre-grader's bias with its direction in words, and κ with a plain reading. A figure the server could not
 * compute (null: nothing compared, or κ undefined) is shown as "—", never as 0. These only format: the
 * figures' ranges are the server's contract (its tests), and a page must not crash on a figure it can print.
 */

export const MISSING = '—';

/** Typographic minus: "−0.3" reads as a negative number, "-0.3" as a hyphen in some fonts. */
const MINUS = '\u2212';

/** A share 0..1 as a whole percentage: 0.8333 → "83%". */
export function formatPercent(share: number | null): string {
  if (share === null) return MISSING;
  return `${Math.round(share * 100)}%`;
}

/** Up to two decimals, trailing zeros dropped, with a typographic minus: 0.4 → "0.4", −1/3 → "−0.33". */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  // −0.001 rounds to −0: shown as "0", not "−0".
  if (rounded === 0) return '0';
  const text = String(Math.abs(rounded));
  return rounded < 0 ? `${MINUS}${text}` : text;
}

export type Bias = { text: string; reading: string; direction: 'generous' | 'harsh' | 'even' | 'none' };

/**
 * The mean signed difference (pre − final, in points) with its sign and direction: "+0.4", "pre-grader
 * generous". The direction is read from the number as shown, so "0" is never called generous or harsh.
 */
export function formatBias(meanSignedDiff: number | null): Bias {
  if (meanSignedDiff === null) return { text: MISSING, reading: 'nothing compared', direction: 'none' };
  const text = formatNumber(meanSignedDiff);
  if (text === '0') return { text, reading: 'no bias', direction: 'even' };
  return meanSignedDiff > 0
    ? { text: `+${text}`, reading: 'pre-grader generous', direction: 'generous' }
    : { text, reading: 'pre-grader harsh', direction: 'harsh' };
}

export type KappaBand = 'poor' | 'moderate' | 'substantial' | 'strong';

export type Kappa = { text: string; band: KappaBand | null; reading: string };

/**
 * κ's bands follow Landis & Koch (1977), "The measurement of observer agreement for categorical data",
 * with their three lowest bands (poor < 0, slight ≤ 0.2, fair ≤ 0.4) taken together as "poor": for trusting a
 * pre-grader, fair agreement is not enough. Upper bounds are inclusive, as theirs (0.41–0.60 is moderate),
 * and the band is read from the value as shown (two decimals), so that the words always match the number.
 */
export const KAPPA_BANDS: readonly { band: KappaBand; upTo: number; label: string }[] = [
  { band: 'poor', upTo: 0.4, label: '0.40 or less' },
  { band: 'moderate', upTo: 0.6, label: '0.41 to 0.60' },
  { band: 'substantial', upTo: 0.8, label: '0.61 to 0.80' },
  { band: 'strong', upTo: Number.POSITIVE_INFINITY, label: 'above 0.80' },
];

export function formatKappa(qwk: number | null): Kappa {
  if (qwk === null) return { text: MISSING, band: null, reading: 'undefined' };
  const shown = Math.round(qwk * 100) / 100;
  const band = KAPPA_BANDS.find((b) => shown <= b.upTo)?.band ?? 'strong';
  const text = shown === 0 ? '0.00' : `${shown < 0 ? MINUS : ''}${Math.abs(shown).toFixed(2)}`;
  return { text, band, reading: shown < 0 ? 'poor: worse than chance' : band };
}

/** The pairs left out of the figures: "2 pending LLM, 1 failed", or "none". */
export function formatExcluded(pending: number, failed: number): string {
  const parts = [pending > 0 ? `${pending} pending LLM` : '', failed > 0 ? `${failed} failed` : ''].filter(Boolean);
  return parts.length === 0 ? 'none' : parts.join(', ');
}
