/**
 * msw handlers that play Anthropic's Messages API (POST /v1/messages) for tests, with the API's own shapes:
 * a Message with usage on success; on failure the error body
 *   {"type":"error","error":{"type":"rate_limit_error","message":"…"},"request_id":"req_…"}
 * with a request-id header. A test queues replies in order; every request is recorded (body and headers)
 * so the test can assert on what was sent. A request beyond the queue fails the test.
 *
 * Error replies carry `retry-after-ms` (read by the SDK before `retry-after`) so that the SDK's own retries
 * take milliseconds in tests; 429 also carries `retry-after` in whole seconds, as the API sends it.
 */
import Anthropic, { type ClientOptions } from '@anthropic-ai/sdk';
import type { Message } from '@anthropic-ai/sdk/resources/messages';
import { delay, HttpResponse, http } from 'msw';

export const ANTHROPIC_TEST_URL = 'http://anthropic.test';

export type RecordedRequest = { body: Record<string, unknown>; headers: Headers };

export type TokenUsage = {
  input_tokens: number;
  output_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
};

export type Reply =
  | { kind: 'message'; text: string; usage?: Partial<TokenUsage>; stopReason?: Message['stop_reason'] }
  | {
      kind: 'error';
      status: number;
      type: string;
      message: string;
      errorCode?: string;
      retryAfterMs?: number;
      retryAfterSeconds?: number;
    }
  | { kind: 'page'; html: string }
  | { kind: 'slow'; ms: number; then: Reply };

export const DEFAULT_USAGE: TokenUsage = {
  input_tokens: 412,
  output_tokens: 356,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 3890,
};

/**
 * The client a test judges with: the production constructor, pointed at the mock. Its `fetch` (an option
 * the SDK offers for this) is the global fetch that msw intercepts, with each response's body read into a
 * plain Response. The reason: before a retry the SDK cancels the failed response's body, and cancelling the
 * body of an msw-made response never resolves (mswjs/interceptors#799, msw 2.15), so a retried 429 would hang.
 */
export function anthropicTestClient(options: ClientOptions = {}): Anthropic {
  const fetchBuffered: typeof fetch = async (input, init) => {
    const response = await fetch(input, init);
    const { status, statusText, headers } = response;
    return new Response(await response.arrayBuffer(), { status, statusText, headers });
  };
  return new Anthropic({
    apiKey: 'test',
    baseURL: ANTHROPIC_TEST_URL,
    maxRetries: 2,
    fetch: fetchBuffered,
    ...options,
  });
}

// ---- Replies ------------------------------------------------------------------------------------------

/** A structured-output answer: the JSON text of the output object. */
export function answer(output: unknown, usage: Partial<TokenUsage> = {}): Reply {
  return { kind: 'message', text: JSON.stringify(output), usage };
}

/** An answer whose text is not valid JSON (as a truncated or free-text answer would be). */
export function malformed(text = '{"scoping": {"score": 4, "rationale": "Clear decisions'): Reply {
  return { kind: 'message', text, stopReason: 'max_tokens' };
}

export function rateLimited(options: { retryAfterSeconds?: number; retryAfterMs?: number } = {}): Reply {
  return {
    kind: 'error',
    status: 429,
    type: 'rate_limit_error',
    message: 'This request would exceed the rate limit for your organization of 30,000 input tokens per minute.',
    retryAfterSeconds: options.retryAfterSeconds ?? 1,
    retryAfterMs: options.retryAfterMs ?? 5,
  };
}

export function spendLimitReached(): Reply {
  return {
    kind: 'error',
    status: 429,
    type: 'rate_limit_error',
    message: 'You have reached your specified API usage limits. You will regain access on 2026-12-01 at 00:00 UTC.',
    errorCode: 'enforced_spend_limit_reached',
  };
}

export function serverError(): Reply {
  return { kind: 'error', status: 500, type: 'api_error', message: 'Internal server error', retryAfterMs: 5 };
}

