/**
 * The candidate's API, under the invite token: landing data, start, each exercise (brief, visible files,
 * latest draft), autosave, submit and finish. Every response is built from candidateView and the
 * candidate's own attempt: nothing private, nothing of another attempt.
 */
import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { type AppEnv, router } from '../app-env.js';
import { hashToken } from '../auth/tokens.js';
import { bodyLimit } from '../body-limit.js';
import { candidateView } from '../content/candidate-view.js';
import type { Exercise } from '../content/library.js';
import { submissionSchema } from '../content/schema.js';
import type { Assessment, Invite } from '../db/assessments.js';
import {
  type Attempt,
  attemptForInvite,
  finishAttempt,
  latestDraft,
  saveDraft,
  startAttempt,
  submissionOf,
  submissionsOf,
  submitExercise,
  type TokenAccess,
} from '../db/attempts.js';
import { LINK_WITHDRAWN, loadAccess, rememberStarted, type StartedAccess, startedAccess } from '../db/token-access.js';
import { ApiError } from '../errors.js';
import { onSubmitted } from '../grading/grading.js';
import { candidateExerciseSchema, errorResponses } from './schemas.js';

/** The largest draft body accepted; the editor warns before it. */
export const MAX_DRAFT_BYTES = 256 * 1024;

const tokenParam = z.object({ token: z.string().min(20).max(100) });
const exerciseParams = tokenParam.extend({ exerciseId: z.string().max(100) });

const attemptStateSchema = z.object({
  startedAt: z.string(),
  deadlineAt: z.string(),
  finishedAt: z.string().nullable(),
  exercises: z.array(
    z.object({ id: z.string(), submitted: z.boolean(), submittedAt: z.string().nullable(), lateMs: z.number() }),
  ),
});

const landingSchema = z
  .object({
    assessment: z.object({
      name: z.string(),
      minutes: z.number(),
      exercises: z.array(z.object({ id: z.string(), title: z.string(), kind: z.string(), minutes: z.number() })),
    }),
    candidate: z.object({ name: z.string().nullable() }),
    expiresAt: z.string(),
    serverNow: z.string(),
    attempt: attemptStateSchema.nullable(),
  })
  .openapi('TakeLanding');

const draftSchema = z.object({
  revision: z.number(),
  submission: submissionSchema,
  savedAt: z.string(),
  tabId: z.string().nullable().describe('the page load that saved this revision, when it said (ADR 012)'),
});

const draftTabSchema = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9_-]{16,64}$/, 'A tab id is 16 to 64 letters, digits, "-" or "_".')
      .describe('random per page load'),
    seq: z.number().int().min(1).max(2_147_483_647).describe('increases with every save the page sends'),
  })
  .describe(
    'Optional: which page load sent this save and its place among that page’s saves. A save that arrives ' +
      'after a newer save of the same tab is kept but never becomes the latest draft.',
  );

const draftBodySchema = z.object({
  baseRevision: z.number().int().min(0),
  submission: submissionSchema,
  tab: draftTabSchema.optional(),
});

const exerciseSchema = z
  .object({
    exercise: candidateExerciseSchema,
    draft: draftSchema.nullable(),
    submitted: z.object({ submittedAt: z.string(), lateMs: z.number() }).nullable(),
    serverNow: z.string(),
    deadlineAt: z.string(),
  })
  .openapi('TakeExercise');

const savedSchema = z
  .object({
    revision: z.number(),
    conflict: z.boolean().describe('true when another tab saved a newer revision first; both are kept'),
    superseded: z
      .boolean()
      .describe('true when a newer save of the same tab arrived first: kept, but not the latest draft'),
    latestBefore: z.number(),
    savedAt: z.string(),
    late: z.boolean(),
    serverNow: z.string(),
  })
  .openapi('DraftSaved');

const submittedSchema = z
  .object({ exerciseId: z.string(), revision: z.number(), submittedAt: z.string(), lateMs: z.number() })
  .openapi('ExerciseSubmitted');

const landing = createRoute({
  method: 'get',
  path: '/{token}',
  summary: 'The assessment as the candidate sees it before and during the attempt',
  request: { params: tokenParam },
  responses: {
    200: { description: 'Landing data', content: { 'application/json': { schema: landingSchema } } },
    ...errorResponses(400, 404, 410),
  },
});

const start = createRoute({
  method: 'post',
  path: '/{token}/start',
  summary: 'Start the attempt (idempotent); the deadline is set on the server',
  request: { params: tokenParam },
  responses: {
    200: { description: 'Started', content: { 'application/json': { schema: landingSchema } } },
    ...errorResponses(400, 404, 409, 410),
  },
});

