/**
 * How big a judge request is, split into the cacheable prefix (system instructions and the exercise, the
 * same for every submission of one exercise version) and the per-submission part (the user turn). For the
 * grading benchmark: the aim is that most input tokens of a typical answer are read from the cache.
 *
 * Tokens are estimated at about 4 characters per token; the API's count_tokens endpoint gives exact
 * figures but needs the network. The output schema is reported apart: it is the same for every submission
 * too, but how the API turns it into input tokens is not documented.
 */

import { zodOutputFormat } from '@anthropic-ai/sdk/helpers/zod';
import type { TextBlockParam } from '@anthropic-ai/sdk/resources/messages';
import type { Exercise } from '../../content/library.js';
import type { Submission } from '../../content/schema.js';
import { DEFAULT_MAX_TOKENS } from './judge.js';
import { DEFAULT_MODEL } from './models.js';
import { buildJudgeRequest } from './prompt.js';
import { judgeOutputSchema, type LlmCriterion } from './schema.js';

export const CHARS_PER_TOKEN = 4;

export type PartSize = { chars: number; estimatedTokens: number };

export type JudgeRequestSize = {
  prefix: PartSize;
  perSubmission: PartSize;
  outputSchema: PartSize;
  /** prefix / (prefix + perSubmission), by estimated tokens: the share of input that a cache hit covers. */
  cacheableShare: number;
};

function size(chars: number): PartSize {
  return { chars, estimatedTokens: Math.ceil(chars / CHARS_PER_TOKEN) };
}

export function judgeRequestSize(
  exercise: Exercise,
  criteria: readonly LlmCriterion[],
  submission: Submission,
): JudgeRequestSize {
  const request = buildJudgeRequest({
    model: DEFAULT_MODEL,
    exercise,
    criteria,
    submission,
    nonce: '0'.repeat(32), // the length of a real nonce
    maxTokens: DEFAULT_MAX_TOKENS,
  });
  const system = (request.system ?? []) as TextBlockParam[];
  const prefix = size(system.reduce((n, block) => n + block.text.length, 0));
  const perSubmission = size(
    request.messages.reduce((n, m) => {
      const content = m.content;
      if (typeof content === 'string') return n + content.length;
      return n + content.reduce((k, block) => k + (block.type === 'text' ? block.text.length : 0), 0);
    }, 0),
  );
  const outputSchema = size(JSON.stringify(zodOutputFormat(judgeOutputSchema(criteria)).schema).length);
  const total = prefix.estimatedTokens + perSubmission.estimatedTokens;
  return { prefix, perSubmission, outputSchema, cacheableShare: total === 0 ? 0 : prefix.estimatedTokens / total };
}
