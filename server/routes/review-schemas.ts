/** Response schemas of the review workspace, named in the OpenAPI document (shapes: grading/types.ts, db/reviews.ts). */
import { z } from '@hono/zod-openapi';
import { CHECK_TYPES } from '../content/schema.js';
import { SUBMISSION_STATES } from '../db/submission-queue.js';

export const submissionStateSchema = z.enum(SUBMISSION_STATES);

const evidenceSchema = z
  .object({
    quote: z.string(),
    start: z.number(),
    end: z.number(),
    verified: z.boolean(),
    in: z.enum(['text', 'explanation', 'fix', 'lines']),
    label: z.string().optional(),
  })
  .openapi('Evidence');

export const pregradeSchema = z
  .object({
    exercise: z.object({ id: z.string(), version: z.string() }),
    rubric: z.object({ id: z.string(), version: z.string() }),
    total: z.object({ score: z.number(), max: z.number(), pending: z.number() }),
    criteria: z.array(
      z.object({
        id: z.string(),
        source: z.enum(['check', 'llm']),
        check: z.enum(CHECK_TYPES as [string, ...string[]]).optional(),
        status: z.enum(['scored', 'pending', 'failed']),
        score: z.number(),
        max: z.number(),
        rationale: z.string(),
        evidence: z.array(evidenceSchema),
      }),
    ),
    bugFound: z.boolean().nullable(),
    flags: z.array(
      z.object({
        code: z.string(),
        message: z.string(),
        criterion: z.string().optional(),
        evidence: z.array(evidenceSchema).optional(),
      }),
    ),
    usage: z
      .object({
        model: z.string(),
        inputTokens: z.number(),
        outputTokens: z.number(),
        cacheReadTokens: z.number(),
        cacheWriteTokens: z.number(),
        costUsd: z.number(),
      })
      .nullable(),
  })
  .openapi('PreGrade');

export const candidateSchema = z
  .object({
    label: z.string().describe('the name, or "Candidate <id>" while anonymous'),
    name: z.string().nullable(),
    email: z.string().nullable(),
    hidden: z.boolean(),
  })
  .openapi('Candidate');

export const reviewSchema = z
  .object({
    version: z.number(),
    state: z.enum(['none', 'in_review', 'confirmed']),
    scores: z.record(
      z.string(),
      z.object({ score: z.number(), reason: z.string().nullable(), by: z.string(), at: z.string() }),
    ),
    note: z.string().nullable(),
    confirmedBy: z.string().nullable(),
    confirmedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    updatedAt: z.string().nullable(),
  })
  .openapi('Review');

export const auditSchema = z
  .object({
    version: z.number(),
    actor: z.string(),
    at: z.string(),
    action: z.enum(['score', 'note', 'confirm', 'reopen']),
    criterionId: z.string().nullable(),
    from: z.number().nullable(),
    to: z.number().nullable(),
    reason: z.string().nullable(),
    note: z.string().nullable(),
  })
  .openapi('AuditEntry');