export function overloaded(): Reply {
  return { kind: 'error', status: 529, type: 'overloaded_error', message: 'Overloaded', retryAfterMs: 5 };
}

export function badRequest(message: string): Reply {
  return { kind: 'error', status: 400, type: 'invalid_request_error', message };
}

/** What a misconfigured proxy or gateway in front of the API answers: a 200 HTML page, not a message. */
export function proxyPage(): Reply {
  return { kind: 'page', html: '<html><body><h1>Gateway</h1><p>Upstream unavailable</p></body></html>' };
}

/** A reply that arrives after `ms`: longer than the client's timeout, it becomes a timeout. */
export function slow(ms: number, then: Reply): Reply {
  return { kind: 'slow', ms, then };
}

// ---- The mock -----------------------------------------------------------------------------------------

function messageBody(reply: Extract<Reply, { kind: 'message' }>, model: string, sequence: number): Message {
  const usage = { ...DEFAULT_USAGE, ...reply.usage };
  return {
    id: `msg_test${String(sequence).padStart(6, '0')}`,
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text: reply.text, citations: null }],
    stop_reason: reply.stopReason ?? 'end_turn',
    stop_sequence: null,
    stop_details: null,
    container: null,
    diagnostics: null,
    usage: {
      ...usage,
      cache_creation: { ephemeral_5m_input_tokens: usage.cache_creation_input_tokens, ephemeral_1h_input_tokens: 0 },
      inference_geo: 'global',
      output_tokens_details: null,
      server_tool_use: null,
      service_tier: 'standard',
      speed: 'standard',
    },
  };
}

async function respond(reply: Reply, model: string, sequence: number): Promise<Response> {
  switch (reply.kind) {
    case 'message': {
      const headers = { 'request-id': `req_ok${String(sequence).padStart(6, '0')}` };
      return HttpResponse.json(messageBody(reply, model, sequence), { headers });
    }
    case 'error': {
      const requestId = `req_err${String(sequence).padStart(6, '0')}`;
      const headers: Record<string, string> = { 'request-id': requestId };
      if (reply.retryAfterSeconds !== undefined) headers['retry-after'] = String(reply.retryAfterSeconds);
      if (reply.retryAfterMs !== undefined) headers['retry-after-ms'] = String(reply.retryAfterMs);
      const error = {
        type: reply.type,
        message: reply.message,
        ...(reply.errorCode ? { details: { error_code: reply.errorCode } } : {}),
      };
      return HttpResponse.json({ type: 'error', error, request_id: requestId }, { status: reply.status, headers });
    }
    case 'page':
      return new HttpResponse(reply.html, { status: 200, headers: { 'content-type': 'text/html' } });
    case 'slow':
      await delay(reply.ms);
      return respond(reply.then, model, sequence);
    default: {
      const unreachable: never = reply;
      throw new Error(`unhandled reply ${JSON.stringify(unreachable)}`);
    }
  }
}

/**
 * The Messages API: replies are served in the order given, one per request (an SDK retry is a request).
 * `requests` records what the SDK sent.
 */
export function anthropicMock(replies: Reply[] = [], baseUrl = ANTHROPIC_TEST_URL) {
  const queue = [...replies];
  const requests: RecordedRequest[] = [];
  const handler = http.post(`${baseUrl}/v1/messages`, async ({ request }) => {
    const body = (await request.json()) as Record<string, unknown>;
    requests.push({ body, headers: request.headers });
    const reply = queue.shift();
    if (!reply) {
      return HttpResponse.json(
        {
          type: 'error',
          error: { type: 'invalid_request_error', message: `test: no reply queued for request ${requests.length}` },
          request_id: 'req_unexpected',
        },
        { status: 400, headers: { 'x-should-retry': 'false' } },
      );
    }
    return respond(reply, typeof body.model === 'string' ? body.model : 'unknown-model', requests.length);
  });
  return {
    handler,
    requests,
    /** Queues more replies. */
    reply: (...more: Reply[]) => queue.push(...more),
    /** Replies queued and not yet served. */
    pending: () => queue.length,
  };
}
