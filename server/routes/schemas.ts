/** Response schemas shared by several routes, named in the OpenAPI document. */
import { z } from '@hono/zod-openapi';
import { ERROR_STATUS, type ErrorCode } from '../errors.js';

export const staffSchema = z
  .object({ id: z.string(), email: z.string(), role: z.enum(['admin', 'author', 'reviewer']) })
  .openapi('Staff');

/** An exercise as candidateView (content/candidate-view.ts) shows it to a candidate and to the staff preview. */
export const candidateExerciseSchema = z
  .object({
    id: z.string(),
    kind: z.enum(['spec', 'bug-hunt']),
    title: z.string(),
    minutes: z.number(),
    brief: z.string(),
    files: z.array(z.object({ name: z.string(), language: z.string(), content: z.string() })),
  })
  .openapi('CandidateExercise');

export const errorSchema = z
  .object({
    error: z.object({
      code: z.enum(Object.keys(ERROR_STATUS) as [ErrorCode, ...ErrorCode[]]),
      message: z.string(),
      requestId: z.string().optional(),
      issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
    }),
  })
  .openapi('Error');

const descriptions: Record<number, string> = {
  400: 'Invalid request: the issues say what to change',
  401: 'Not signed in',
  403: 'Signed in without the role this needs',
  404: 'Not found',
  409: 'Conflicts with the current state',
  410: 'Gone',
  413: 'Request body too large',
  429: 'Too many attempts: wait for Retry-After seconds',
  503: 'A service this needs is unavailable: try again later',
};

/** OpenAPI entries for the error statuses a route can answer. */
export function errorResponses<S extends number>(...statuses: S[]) {
  return Object.fromEntries(
    statuses.map((s) => [
      s,
      { description: descriptions[s] ?? 'Error', content: { 'application/json': { schema: errorSchema } } },
    ]),
  ) as Record<S, { description: string; content: { 'application/json': { schema: typeof errorSchema } } }>;
}