const getExercise = createRoute({
  method: 'get',
  path: '/{token}/exercises/{exerciseId}',
  summary: 'An exercise of the attempt: the brief, the visible files, the latest draft and its revision',
  request: { params: exerciseParams },
  responses: {
    200: { description: 'The exercise', content: { 'application/json': { schema: exerciseSchema } } },
    ...errorResponses(400, 404, 409, 410),
  },
});

const putDraft = createRoute({
  method: 'put',
  path: '/{token}/exercises/{exerciseId}/draft',
  summary: 'Autosave: append a draft revision based on baseRevision',
  middleware: [
    bodyLimit(MAX_DRAFT_BYTES, `A draft may be at most ${MAX_DRAFT_BYTES / 1024} KB. Shorten it to save.`),
  ] as const,
  request: {
    params: exerciseParams,
    body: {
      required: true,
      content: { 'application/json': { schema: draftBodySchema } },
    },
  },
  responses: {
    200: { description: 'Saved', content: { 'application/json': { schema: savedSchema } } },
    ...errorResponses(400, 404, 409, 410, 413),
  },
});

const submit = createRoute({
  method: 'post',
  path: '/{token}/exercises/{exerciseId}/submit',
  summary: 'Submit the latest draft of an exercise (idempotent)',
  request: { params: exerciseParams },
  responses: {
    200: { description: 'Submitted', content: { 'application/json': { schema: submittedSchema } } },
    ...errorResponses(400, 404, 409, 410),
  },
});

const finish = createRoute({
  method: 'post',
  path: '/{token}/finish',
  summary: 'End the attempt, submitting every exercise not yet submitted (idempotent)',
  request: { params: tokenParam },
  responses: {
    200: { description: 'Finished', content: { 'application/json': { schema: landingSchema } } },
    ...errorResponses(400, 404, 409, 410),
  },
});

export const takeRoutes = router()
  .openapi(landing, async (c) => {
    const { invite, assessment, attempt } = await resolve(c, c.req.valid('param').token);
    return c.json(await landingBody(c, invite, assessment, attempt), 200);
  })
  .openapi(start, async (c) => {
    const { token } = c.req.valid('param');
    const { invite, assessment, attempt } = await resolve(c, token);
    const { db, content, clock } = c.var.deps;
    let started = attempt;
    if (!started) {
      started = await startAttempt(db, content, invite, assessment, clock());
      rememberStarted(db, hashToken(token), { invite, assessment, attempt: started });
    }
    return c.json(await landingBody(c, invite, assessment, started), 200);
  })
  .openapi(getExercise, async (c) => {
    const { token, exerciseId } = c.req.valid('param');
    const { attempt, exercise } = await resolveExercise(c, token, exerciseId);
    const { db, clock } = c.var.deps;
    const draft = await latestDraft(db, attempt.id, exercise.id);
    const submitted = await submissionOf(db, attempt.id, exercise.id);
    return c.json(
      {
        exercise: candidateView(exercise),
        draft: draft
          ? {
              revision: draft.revision,
              submission: draft.submission,
              savedAt: draft.savedAt.toISOString(),
              tabId: draft.tabId,
            }
          : null,
        submitted: submitted ? { submittedAt: submitted.submittedAt.toISOString(), lateMs: submitted.lateMs } : null,
        serverNow: clock().toISOString(),
        deadlineAt: attempt.deadlineAt.toISOString(),
      },
      200,
    );
  })
  .openapi(putDraft, async (c) => {
    const { token, exerciseId } = c.req.valid('param');
    const save = c.req.valid('json');
    const { attempt, exerciseIds } = await resolveStarted(c, token);
    const exercise = await exerciseOf(c, exerciseIds, attempt, exerciseId);
    const { db, clock } = c.var.deps;
    const saved = await saveDraft(db, attempt, exercise, save, clock());
    return c.json({ ...saved, savedAt: saved.savedAt.toISOString(), serverNow: clock().toISOString() }, 200);
  })
  .openapi(submit, async (c) => {
    const { token, exerciseId } = c.req.valid('param');
    const { attempt, exercise } = await resolveExercise(c, token, exerciseId);
    const { db, clock } = c.var.deps;
    const row = await submitExercise(db, attempt, exercise, clock(), onSubmitted);
    return c.json(
      {
        exerciseId: row.exerciseId,
        revision: row.revision,
        submittedAt: row.submittedAt.toISOString(),
        lateMs: row.lateMs,
      },
      200,
    );
  })
  .openapi(finish, async (c) => {
    const { invite, assessment, attempt } = await resolve(c, c.req.valid('param').token);
    if (!attempt) throw new ApiError('conflict', 'Start the assessment first.');
    const { db, clock } = c.var.deps;
    const exercises = await Promise.all(assessment.exerciseIds.map((id) => pinnedExercise(c, attempt, id)));
    await finishAttempt(db, attempt, exercises, clock(), onSubmitted);
    const finished = await attemptForInvite(db, invite.id);
    return c.json(await landingBody(c, invite, assessment, finished), 200);
  });

