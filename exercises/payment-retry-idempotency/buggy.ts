// Retries for card charges, with exponential backoff and full jitter.
//
// Only transient failures are retried: timeouts, 5xx responses and dropped connections. A decline or a
// validation error will fail the same way every time, so it goes straight back to the caller. Every
// request carries an Idempotency-Key header, which is what makes retrying a payment safe.
import { randomUUID } from 'node:crypto';

export type ChargeRequest = {
  orderId: string;
  customerId: string;
  amountCents: number;
  currency: string;
};

export type Charge = { id: string; amountCents: number; currency: string; status: 'succeeded' };

export type ErrorCode = 'timeout' | 'unavailable' | 'network' | 'card_declined' | 'invalid_request';

export class PaymentError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'PaymentError';
  }
}

export interface PaymentClient {
  charge(request: ChargeRequest, options: { idempotencyKey: string; timeoutMs: number }): Promise<Charge>;
}

export type RetryOptions = {
  maxAttempts?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timeoutMs?: number;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
};

const RETRYABLE: ReadonlySet<ErrorCode> = new Set(['timeout', 'unavailable', 'network']);

function isRetryable(error: unknown): boolean {
  return error instanceof PaymentError && RETRYABLE.has(error.code);
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function chargeWithRetry(
  client: PaymentClient,
  request: ChargeRequest,
  options: RetryOptions = {},
): Promise<Charge> {
  const {
    maxAttempts = 4,
    baseDelayMs = 250,
    maxDelayMs = 4000,
    timeoutMs = 10_000,
    sleep = defaultSleep,
    random = Math.random,
  } = options;

  let lastError: unknown;
  for (let attempt = 1; attempt <= maxAttempts; attempt++) {
    const idempotencyKey = randomUUID();
    try {
      return await client.charge(request, { idempotencyKey, timeoutMs });
    } catch (error) {
      lastError = error;
      if (!isRetryable(error) || attempt === maxAttempts) break;
      // Full jitter: a random delay in [0, min(cap, base * 2^n)) spreads retries from many clients.
      const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1));
      await sleep(Math.floor(random() * ceiling));
    }
  }
  throw lastError;
}
