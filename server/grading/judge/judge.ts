/**
 * The LLM judge: one request per submission that scores all of the rubric's `llm` criteria, with structured
 * output validated against a schema derived from the rubric, quotes verified against the submission, and
 * the usage and cost of every request it made.
 *
 * Failure handling, in layers:
 * - 408, 409, 429, 5xx, 529 and connection errors or timeouts: the SDK retries them itself (the client's
 *   maxRetries, honouring retry-after). When they persist, `judge` throws JudgeUnavailableError, which the
 *   job runner retries later with its own backoff.
 * - An answer that fails validation (not JSON, wrong shape, score out of range, cut off, refused): asked
 *   again once; a second failure marks every llm criterion `failed` with an `llm-failed` flag saying why.
 * - An error that retrying cannot fix (spend limit reached, bad key, bad request): every llm criterion
 *   `failed` with `llm-failed` and the API's reason; no throw, so the job completes and staff see why.
 * - No client (no API key): every llm criterion `pending` with `llm-not-configured`; no request.
 */
import type Anthropic from '@anthropic-ai/sdk';
import { APIConnectionError, APIError } from '@anthropic-ai/sdk';
import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { Message, MessageCreateParamsNonStreaming } from '@anthropic-ai/sdk/resources/messages';
import type { Exercise } from '../../content/library.js';
import type { Submission } from '../../content/schema.js';
import { consoleLogger, type Logger } from '../../deps.js';
import type { CriterionGrade, Flag, Usage } from '../types.js';
import { verifyQuotes } from './evidence.js';
import { costOf, PRICES, type PriceTable, type TokenCounts } from './prices.js';
import { buildJudgeRequest, drawNonce, type NonceSource, randomNonce } from './prompt.js';
import { type JudgeOutput, judgeOutputSchema, type LlmCriterion } from './schema.js';

export type JudgeOptions = {
  /** Built in main.ts from ANTHROPIC_API_KEY / ANTHROPIC_BASE_URL; null when no key is configured. */
  client: Anthropic | null;
  model: string;
  exercise: Exercise;
  /** The rubric's llm criteria (`llmCriteria(exercise.rubric)`). */
  criteria: readonly LlmCriterion[];
  submission: Submission;
  /** The delimiter's nonce; crypto-random unless a test injects one. */
  nonce?: NonceSource;
  prices?: PriceTable;
  /** Room for adaptive thinking and the JSON answer. An answer cut off here fails validation. */
  maxTokens?: number;
  log?: Pick<Logger, 'warn'>;
};

export type JudgeResult = { criteria: CriterionGrade[]; flags: Flag[]; usage: Usage | null };

export const DEFAULT_MAX_TOKENS = 8192;

/** How many times an answer that fails validation is asked for in all. */
const ASKS = 2;

/** Error codes of a 429 that will not clear by waiting: the organisation's spend limit. */
const SPEND_LIMIT_CODES = new Set(['contract_spend_limit_reached', 'enforced_spend_limit_reached']);

/**
 * The API could not be reached or kept failing after the SDK's own retries. Retryable: the job runner
 * should try the submission again later. `status` is null for a timeout or a connection error.
 */
export class JudgeUnavailableError extends Error {
  override readonly name = 'JudgeUnavailableError';
  readonly retryable = true;
  readonly status: number | null;
  readonly type: string | null;
  readonly requestId: string | null;
  /** What requests made before this failure cost (a rejected first answer is still billed). */
  readonly usage: Usage | null;

  /** cause: the SDK's error, or what was wrong with an answer that was not a Messages API response at all. */
  constructor(cause: APIError | string, usage: Usage | null) {
    super(
      typeof cause === 'string'
        ? `the Anthropic API endpoint answered something else than a message: ${cause}`
        : cause instanceof APIConnectionError
          ? `the Anthropic API did not answer after the SDK's retries: ${cause.message}`
          : `the Anthropic API kept failing after the SDK's retries: ${describeApiError(cause)}`,
      typeof cause === 'string' ? {} : { cause },
    );
    this.status = typeof cause === 'string' ? null : (cause.status ?? null);
    this.type = typeof cause === 'string' ? null : (cause.type ?? null);
    this.requestId = typeof cause === 'string' ? null : (cause.requestID ?? null);
    this.usage = usage;
  }
}

