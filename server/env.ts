/**
 * The one place that reads process.env. Every setting is validated here and documented in the README's
 * configuration table; a bad value stops start-up with a message naming the variable.
 */
import { resolve } from 'node:path';
import { z } from 'zod';

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);

const envSchema = z.object({
  PORT: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(65535).default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  DATA_DIR: z.preprocess(emptyAsUndefined, z.string().default('./data')),
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, 'must be a postgres:// or postgresql:// URL')
      .optional(),
  ),
  CONTENT_DIR: z.preprocess(emptyAsUndefined, z.string().default('.')),
  ADMIN_EMAIL: z.preprocess(emptyAsUndefined, z.email().default('admin@localhost')),
  ADMIN_PASSWORD: z.preprocess(emptyAsUndefined, z.string().min(12, 'must be at least 12 characters').optional()),
  INVITE_DAYS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(365).default(14)),
  ANTHROPIC_API_KEY: z.preprocess(emptyAsUndefined, z.string().optional()),
  ANTHROPIC_MODEL: z.preprocess(emptyAsUndefined, z.string().optional()),
  ANTHROPIC_BASE_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  GRADER_CONCURRENCY: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(64).default(4)),
  PUBLIC_URL: z.preprocess(emptyAsUndefined, z.url().optional()),
  TRUST_PROXY: z.preprocess(emptyAsUndefined, z.enum(['true', 'false', '1', '0']).default('false')),
});

export type Env = {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  contentDir: string;
  adminEmail: string;
  adminPassword: string | undefined;
  /** Invites expire after this many days. */
  inviteDays: number;
  /** The origin used in links printed by the CLI and the server, e.g. invite links. */
  publicUrl: string | undefined;
  /** The LLM judge: no key means LLM criteria stay pending for reviewers (the product works offline). */
  anthropic: { apiKey: string | undefined; model: string | undefined; baseUrl: string | undefined };
  /** How many grading jobs run at once in this process. */
  graderConcurrency: number;
  /** Behind a reverse proxy: take the client address from X-Forwarded-For (login throttling). */
  trustProxy: boolean;
};

export class EnvError extends Error {}

export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new EnvError(`Invalid configuration (see the README's configuration table):\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    contentDir: resolve(e.CONTENT_DIR),
    adminEmail: e.ADMIN_EMAIL,
    adminPassword: e.ADMIN_PASSWORD,
    inviteDays: e.INVITE_DAYS,
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    anthropic: { apiKey: e.ANTHROPIC_API_KEY, model: e.ANTHROPIC_MODEL, baseUrl: e.ANTHROPIC_BASE_URL },
    graderConcurrency: e.GRADER_CONCURRENCY,
    trustProxy: e.TRUST_PROXY === 'true' || e.TRUST_PROXY === '1',
  };
}
