/**
 * The review workspace's API (docs/review.md): the queue, one submission with its pre-grade, review and audit,
 * saving a review (409 on a stale version), and grading again. Reviewers and admins only.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { candidateView } from '../content/candidate-view.js';
import type { Exercise } from '../content/library.js';
import type { Db } from '../db/db.js';
import { type AuditEntry, auditOf, type ReviewView, reviewOf, saveReview } from '../db/reviews.js';
import {
  listSubmissions,
  nextToReview,
  type QueueRow,
  SUBMISSION_STATES,
  submissionRecord,
} from '../db/submission-queue.js';
import { listUsers } from '../db/users.js';
import type { Deps } from '../deps.js';
import { ApiError } from '../errors.js';
import { regrade } from '../grading/grading.js';
import type { PreGrade } from '../grading/types.js';
import { candidateShown } from '../review/anonymity.js';
import { hasScoredAll, type ReviewState } from '../review/review-plan.js';
import { auditSchema, candidateSchema, pregradeSchema, reviewSchema, submissionStateSchema } from './review-schemas.js';
import { candidateExerciseSchema, errorResponses } from './schemas.js';

const REVIEWERS = ['admin', 'reviewer'] as const;

const filterSchema = z.object({
  assessment: z.string().max(100).optional(),
  exercise: z.string().max(100).optional(),
});

const queueItemSchema = z
  .object({
    id: z.string(),
    assessment: z.object({ id: z.string(), name: z.string(), blind: z.boolean() }),
    candidate: candidateSchema,
    exercise: z.object({ id: z.string(), title: z.string(), version: z.string() }),
    submittedAt: z.string(),
    lateMs: z.number(),
    state: submissionStateSchema,
    job: z.object({ id: z.string(), state: z.string(), lastError: z.string().nullable() }).nullable(),
    pretotal: z
      .object({ score: z.number(), max: z.number(), pending: z.number() })
      .nullable()
      .describe('null while grading, and in blind mode'),
    reviewVersion: z.number().nullable(),
  })
  .openapi('QueueItem');

const criterionInfoSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string(),
  max: z.number(),
  source: z.enum(['check', 'llm']),
});

const detailSchema = z
  .object({
    id: z.string(),
    state: submissionStateSchema,
    assessment: z.object({ id: z.string(), name: z.string(), anonymous: z.boolean(), blind: z.boolean() }),
    candidate: candidateSchema,
    exercise: candidateExerciseSchema.extend({
      version: z.string(),
      bug: z
        .object({ ranges: z.array(z.tuple([z.number(), z.number()])), summary: z.string() })
        .nullable()
        .describe('bug-hunt: the true bug, for reviewers only'),
    }),
    criteria: z.array(criterionInfoSchema),
    submission: z.unknown().describe('the submission as submitted: {kind:"spec",text} or {kind:"bug-hunt",…}'),
    revision: z.number(),
    submittedAt: z.string(),
    deadlineAt: z.string(),
    lateMs: z.number(),
    grading: z.object({
      jobId: z.string().nullable(),
      jobState: z.string().nullable(),
      lastError: z.string().nullable(),
      complete: z.boolean(),
    }),
    pregrade: pregradeSchema.nullable(),
    pregradeHidden: z.boolean().describe('blind mode: shown once you have scored every criterion'),
    review: reviewSchema,
    audit: z.array(auditSchema),
    nextId: z.string().nullable().describe('the next submission waiting for review, oldest first'),
  })
  .openapi('SubmissionDetail');

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'The review queue, oldest first',
  middleware: [requireStaff(...REVIEWERS)] as const,
  request: {
    query: filterSchema.extend({
      state: z
        .string()
        .optional()
        .describe(`comma-separated: ${SUBMISSION_STATES.join(', ')}`)
        .transform((s, ctx) => {
          if (s === undefined || s === '') return undefined;
          const states = s.split(',').map((x) => x.trim());
          const unknown = states.filter((x) => !(SUBMISSION_STATES as readonly string[]).includes(x));
          if (unknown.length > 0) {
            ctx.addIssue({
              code: 'custom',
              message: `Unknown state ${unknown.join(', ')}: use ${SUBMISSION_STATES.join(', ')}.`,
            });
            return z.NEVER;
          }
          return states as (typeof SUBMISSION_STATES)[number][];
        }),
    }),
  },
  responses: {
    200: {
      description: 'The queue',
      content: { 'application/json': { schema: z.object({ submissions: z.array(queueItemSchema) }) } },
    },
    ...errorResponses(400, 401, 403),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/{id}',
  summary: 'One submission with its pre-grade, the current review (with its version) and the audit',
  middleware: [requireStaff(...REVIEWERS)] as const,
  request: { params: z.object({ id: z.string().max(100) }), query: filterSchema },
  responses: {
    200: { description: 'The submission', content: { 'application/json': { schema: detailSchema } } },
    ...errorResponses(401, 403, 404),
  },
});

const review = createRoute({
  method: 'post',
  path: '/{id}/review',
  summary: 'Save scores, a note, and confirm or reopen; 409 when another save happened since `version`',
  middleware: [requireStaff(...REVIEWERS)] as const,
  request: {
    params: z.object({ id: z.string().max(100) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            version: z.number().int().min(0),
            criteria: z
              .array(
                z.object({
                  id: z.string().min(1).max(100),
                  score: z.number(),
                  reason: z.string().max(500).optional(),
                }),
              )
              .max(50),
            note: z.string().max(5000).optional(),
            confirm: z.boolean(),
          }),
        },
      },
    },
  },
  responses: {
    200: {
      description: 'Saved',
      content: { 'application/json': { schema: z.object({ review: reviewSchema, audit: z.array(auditSchema) }) } },
    },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

const regradeRoute = createRoute({
  method: 'post',
  path: '/{id}/regrade',
  summary: 'Grade again: the deterministic pre-grade at once, the LLM criteria by a job',
  middleware: [requireStaff(...REVIEWERS)] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    202: {
      description: 'Graded again; LLM criteria queued',
      content: { 'application/json': { schema: z.object({ id: z.string(), jobId: z.string().nullable() }) } },
    },
    ...errorResponses(401, 403, 404),
  },
});

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

function queueItem(row: QueueRow, pregradeTotal: PreGrade['total'] | null, title: string) {
  return {
    id: row.id,
    assessment: { id: row.assessmentId, name: row.assessmentName, blind: row.blind },
    candidate: candidateShown(row),
    exercise: { id: row.exerciseId, title, version: row.exerciseVersion },
    submittedAt: row.submittedAt.toISOString(),
    lateMs: row.lateMs,
    state: row.state,
    job: row.jobId ? { id: row.jobId, state: row.jobState ?? 'queued', lastError: row.lastError } : null,
    pretotal: row.blind ? null : pregradeTotal,
    reviewVersion: row.reviewVersion,
  };
}

async function reviewOut(db: Db, view: ReviewView) {
  const emails = new Map((await listUsers(db)).map((u) => [u.id, u.email]));
  return {
    version: view.version,
    state: view.confirmedAt ? ('confirmed' as const) : view.version > 0 ? ('in_review' as const) : ('none' as const),
    scores: Object.fromEntries(
      Object.entries(view.scores).map(([id, d]) => [id, { ...d, by: emails.get(d.by) ?? d.by }]),
    ),
    note: view.note,
    confirmedBy: view.confirmedByEmail,
    confirmedAt: iso(view.confirmedAt),
    updatedBy: view.updatedByEmail,
    updatedAt: iso(view.updatedAt),
  };
}

const auditOut = (entries: AuditEntry[]) => entries.map((e) => ({ ...e, at: new Date(e.at).toISOString() }));

/** The snapshot the candidate saw; its absence is a bug (snapshots are written before any submission). */
async function snapshotOf(deps: Deps, exerciseId: string, version: string): Promise<Exercise> {
  const exercise = await deps.snapshots(exerciseId, version);
  if (!exercise) throw new Error(`snapshot ${exerciseId}@${version} not found`);
  return exercise;
}