export async function judge(options: JudgeOptions): Promise<JudgeResult> {
  const { client, criteria, submission } = options;
  if (criteria.length === 0) return { criteria: [], flags: [], usage: null };
  if (!client) return notConfigured(criteria);

  const schema = judgeOutputSchema(criteria);
  const format = zodOutputFormat(schema);
  const meter = usageMeter(options);
  let problem = '';
  for (let ask = 1; ask <= ASKS; ask++) {
    const params: MessageCreateParamsNonStreaming = {
      ...buildJudgeRequest({
        model: options.model,
        exercise: options.exercise,
        criteria,
        submission,
        nonce: drawNonce(submission, options.nonce ?? randomNonce),
        maxTokens: options.maxTokens ?? DEFAULT_MAX_TOKENS,
      }),
      output_config: { format },
    };
    let message: Message;
    try {
      // messages.create rather than messages.parse: parse throws on an invalid answer and loses the
      // response with it, and so the usage that was billed for it. The same zod schema validates below.
      message = await client.messages.create(params);
    } catch (error) {
      if (!(error instanceof APIError)) throw error;
      if (isRetryable(error)) throw new JudgeUnavailableError(error, meter.usage());
      return failed(criteria, `the Anthropic API refused the request: ${describeApiError(error)}`, meter.usage());
    }
    // A proxy or gateway (ANTHROPIC_BASE_URL) can answer 200 with an error page: the SDK hands it over as is.
    if (!isMessage(message)) {
      throw new JudgeUnavailableError(
        `${typeof message === 'string' ? 'text' : typeof message} without content and usage`,
        meter.usage(),
      );
    }
    meter.add(message);
    const read = readAnswer(message, schema);
    if (read.ok) return graded(criteria, submission, read.output, meter.usage());
    problem = read.problem;
  }
  return failed(criteria, `its answer failed validation ${ASKS} times; the last: ${problem}`, meter.usage());
}

type Read = { ok: true; output: JudgeOutput } | { ok: false; problem: string };

function readAnswer(message: Message, schema: ReturnType<typeof judgeOutputSchema>): Read {
  if (message.stop_reason === 'refusal') return { ok: false, problem: 'the model refused to answer' };
  const text = message.content.find((block) => block.type === 'text')?.text;
  const cutOff = message.stop_reason === 'max_tokens' ? ' (cut off at max_tokens)' : '';
  if (text === undefined) return { ok: false, problem: `the answer has no text${cutOff}` };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `the answer is not JSON${cutOff}: ${(error as Error).message}` };
  }
  const result = schema.safeParse(json);
  if (result.success) return { ok: true, output: result.data };
  const issues = result.error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    .join('; ');
  return { ok: false, problem: `the answer does not match the rubric's schema: ${issues}` };
}

function graded(
  criteria: readonly LlmCriterion[],
  submission: Submission,
  output: JudgeOutput,
  usage: Usage | null,
): JudgeResult {
  const flags: Flag[] = [];
  const grades = criteria.map((c): CriterionGrade => {
    // The schema requires every criterion id, so a missing verdict cannot reach this point.
    const verdict = output[c.id];
    if (!verdict) throw new Error(`validated output lacks criterion ${c.id}`);
    const evidence = verifyQuotes(submission, verdict.quotes);
    const unverified = evidence.filter((e) => !e.verified).length;
    if (unverified > 0) {
      flags.push({
        code: 'unverified-evidence',
        criterion: c.id,
        message: `${unverified} of ${evidence.length} quotes the judge gave for "${c.title}" are not in the submission: check its rationale against the text`,
      });
    }
    return {
      id: c.id,
      source: 'llm',
      status: 'scored',
      score: verdict.score,
      max: c.points,
      rationale: verdict.rationale,
      evidence,
    };
  });
  return { criteria: grades, flags, usage };
}

