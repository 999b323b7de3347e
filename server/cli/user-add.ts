/** `audition user add --email <e> --role <r>`: adds a staff user and prints a one-time password. */
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { generatePassword } from '../auth/password.js';
import { createUser } from '../db/users.js';
import { readEnv } from '../env.js';
import { withDatabase } from './database.js';
import { type CliIo, UsageError } from './io.js';

export const usage = `audition user add --email <email> --role <admin|author|reviewer>

Adds a staff user to the database (DATABASE_URL, or the embedded one in DATA_DIR) and prints a one-time
password. With the embedded database, stop the server first or add the user from the web UI.`;

const inputSchema = z.object({
  email: z.email({ error: 'must be an email address' }),
  role: z.enum(['admin', 'author', 'reviewer'], { error: 'must be admin, author or reviewer' }),
});

export async function userAdd(args: string[], io: CliIo): Promise<number> {
  const { values } = parseArgs({ args, options: { email: { type: 'string' }, role: { type: 'string' } } });
  const parsed = inputSchema.safeParse(values);
  if (!parsed.success) {
    throw new UsageError(parsed.error.issues.map((i) => `--${i.path.join('.')} ${i.message}`).join('; '));
  }
  return withDatabase(readEnv(io.env), async (db) => {
    const password = generatePassword();
    const user = await createUser(db, { ...parsed.data, password }, new Date());
    io.out(`Added ${user.email} (${user.role}).`);
    io.out(`One-time password: ${password}`);
    io.out('It is shown only this once: pass it on securely.');
    return 0;
  });
}
