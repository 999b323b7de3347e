/**
 * Assessments and invites for admins: list and create assessments, see one with its invites and each attempt's
 * state, change its review settings, invite a candidate, revoke an invite.
 */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { attemptState, type InviteProgress, inviteProgress, listAssessments } from '../db/assessment-overview.js';
import {
  createAssessment,
  createInvite,
  getAssessment,
  invitePath,
  revokeInvite,
  updateSettings,
} from '../db/assessments.js';
import { ApiError } from '../errors.js';
import { errorResponses } from './schemas.js';

const assessmentSchema = z
  .object({ id: z.string(), name: z.string(), exerciseIds: z.array(z.string()), minutes: z.number() })
  .openapi('Assessment');

const stateSchema = z.enum(['invited', 'started', 'submitted', 'graded', 'reviewed']);
const settingsSchema = z.object({ anonymous: z.boolean(), blind: z.boolean() });

const listingSchema = assessmentSchema
  .extend(settingsSchema.shape)
  .extend({
    createdAt: z.string(),
    invites: z.number(),
    late: z.number().describe('attempts with work that arrived after the deadline'),
    byState: z.record(stateSchema, z.number()).describe('live invites and every attempt, by state'),
    revoked: z.number().describe('links withdrawn before anyone used them'),
  })
  .openapi('AssessmentListing');

const inviteSchema = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    email: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
    revokedAt: z.string().nullable(),
    expired: z.boolean(),
    state: stateSchema,
    attemptId: z.string().nullable(),
    startedAt: z.string().nullable(),
    finishedAt: z.string().nullable(),
    exercises: z.number(),
    submitted: z.number(),
    maxLateMs: z.number(),
  })
  .openapi('InviteProgress');

const list = createRoute({
  method: 'get',
  path: '/assessments',
  summary: 'Assessments, newest first, with their invites counted by attempt state',
  middleware: [requireStaff('admin')] as const,
  responses: {
    200: {
      description: 'Assessments',
      content: { 'application/json': { schema: z.object({ assessments: z.array(listingSchema) }) } },
    },
    ...errorResponses(401, 403),
  },
});

const detail = createRoute({
  method: 'get',
  path: '/assessments/{id}',
  summary: 'One assessment with its invites and each attempt’s state',
  middleware: [requireStaff('admin')] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: {
      description: 'The assessment',
      content: {
        'application/json': {
          schema: z.object({
            assessment: assessmentSchema.extend(settingsSchema.shape).extend({ createdAt: z.string() }),
            invites: z.array(inviteSchema),
          }),
        },
      },
    },
    ...errorResponses(401, 403, 404),
  },
});

const settings = createRoute({
  method: 'patch',
  path: '/assessments/{id}',
  summary: 'Change the review settings: anonymous candidates, blind scoring',
  middleware: [requireStaff('admin')] as const,
  request: {
    params: z.object({ id: z.string().max(100) }),
    body: { required: true, content: { 'application/json': { schema: settingsSchema.partial() } } },
  },
  responses: {
    200: {
      description: 'Changed',
      content: { 'application/json': { schema: z.object({ id: z.string() }).extend(settingsSchema.shape) } },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const create = createRoute({
  method: 'post',
  path: '/assessments',
  summary: 'Create an assessment: a name, an ordered list of exercises and a time limit',
  middleware: [requireStaff('admin')] as const,
  request: {
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1).max(200),
            exerciseIds: z.array(z.string().min(1).max(100)).min(1).max(20),
            minutes: z
              .number()
              .int()
              .min(1)
              .max(24 * 60)
              .optional()
              .describe('default: the sum of the exercises’ minutes'),
          }),
        },
      },
    },
  },
  responses: {
    201: { description: 'Created', content: { 'application/json': { schema: assessmentSchema } } },
    ...errorResponses(400, 401, 403),
  },
});