function criteriaOf(exercise: Exercise) {
  return exercise.rubric.criteria.map((c) => ({
    id: c.id,
    title: c.title,
    description: c.description,
    max: c.points,
    source: c.check ? ('check' as const) : ('llm' as const),
  }));
}

/** In blind mode the pre-grade stays hidden until this reviewer has scored every criterion. */
function pregradeVisible(blind: boolean, review: ReviewState, userId: string, exercise: Exercise): boolean {
  return !blind || hasScoredAll(review, userId, exercise.rubric.criteria);
}

export const submissionRoutes = router()
  .openapi(list, async (c) => {
    const filters = c.req.valid('query');
    const { db, content } = c.var.deps;
    const rows = await listSubmissions(db, filters);
    const totals = new Map(
      (
        await db.query<{ id: string; total: PreGrade['total'] | null }>(
          `SELECT submission_id AS id, pregrade->'total' AS total FROM submission_states
            WHERE submission_id = ANY($1::text[]) AND pregrade_complete`,
          [rows.map((r) => r.id)],
        )
      ).map((r) => [r.id, r.total]),
    );
    const submissions = rows.map((row) =>
      queueItem(row, totals.get(row.id) ?? null, content.exercise(row.exerciseId)?.title ?? row.exerciseId),
    );
    return c.json({ submissions }, 200);
  })
  .openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const filters = c.req.valid('query');
    const staff = c.var.staff;
    const deps = c.var.deps;
    if (!staff) throw new ApiError('unauthorized', 'Sign in to continue.');
    const record = await submissionRecord(deps.db, id);
    if (!record) throw new ApiError('not_found', `No submission ${id}.`);
    const exercise = await snapshotOf(deps, record.exerciseId, record.exerciseVersion);
    const [view, audit, nextId] = await Promise.all([
      reviewOf(deps.db, id),
      auditOf(deps.db, id),
      nextToReview(deps.db, id, filters),
    ]);
    const visible = pregradeVisible(record.blind, view, staff.id, exercise);
    return c.json(
      {
        id,
        state: record.state,
        assessment: {
          id: record.assessmentId,
          name: record.assessmentName,
          anonymous: record.anonymous,
          blind: record.blind,
        },
        candidate: candidateShown(record),
        exercise: {
          ...candidateView(exercise),
          version: exercise.version,
          bug:
            exercise.kind === 'bug-hunt'
              ? { ranges: exercise.code.bug.ranges, summary: exercise.key.bug.summary }
              : null,
        },
        criteria: criteriaOf(exercise),
        submission: record.submission,
        revision: record.revision,
        submittedAt: record.submittedAt.toISOString(),
        deadlineAt: record.deadlineAt.toISOString(),
        lateMs: record.lateMs,
        grading: {
          jobId: record.jobId,
          jobState: record.jobState,
          lastError: record.lastError,
          complete: record.pregradeComplete === true,
        },
        pregrade: visible ? record.pregrade : null,
        pregradeHidden: !visible,
        review: await reviewOut(deps.db, view),
        audit: auditOut(audit),
        nextId,
      },
      200,
    );
  })
  .openapi(review, async (c) => {
    const { id } = c.req.valid('param');
    const input = c.req.valid('json');
    const staff = c.var.staff;
    const deps = c.var.deps;
    if (!staff) throw new ApiError('unauthorized', 'Sign in to continue.');
    const record = await submissionRecord(deps.db, id);
    if (!record) throw new ApiError('not_found', `No submission ${id}.`);
    const exercise = await snapshotOf(deps, record.exerciseId, record.exerciseVersion);
    const criteria = criteriaOf(exercise);
    const saved = await saveReview(
      deps.db,
      id,
      staff,
      input,
      (current) => {
        const scored = pregradeVisible(record.blind, current, staff.id, exercise)
          ? (record.pregrade?.criteria ?? []).filter((g) => g.status === 'scored')
          : [];
        return { criteria, visiblePreScores: new Map(scored.map((g) => [g.id, g.score])) };
      },
      deps.clock(),
    );
    return c.json({ review: await reviewOut(deps.db, saved), audit: auditOut(await auditOf(deps.db, id)) }, 200);
  })
  .openapi(regradeRoute, async (c) => {
    const { id } = c.req.valid('param');
    const { db, snapshots, clock } = c.var.deps;
    const { jobId } = await regrade(db, snapshots, id, clock());
    return c.json({ id, jobId }, 202);
  });