function notConfigured(criteria: readonly LlmCriterion[]): JudgeResult {
  const message = 'No Anthropic API key is configured (ANTHROPIC_API_KEY): a reviewer scores this criterion.';
  return {
    criteria: criteria.map((c) => unscored(c, 'pending', message)),
    flags: criteria.map((c) => ({ code: 'llm-not-configured', criterion: c.id, message })),
    usage: null,
  };
}

function failed(criteria: readonly LlmCriterion[], reason: string, usage: Usage | null): JudgeResult {
  const message = `The LLM judge could not score this criterion: ${reason}. A reviewer scores it.`;
  return {
    criteria: criteria.map((c) => unscored(c, 'failed', message)),
    flags: criteria.map((c) => ({ code: 'llm-failed', criterion: c.id, message })),
    usage,
  };
}

function unscored(c: LlmCriterion, status: 'pending' | 'failed', rationale: string): CriterionGrade {
  return { id: c.id, source: 'llm', status, score: 0, max: c.points, rationale, evidence: [] };
}

function isRetryable(error: APIError): boolean {
  if (error instanceof APIConnectionError) return true; // includes APIConnectionTimeoutError
  const status = error.status;
  if (status === undefined) return false;
  if (status === 429) return !isSpendLimit(error);
  return status === 408 || status === 409 || status >= 500;
}

/**
 * A 429 that says the organisation's spend limit is reached. The SDK exposes a stable `errorCode`; the
 * message test covers an API (or a proxy behind ANTHROPIC_BASE_URL) that sends no error details.
 */
function isSpendLimit(error: APIError): boolean {
  if (error.errorCode !== null && SPEND_LIMIT_CODES.has(error.errorCode)) return true;
  return /spend(ing)? limit|credit balance|usage limits?/i.test(error.apiMessage ?? '');
}

function describeApiError(error: APIError): string {
  const kind = [error.status, error.type, error.errorCode ? `(${error.errorCode})` : null].filter(Boolean).join(' ');
  const request = error.requestID ? ` [request ${error.requestID}]` : '';
  return `${kind || 'error'}: ${error.apiMessage ?? error.message}${request}`;
}

/** Adds up the usage of every response: each one is billed, including an answer that failed validation. */
function usageMeter(options: JudgeOptions) {
  let model = options.model;
  const totals: Required<TokenCounts> = {
    inputTokens: 0,
    outputTokens: 0,
    cacheReadTokens: 0,
    cacheWriteTokens: 0,
    cacheWrite1hTokens: 0,
  };
  let responses = 0;
  return {
    add(message: Message) {
      responses++;
      model = message.model;
      const u = message.usage;
      totals.inputTokens += u.input_tokens;
      totals.outputTokens += u.output_tokens;
      totals.cacheReadTokens += u.cache_read_input_tokens ?? 0;
      totals.cacheWriteTokens += u.cache_creation_input_tokens ?? 0;
      totals.cacheWrite1hTokens += u.cache_creation?.ephemeral_1h_input_tokens ?? 0;
    },
    usage(): Usage | null {
      if (responses === 0) return null;
      const { costUsd, priced } = costOf(model, totals, options.prices ?? PRICES);
      if (!priced) {
        (options.log ?? consoleLogger).warn(
          `judge: no price for model "${model}" in the price table, so its cost is recorded as 0 USD`,
        );
      }
      const { cacheWrite1hTokens: _, ...counts } = totals;
      return { model, ...counts, costUsd };
    },
  };
}

function isMessage(value: unknown): value is Message {
  if (typeof value !== 'object' || value === null) return false;
  const { content, usage } = value as { content?: unknown; usage?: { input_tokens?: unknown } };
  return Array.isArray(content) && typeof usage?.input_tokens === 'number';
}
