/** Everything the app needs from outside, injected by main.ts (and by tests): no singletons. */
import type { SnapshotReader } from './content/snapshots.js';
import type { ContentStore } from './content/store.js';
import type { Db } from './db/db.js';
import type { JudgeFn } from './grading/pregrade.js';

export type Config = {
  /** Set the Secure flag on cookies: true when served over HTTPS (PUBLIC_URL https://…). */
  secureCookies: boolean;
  /** Trust X-Forwarded-For for the client address (behind a reverse proxy). */
  trustProxy: boolean;
  /** The built web app to serve, or null (API only: tests, and `npm run dev` where Vite serves it). */
  webDir: string | null;
  /** Staff sessions last this long. */
  sessionHours: number;
  /** Invites expire after this many days (INVITE_DAYS). */
  inviteDays: number;
  /** The origin people use (PUBLIC_URL), for links; null: the request's own origin. */
  publicUrl: string | null;
};

export type Logger = { info(line: string): void; warn(line: string): void; error(line: string): void };

export type Deps = {
  db: Db;
  clock: () => Date;
  content: ContentStore;
  /** Exercise versions as candidates saw them (cached: a version never changes). */
  snapshots: SnapshotReader;
  /** The LLM judge (answers pending criteria when no API key is configured). */
  judge: JudgeFn;
  config: Config;
  log: Logger;
};

export const consoleLogger: Logger = {
  info: (line) => console.log(line),
  warn: (line) => console.warn(line),
  error: (line) => console.error(line),
};