/**
 * The invite behind a token: 404 when unknown or revoked, 410 when it expired before the attempt started
 * (an attempt under way runs to its own deadline). A started attempt's token is remembered for the saves
 * that follow (ADR 021): `started` is what they will use.
 */
async function resolve(
  c: Context<AppEnv>,
  token: string,
  tokenHash = hashToken(token),
): Promise<TokenAccess & { started: StartedAccess | null }> {
  const { db, clock } = c.var.deps;
  const access = await loadAccess(db, token);
  if (!access) {
    throw new ApiError('not_found', 'This link is not valid. Check that you copied all of it, or ask for a new one.');
  }
  // Only the holder of the token reaches this: telling them it was withdrawn saves them checking the copy.
  if (access.invite.revokedAt) {
    throw new ApiError('not_found', LINK_WITHDRAWN);
  }
  if (!access.attempt && access.invite.expiresAt <= clock()) {
    throw new ApiError('gone', 'This link has expired. Ask the team that invited you for a new one.');
  }
  const started = access.attempt ? rememberStarted(db, tokenHash, { ...access, attempt: access.attempt }) : null;
  return { ...access, started };
}

async function resolveExercise(c: Context<AppEnv>, token: string, exerciseId: string) {
  const { assessment, attempt } = await resolve(c, token);
  if (!attempt) throw new ApiError('conflict', 'Start the assessment first.');
  return { attempt, exercise: await exerciseOf(c, assessment.exerciseIds, attempt, exerciseId) };
}

/**
 * For the autosave, a candidate's most frequent request: the unchanging part of a started attempt's access,
 * remembered by the first full lookup that found it (ADR 021). What can still change is checked by the
 * write itself.
 */
async function resolveStarted(c: Context<AppEnv>, token: string): Promise<StartedAccess> {
  const tokenHash = hashToken(token);
  const known = startedAccess(c.var.deps.db, tokenHash);
  if (known) return known;
  const { started } = await resolve(c, token, tokenHash);
  if (!started) throw new ApiError('conflict', 'Start the assessment first.');
  return started;
}

async function exerciseOf(c: Context<AppEnv>, exerciseIds: string[], attempt: PinnedAttempt, exerciseId: string) {
  if (!exerciseIds.includes(exerciseId)) {
    throw new ApiError('not_found', `This assessment has no exercise "${exerciseId}".`);
  }
  return pinnedExercise(c, attempt, exerciseId);
}

type PinnedAttempt = Pick<Attempt, 'id' | 'exerciseVersions'>;

/** The exact version the attempt started on, from its snapshot. */
async function pinnedExercise(c: Context<AppEnv>, attempt: PinnedAttempt, exerciseId: string): Promise<Exercise> {
  const version = attempt.exerciseVersions[exerciseId];
  const exercise = version ? await c.var.deps.snapshots(exerciseId, version) : null;
  if (!exercise) throw new Error(`snapshot ${exerciseId}@${version} missing for attempt ${attempt.id}`);
  return exercise;
}

async function landingBody(c: Context<AppEnv>, invite: Invite, assessment: Assessment, attempt: Attempt | null) {
  const { db, content, clock } = c.var.deps;
  const titles = await Promise.all(
    assessment.exerciseIds.map(async (id) => {
      const pinned = attempt ? await pinnedExercise(c, attempt, id) : content.exercise(id);
      return { id, title: pinned?.title ?? id, kind: pinned?.kind ?? 'unknown', minutes: pinned?.minutes ?? 0 };
    }),
  );
  const submitted = attempt ? await submissionsOf(db, attempt.id) : [];
  return {
    assessment: { name: assessment.name, minutes: assessment.minutes, exercises: titles },
    candidate: { name: invite.name },
    expiresAt: invite.expiresAt.toISOString(),
    serverNow: clock().toISOString(),
    attempt: attempt
      ? {
          startedAt: attempt.startedAt.toISOString(),
          deadlineAt: attempt.deadlineAt.toISOString(),
          finishedAt: attempt.finishedAt?.toISOString() ?? null,
          exercises: assessment.exerciseIds.map((id) => {
            const s = submitted.find((row) => row.exerciseId === id);
            return {
              id,
              submitted: Boolean(s),
              submittedAt: s?.submittedAt.toISOString() ?? null,
              lateMs: s?.lateMs ?? 0,
            };
          }),
        }
      : null,
  };
}
