/**
 * The invite behind a candidate's token, with its assessment and attempt: every candidate request starts
 * here. Lookups that arrive while one is running are answered together by one query (coalescer.ts), which
 * under load costs little more than a single lookup (ADR 013). The lookup caches nothing. The autosave
 * remembers the part of a started attempt's access that cannot change (ADR 021, below), and its write reads
 * the rest in its own transaction, so a revoked invite or a finished attempt is seen by the next save.
 */
import { hashToken } from '../auth/tokens.js';
import type { Assessment, Invite } from './assessments.js';
import type { Attempt, TokenAccess } from './attempts.js';
import { Coalescer } from './coalescer.js';
import { type Db, type DbProcedure, type Queryable, valuesList } from './db.js';
import { LruMap } from './lru-map.js';

/** The most tokens in one query. */
const MAX_BATCH_TOKENS = 200;

/** The most started attempts' tokens remembered per database (ADR 021). */
const MAX_REMEMBERED = 10_000;

/** What the holder of a revoked invite is told, wherever the revoke is noticed. */
export const LINK_WITHDRAWN = 'This link was withdrawn by the team that sent it. Ask them for a new one.';

type AccessRow = Invite & { tokenHash: string; assessment: Assessment; attempt: Attempt | null };

/**
 * The access behind each token found (unknown tokens are absent), in one query. Each token is looked up
 * through its index (LATERAL … LIMIT 1 keeps the planner from hashing whole tables): PGlite never runs
 * ANALYZE, and without statistics its planner scanned every invite and attempt for each batch, a cost that
 * grows with every invite ever sent. The tokens are a VALUES list, not an array, so that on PGlite the
 * statement for each batch size is planned once, not on every run (ADR 020).
 */
export async function accessByTokens(db: Queryable, tokens: string[]): Promise<Map<string, TokenAccess>> {
  const hashes = tokens.map(hashToken);
  if (hashes.length === 0) return new Map();
  // Padded with the first token again: its rows come back twice and are counted once.
  const wanted = valuesList(
    hashes.map((hash) => [hash]),
    [hashes[0]],
    ['text'],
  );
  const rows = await db.query<AccessRow>(
    `SELECT i.token_hash AS "tokenHash", i.id, i.assessment_id AS "assessmentId", i.name, i.email,
            i.expires_at AS "expiresAt", i.revoked_at AS "revokedAt",
            json_build_object('id', s.id, 'name', s.name, 'exerciseIds', s.exercise_ids, 'minutes', s.minutes,
                              'createdAt', s.created_at) AS assessment,
            CASE WHEN t.id IS NULL THEN NULL ELSE json_build_object(
              'id', t.id, 'inviteId', t.invite_id, 'assessmentId', t.assessment_id,
              'exerciseVersions', t.exercise_versions, 'startedAt', t.started_at, 'deadlineAt', t.deadline_at,
              'finishedAt', t.finished_at) END AS attempt
       FROM (VALUES ${wanted.sql}) AS wanted (hash)
      CROSS JOIN LATERAL (SELECT * FROM invites WHERE token_hash = wanted.hash LIMIT 1) i
      CROSS JOIN LATERAL (SELECT * FROM assessments WHERE id = i.assessment_id LIMIT 1) s
       LEFT JOIN LATERAL (SELECT * FROM attempts WHERE invite_id = i.id LIMIT 1) t ON true`,
    wanted.params,
  );
  const byHash = new Map(rows.map((row) => [row.tokenHash, toAccess(row)]));
  const found = new Map<string, TokenAccess>();
  tokens.forEach((token, i) => {
    const access = byHash.get(hashes[i] ?? '');
    if (access) found.set(token, access);
  });
  return found;
}

/**
 * One lookup, where the database is, together with whatever other lookups are waiting there: on the
 * database thread each crosses as one message and the batches form next to PGlite (ADR 019).
 */
export const lookUpToken: DbProcedure<string, TokenAccess | null> = {
  name: 'lookUpToken',
  run: (db, token) => loaderOf(db).push(token),
};

/** The access behind one token, looked up together with whatever other lookups are waiting. */
export function loadAccess(db: Db, token: string): Promise<TokenAccess | null> {
  return db.call(lookUpToken, token);
}

const loaders = new WeakMap<Db, Coalescer<string, TokenAccess | null>>();

