import { resolve } from 'node:path';
import { readEnv } from '../env.js';
import type { CliIo } from './io.js';

/** The content directory: --content when given, else CONTENT_DIR, else the current directory. */
export function contentDirFrom(flag: string | undefined, io: CliIo): string {
  return flag ? resolve(io.cwd, flag) : readEnv(io.env).contentDir;
}
