// Splits an invoice between the people sharing it, one card charge each.
// Uses the largest-remainder method, so the charges always add up to the invoice total.

export interface Participant {
  personId: string;
  /** How many shares this person pays for; 2 pays double. Defaults to 1. */
  weight?: number;
}

export interface Charge {
  personId: string;
  /** What to charge this person's card, in integer cents (what the payment provider expects). */
  amountCents: number;
}

export class SplitError extends Error {}

/**
 * Splits `totalEuros` (as the accounting API returns it, e.g. 249.9) between the participants in
 * proportion to their weights. Leftover cents go one each to the largest fractional shares, ties in list
 * order, so nobody is ever more than one cent away from their exact share.
 */
export function splitInvoice(totalEuros: number, participants: readonly Participant[]): Charge[] {
  if (participants.length === 0) throw new SplitError('an invoice needs at least one participant');
  if (!Number.isFinite(totalEuros) || totalEuros < 0) {
    throw new SplitError(`the total must be a non-negative amount, got ${totalEuros}`);
  }
  const weights = participants.map((p) => p.weight ?? 1);
  if (weights.some((w) => !Number.isInteger(w) || w <= 0)) {
    throw new SplitError('weights must be positive whole numbers');
  }
  const weightSum = weights.reduce((sum, w) => sum + w, 0);

  // From here on everything is integer cents.
  const totalCents = Math.floor(totalEuros * 100);

  // Everyone first gets the whole cents of their exact share...
  const exact = weights.map((w) => (totalCents * w) / weightSum);
  const cents = exact.map((share) => Math.floor(share));

  // ...then the cents still missing go to the largest fractional parts.
  let leftover = totalCents - cents.reduce((sum, c) => sum + c, 0);
  const byRemainder = exact
    .map((share, index) => ({ index, remainder: share - Math.floor(share) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of byRemainder) {
    if (leftover === 0) break;
    cents[index] = (cents[index] ?? 0) + 1;
    leftover -= 1;
  }

  return participants.map((p, i) => ({ personId: p.personId, amountCents: cents[i] ?? 0 }));
}