function loaderOf(db: Db): Coalescer<string, TokenAccess | null> {
  let loader = loaders.get(db);
  if (!loader) {
    loader = new Coalescer<string, TokenAccess | null>(
      async (tokens) => {
        const found = await accessByTokens(db, [...new Set(tokens)]);
        return tokens.map((token) => ({ ok: true, value: found.get(token) ?? null }));
      },
      { maxItems: MAX_BATCH_TOKENS },
    );
    loaders.set(db, loader);
  }
  return loader;
}

/**
 * What a started attempt's token leads to that can no longer change (ADR 021): the attempt's id, pinned
 * versions and deadline, and the assessment's exercises. What can (a revoked invite, a finished attempt, a
 * submitted exercise) is not here: the draft write reads it in its own transaction.
 */
export type StartedAccess = {
  attempt: Pick<Attempt, 'id' | 'exerciseVersions' | 'deadlineAt'>;
  exerciseIds: string[];
};

/** By the token's hash, as everywhere else: the tokens themselves are never kept. */
const remembered = new WeakMap<Db, LruMap<string, StartedAccess>>();

/** The remembered part of a started attempt's access, by its token's hash, if a save has remembered it. */
export function startedAccess(db: Db, tokenHash: string): StartedAccess | undefined {
  return remembered.get(db)?.get(tokenHash);
}

/** Remembers the unchanging part of a started attempt's access, found by the full lookup. */
export function rememberStarted(db: Db, tokenHash: string, access: TokenAccess & { attempt: Attempt }): StartedAccess {
  const { id, exerciseVersions, deadlineAt } = access.attempt;
  return remember(db, tokenHash, {
    attempt: { id, exerciseVersions, deadlineAt },
    exerciseIds: access.assessment.exerciseIds,
  });
}

function remember(db: Db, tokenHash: string, started: StartedAccess): StartedAccess {
  let tokens = remembered.get(db);
  if (!tokens) {
    tokens = new LruMap(MAX_REMEMBERED);
    remembered.set(db, tokens);
  }
  tokens.set(tokenHash, started);
  return started;
}

/** How long after its deadline an unfinished attempt is still remembered at start. */
const REMEMBER_AFTER_DEADLINE_MS = 24 * 60 * 60_000;

/**
 * At start (ADR 021, amended): remembers the attempts that may still save (started, not finished, invite not
 * revoked, deadline less than a day ago), newest deadline first, as many as the memory holds, so that a
 * restart in the middle of an assessment does not send every candidate's next save through the full lookup
 * at once. Answers what it remembered, newest deadline first.
 */
export async function rememberOpenAttempts(db: Db, now: Date): Promise<StartedAccess[]> {
  const rows = await db.query<StartedAccess['attempt'] & { tokenHash: string; exerciseIds: string[] }>(
    `SELECT i.token_hash AS "tokenHash", t.id, t.exercise_versions AS "exerciseVersions",
            t.deadline_at AS "deadlineAt", s.exercise_ids AS "exerciseIds"
       FROM attempts t JOIN invites i ON i.id = t.invite_id JOIN assessments s ON s.id = t.assessment_id
      WHERE t.finished_at IS NULL AND i.revoked_at IS NULL AND t.deadline_at > $1
      ORDER BY t.deadline_at DESC LIMIT $2`,
    [new Date(now.getTime() - REMEMBER_AFTER_DEADLINE_MS), MAX_REMEMBERED],
  );
  const started = rows.map(({ tokenHash, exerciseIds, ...attempt }) => ({ tokenHash, attempt, exerciseIds }));
  // Oldest first, so that the newest are the most recently used, the last the memory would forget.
  for (const { tokenHash, ...access } of started.toReversed()) remember(db, tokenHash, access);
  return started.map(({ tokenHash: _, ...access }) => access);
}

function toAccess({ tokenHash: _, assessment, attempt, ...invite }: AccessRow): TokenAccess {
  return {
    invite,
    assessment: { ...assessment, createdAt: new Date(assessment.createdAt) },
    attempt: attempt && {
      ...attempt,
      startedAt: new Date(attempt.startedAt),
      deadlineAt: new Date(attempt.deadlineAt),
      finishedAt: attempt.finishedAt ? new Date(attempt.finishedAt) : null,
    },
  };
}
