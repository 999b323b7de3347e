/**
 * One process per embedded data directory: PGlite would corrupt a directory two processes write to.
 * The lock is a file created with O_EXCL holding the owner's pid. A lock whose pid no longer runs is stale
 * (the owner was killed) and is taken over.
 */
import { closeSync, mkdirSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';
import { join } from 'node:path';

export class LockError extends Error {}

export type DirLock = { path: string; release(): void };

type Holder = { pid: number; command: string; since: string };

export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): DirLock {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, 'audition.lock');
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      const holder: Holder = { pid: process.pid, command, since: new Date().toISOString() };
      writeSync(fd, JSON.stringify(holder));
      closeSync(fd);
      let released = false;
      const release = () => {
        if (released) return;
        released = true;
        try {
          if (readHolder(path)?.pid === process.pid) unlinkSync(path);
        } catch {
          // Already removed: nothing to release.
        }
      };
      process.once('exit', release);
      return { path, release };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readHolder(path);
      if (holder && isRunning(holder.pid)) {
        throw new LockError(
          `The database in ${dataDir} is in use by process ${holder.pid} (${holder.command || 'audition'}, since ${holder.since}).\n` +
            'Only one process may open the embedded database at a time. Stop that process first, or use the web UI ' +
            'while the server runs (or set DATABASE_URL to share a PostgreSQL server between processes).\n' +
            `If no process ${holder.pid} is running, delete ${path} and try again.`,
        );
      }
      // Stale: its owner is gone. Remove it and try once more.
      try {
        unlinkSync(path);
      } catch {
        // Another process removed it first; the retry decides who wins.
      }
    }
  }
  throw new LockError(`Could not lock ${dataDir}: another process is starting on it. Try again.`);
}

function readHolder(path: string): Holder | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as Holder;
  } catch {
    return null;
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
