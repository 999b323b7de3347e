/** What a CLI command may touch: its output streams and the environment. Tests pass their own. */
export type CliIo = {
  out: (text: string) => void;
  err: (text: string) => void;
  env: NodeJS.ProcessEnv;
  cwd: string;
};

export const processIo: CliIo = {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
  env: process.env,
  cwd: process.cwd(),
};

/** A usage mistake: the command prints the message and its usage, and exits 2. */
export class UsageError extends Error {}

/** A failure the user can act on (a locked database, a duplicate email): printed without a stack trace, exit 2. */
export class CliError extends Error {}