const invite = createRoute({
  method: 'post',
  path: '/assessments/{id}/invites',
  summary: 'Invite one candidate: answers the link, shown this once',
  middleware: [requireStaff('admin')] as const,
  request: {
    params: z.object({ id: z.string().max(100) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z.object({
            name: z.string().trim().min(1).max(200).optional(),
            email: z.email().max(320).optional(),
          }),
        },
      },
    },
  },
  responses: {
    201: {
      description: 'Invited',
      content: {
        'application/json': { schema: z.object({ id: z.string(), url: z.string(), expiresAt: z.string() }) },
      },
    },
    ...errorResponses(400, 401, 403, 404),
  },
});

const revoke = createRoute({
  method: 'delete',
  path: '/invites/{id}',
  summary: 'Revoke an invite: its link stops working',
  middleware: [requireStaff('admin')] as const,
  request: { params: z.object({ id: z.string().max(100) }) },
  responses: {
    200: {
      description: 'Revoked',
      content: { 'application/json': { schema: z.object({ id: z.string(), revokedAt: z.string() }) } },
    },
    ...errorResponses(401, 403, 404),
  },
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function inviteOut(p: InviteProgress, now: Date) {
  return {
    id: p.id,
    name: p.name,
    email: p.email,
    createdAt: p.createdAt.toISOString(),
    expiresAt: p.expiresAt.toISOString(),
    revokedAt: iso(p.revokedAt),
    expired: p.expiresAt <= now,
    state: attemptState(p),
    attemptId: p.attemptId,
    startedAt: iso(p.startedAt),
    finishedAt: iso(p.finishedAt),
    exercises: p.exercises,
    submitted: p.submitted,
    maxLateMs: p.maxLateMs,
  };
}

export const assessmentRoutes = router()
  .openapi(list, async (c) => {
    const assessments = await listAssessments(c.var.deps.db);
    return c.json({ assessments: assessments.map((a) => ({ ...a, createdAt: a.createdAt.toISOString() })) }, 200);
  })
  .openapi(detail, async (c) => {
    const { id } = c.req.valid('param');
    const { db, clock } = c.var.deps;
    const assessment = await getAssessment(db, id);
    if (!assessment) throw new ApiError('not_found', `No assessment ${id}.`);
    const now = clock();
    const invites = (await inviteProgress(db, id)).map((p) => inviteOut(p, now));
    return c.json({ assessment: { ...assessment, createdAt: assessment.createdAt.toISOString() }, invites }, 200);
  })
  .openapi(settings, async (c) => {
    const { id } = c.req.valid('param');
    const updated = await updateSettings(c.var.deps.db, id, c.req.valid('json'));
    if (!updated) throw new ApiError('not_found', `No assessment ${id}.`);
    return c.json({ id, anonymous: updated.anonymous, blind: updated.blind }, 200);
  })
  .openapi(create, async (c) => {
    const body = c.req.valid('json');
    const { db, content, clock } = c.var.deps;
    const assessment = await createAssessment(db, content, { ...body, createdBy: c.var.staff?.id ?? null }, clock());
    const { createdAt: _, ...rest } = assessment;
    return c.json(rest, 201);
  })
  .openapi(invite, async (c) => {
    const { id } = c.req.valid('param');
    const body = c.req.valid('json');
    const { db, clock, config } = c.var.deps;
    if (!(await getAssessment(db, id))) throw new ApiError('not_found', `No assessment ${id}.`);
    const created = await createInvite(
      db,
      { assessmentId: id, name: body.name, email: body.email, createdBy: c.var.staff?.id ?? null },
      clock(),
      config.inviteDays,
    );
    const origin = config.publicUrl ?? new URL(c.req.url).origin;
    return c.json(
      {
        id: created.invite.id,
        url: `${origin}${invitePath(created.token)}`,
        expiresAt: created.invite.expiresAt.toISOString(),
      },
      201,
    );
  })
  .openapi(revoke, async (c) => {
    const { id } = c.req.valid('param');
    const { db, clock } = c.var.deps;
    const revoked = await revokeInvite(db, id, clock());
    if (!revoked?.revokedAt) throw new ApiError('not_found', `No invite ${id}.`);
    return c.json({ id: revoked.id, revokedAt: revoked.revokedAt.toISOString() }, 200);
  });
