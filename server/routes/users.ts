/** Staff users for admins: list, add (the one-time password is answered once), change a role, deactivate. */
import { createRoute, z } from '@hono/zod-openapi';
import { router } from '../app-env.js';
import { requireStaff } from '../auth/middleware.js';
import { generatePassword } from '../auth/password.js';
import { createUser, listUsers, updateUser } from '../db/users.js';
import { errorResponses } from './schemas.js';

const roleSchema = z.enum(['admin', 'author', 'reviewer']);

const userSchema = z
  .object({ id: z.string(), email: z.string(), role: roleSchema, active: z.boolean(), createdAt: z.string() })
  .openapi('StaffUser');

const list = createRoute({
  method: 'get',
  path: '/',
  summary: 'Staff users, active first',
  middleware: [requireStaff('admin')] as const,
  responses: {
    200: {
      description: 'Users',
      content: { 'application/json': { schema: z.object({ users: z.array(userSchema) }) } },
    },
    ...errorResponses(401, 403),
  },
});

const create = createRoute({
  method: 'post',
  path: '/',
  summary: 'Add a staff user; answers a generated password, shown this once',
  middleware: [requireStaff('admin')] as const,
  request: {
    body: {
      required: true,
      content: { 'application/json': { schema: z.object({ email: z.email().max(320), role: roleSchema }) } },
    },
  },
  responses: {
    201: {
      description: 'Added',
      content: { 'application/json': { schema: z.object({ user: userSchema, password: z.string() }) } },
    },
    ...errorResponses(400, 401, 403, 409),
  },
});

const update = createRoute({
  method: 'patch',
  path: '/{id}',
  summary: 'Change a role, or deactivate (ends their sessions at once) and reactivate',
  middleware: [requireStaff('admin')] as const,
  request: {
    params: z.object({ id: z.string().max(100) }),
    body: {
      required: true,
      content: {
        'application/json': {
          schema: z
            .object({ role: roleSchema.optional(), active: z.boolean().optional() })
            .refine((b) => b.role !== undefined || b.active !== undefined, 'Give a role, active, or both.'),
        },
      },
    },
  },
  responses: {
    200: { description: 'Changed', content: { 'application/json': { schema: z.object({ user: userSchema }) } } },
    ...errorResponses(400, 401, 403, 404, 409),
  },
});

type UserOut = { id: string; email: string; role: z.infer<typeof roleSchema>; active: boolean; createdAt: Date };
const out = (u: UserOut) => ({ ...u, createdAt: u.createdAt.toISOString() });

export const userRoutes = router()
  .openapi(list, async (c) => {
    const users = await listUsers(c.var.deps.db);
    return c.json({ users: users.map(out) }, 200);
  })
  .openapi(create, async (c) => {
    const { email, role } = c.req.valid('json');
    const { db, clock } = c.var.deps;
    const password = generatePassword();
    const now = clock();
    const user = await createUser(db, { email, role, password }, now);
    return c.json({ user: out({ ...user, active: true, createdAt: now }), password }, 201);
  })
  .openapi(update, async (c) => {
    const { id } = c.req.valid('param');
    const user = await updateUser(c.var.deps.db, id, c.req.valid('json'));
    return c.json({ user: out(user) }, 200);
  });
