/** Assessments and invites for staff: create an assessment, invite a candidate, revoke an invite. */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { createAssessment, createInvite, getAssessment, invitePath, revokeInvite } from '../db/assessments.js';
import { ApiError } from '../errors.js';
import { errorResponses } from './schemas.js';

const assessmentSchema = z
  .object({ id: z.string(), name: z.string(), exerciseIds: z.array(z.string()), minutes: z.number() })
  .openapi('Assessment');

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

export const assessmentRoutes = router()
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
