/**
 * What a judge request costs, from the usage figures the API returns. Prices are list prices in USD per
 * million tokens; a cache write (5-minute TTL) costs 1.25x input, a 1-hour write 2x, a cache read 0.1x.
 * A model missing from the table costs 0 and `costOf` says so (`priced: false`) instead of guessing.
 */

export type ModelPrice = { inputPerMTok: number; outputPerMTok: number };
export type PriceTable = Readonly<Record<string, ModelPrice>>;

/** Published list prices (platform.claude.com model pages). Keyed by the API's model id or alias. */
export const PRICES: PriceTable = {
  'claude-sonnet-5-5': { inputPerMTok: 2, outputPerMTok: 10 },
  'claude-sonnet-5': { inputPerMTok: 2, outputPerMTok: 10 },
  'claude-sonnet-4-6': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-sonnet-4-5': { inputPerMTok: 3, outputPerMTok: 15 },
  'claude-opus-5-5': { inputPerMTok: 4, outputPerMTok: 20 },
  'claude-opus-5': { inputPerMTok: 5, outputPerMTok: 25 },
  'claude-opus-4-6': { inputPerMTok: 5, outputPerMTok: 25 },
  'claude-opus-4-5': { inputPerMTok: 5, outputPerMTok: 25 },
  'claude-haiku-4-5': { inputPerMTok: 1, outputPerMTok: 5 },
};

export const CACHE_WRITE_5M_FACTOR = 1.25;
export const CACHE_WRITE_1H_FACTOR = 2;
export const CACHE_READ_FACTOR = 0.1;

export type TokenCounts = {
  inputTokens: number;
  outputTokens: number;
  cacheReadTokens: number;
  cacheWriteTokens: number;
  /** Of cacheWriteTokens, those written with the 1-hour TTL (the rest are 5-minute writes). */
  cacheWrite1hTokens?: number;
};

/**
 * The price of a model: an exact entry, or the entry of its alias when the id is a dated snapshot
 * (`claude-haiku-4-5-20251001` is priced as `claude-haiku-4-5`). Null when the table has neither.
 */
export function priceOf(model: string, prices: PriceTable = PRICES): ModelPrice | null {
  return prices[model] ?? prices[model.replace(/-\d{8}$/, '')] ?? null;
}

export function costOf(
  model: string,
  tokens: TokenCounts,
  prices: PriceTable = PRICES,
): { costUsd: number; priced: boolean } {
  const price = priceOf(model, prices);
  if (!price) return { costUsd: 0, priced: false };
  const write1h = Math.min(tokens.cacheWrite1hTokens ?? 0, tokens.cacheWriteTokens);
  const write5m = tokens.cacheWriteTokens - write1h;
  const inputEquivalent =
    tokens.inputTokens +
    write5m * CACHE_WRITE_5M_FACTOR +
    write1h * CACHE_WRITE_1H_FACTOR +
    tokens.cacheReadTokens * CACHE_READ_FACTOR;
  const usd = (inputEquivalent * price.inputPerMTok + tokens.outputTokens * price.outputPerMTok) / 1_000_000;
  // Micro-dollars: enough for one request, and free of float noise such as 0.010000000000000002.
  return { costUsd: Math.round(usd * 1_000_000) / 1_000_000, priced: true };
}
