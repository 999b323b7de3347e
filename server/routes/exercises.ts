/**
 * The exercise library for staff: the list, the candidate's view of one exercise, and for authors its key
 * and a "try an answer" pre-grade that stores nothing.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { candidateView } from '../content/candidate-view.js';
import type { Exercise } from '../content/library.js';
import { bugHuntKeySchema, specKeySchema, submissionSchema } from '../content/schema.js';
import type { ContentStore } from '../content/store.js';
import { ApiError } from '../errors.js';
import { JudgeUnavailableError } from '../grading/judge/judge.js';
import { deterministicPregrade, pregrade } from '../grading/pregrade.js';
import { pregradeSchema } from './review-schemas.js';
import { candidateExerciseSchema, errorResponses } from './schemas.js';

const AUTHORS = ['admin', 'author'] as const;
/** As a candidate's draft may be (routes/take.ts): the preview grades what a candidate could submit. */
const MAX_TRY_CHARS = 256 * 1024;

const problemSchema = z.object({ file: z.string(), field: z.string(), message: z.string() });

const summarySchema = z
  .object({
    id: z.string(),
    kind: z.string().nullable(),
    title: z.string().nullable(),
    minutes: z.number().nullable(),
    tags: z.array(z.string()),
    rubric: z.object({ id: z.string(), title: z.string() }).nullable(),
    version: z.string().nullable(),
    status: z.enum(['ok', 'invalid']),
    problems: z.array(problemSchema),
  })
  .openapi('ExerciseSummary');

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'The exercise library with each exercise’s kind, rubric, version and check status',
  middleware: [requireStaff()] as const,
  responses: {
    200: {
      description: 'The library',
      content: { 'application/json': { schema: z.object({ exercises: z.array(summarySchema) }) } },
    },
    ...errorResponses(401),
  },
});

const preview = createRoute({
  method: 'get',
  path: '/{id}/preview',
  summary: 'An exercise exactly as a candidate will see it',
  middleware: [requireStaff()] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: { description: 'The candidate view', content: { 'application/json': { schema: candidateExerciseSchema } } },
    ...errorResponses(401, 404),
  },
});

const key = createRoute({
  method: 'get',
  path: '/{id}/key',
  summary: 'An exercise’s private side for authors: the key, the rubric, and for a bug-hunt the fixed code and bug',
  middleware: [requireStaff(...AUTHORS)] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: {
      description: 'The key',
      content: {
        'application/json': {
          schema: z.object({
            version: z.string(),
            key: z.union([specKeySchema, bugHuntKeySchema]),
            rubric: z.object({
              id: z.string(),
              title: z.string(),
              criteria: z.array(
                z.object({
                  id: z.string(),
                  title: z.string(),
                  max: z.number(),
                  description: z.string(),
                  source: z.enum(['check', 'llm']),
                  llm: z
                    .object({
                      guidance: z.string(),
                      levels: z.array(z.object({ score: z.number(), description: z.string() })),
                    })
                    .nullable()
                    .describe('how the LLM judge scores this criterion'),
                }),
              ),
            }),
            code: z
              .object({
                fileName: z.string(),
                language: z.string(),
                buggy: z.string(),
                fixed: z.string(),
                ranges: z.array(z.tuple([z.number(), z.number()])),
              })
              .nullable(),
          }),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

const tryAnswer = createRoute({
  method: 'post',
  path: '/{id}/try',
  summary: 'Pre-grade a pasted answer (deterministic; with llm: true also the judge). Stores nothing.',
  middleware: [requireStaff(...AUTHORS)] as const,
  request: {
    params: z.object({ id: z.string().max(100) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            submission: submissionSchema.refine(
              (s) => (s.kind === 'spec' ? s.text.length : s.explanation.length + (s.fix?.length ?? 0)) <= MAX_TRY_CHARS,
              `An answer may be at most ${MAX_TRY_CHARS / 1024} K characters, as a candidate's.`,
            ),
            llm: z.boolean().default(false),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'The pre-grade (not stored)',
      content: { 'application/json': { schema: z.object({ pregrade: pregradeSchema }) } },
    },
    ...errorResponses(400, 401, 403, 404, 503),
  },
});

/** A valid exercise of the library, or 404 saying what is wrong. */
function libraryExercise(content: ContentStore, id: string): Exercise {
  const entry = content.entry(id);
  if (!entry) throw new ApiError('not_found', `No exercise "${id}" in the library.`);
  if (!entry.exercise) {
    throw new ApiError(
      'not_found',
      `Exercise "${id}" has problems and cannot be shown: run audition exercise check ${id}.`,
    );
  }
  return entry.exercise;
}

export const exerciseRoutes = router()
  .openapi(list, (c) => {
    const exercises = c.var.deps.content.entries().map((entry) => {
      const e = entry.exercise;
      return {
        id: entry.id,
        kind: entry.kind,
        title: e?.title ?? null,
        minutes: e?.minutes ?? null,
        tags: e?.tags ?? [],
        rubric: e ? { id: e.rubric.id, title: e.rubric.title } : null,
        version: e?.version ?? null,
        status: e ? ('ok' as const) : ('invalid' as const),
        problems: entry.problems,
      };
    });
    return c.json({ exercises }, 200);
  })
  .openapi(preview, (c) => {
    const { id } = c.req.valid('param');
    return c.json(candidateView(libraryExercise(c.var.deps.content, id)), 200);
  })
  .openapi(key, (c) => {
    const { id } = c.req.valid('param');
    const exercise = libraryExercise(c.var.deps.content, id);
    return c.json(
      {
        version: exercise.version,
        key: exercise.key,
        rubric: {
          id: exercise.rubric.id,
          title: exercise.rubric.title,
          criteria: exercise.rubric.criteria.map((r) => ({
            id: r.id,
            title: r.title,
            max: r.points,
            description: r.description,
            source: r.check ? ('check' as const) : ('llm' as const),
            llm: r.llm ?? null,
          })),
        },
        code:
          exercise.kind === 'bug-hunt'
            ? {
                fileName: `buggy.${exercise.code.ext}`,
                language: exercise.code.language,
                buggy: exercise.code.buggy,
                fixed: exercise.code.fixed,
                ranges: exercise.code.bug.ranges,
              }
            : null,
      },
      200,
    );
  })
  .openapi(tryAnswer, async (c) => {
    const { id } = c.req.valid('param');
    const { submission, llm } = c.req.valid('json');
    const exercise = libraryExercise(c.var.deps.content, id);
    if (submission.kind !== exercise.kind) {
      throw new ApiError(
        'bad_request',
        `This is a ${exercise.kind} exercise; the answer is a ${submission.kind} answer.`,
      );
    }
    if (!llm) return c.json({ pregrade: deterministicPregrade(exercise, submission) }, 200);
    try {
      return c.json({ pregrade: await pregrade(exercise, submission, c.var.deps.judge) }, 200);
    } catch (error) {
      if (!(error instanceof JudgeUnavailableError)) throw error;
      throw new ApiError(
        'unavailable',
        `The LLM judge is unavailable (${error.message}); the deterministic grade stands.`,
      );
    }
  });
