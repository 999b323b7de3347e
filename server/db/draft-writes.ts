/**
 * Writing draft revisions, group-committed (ADR 013): saves that arrive while a batch is being written go
 * together in the next transaction: one statement locks all their attempts (on PostgreSQL), one reads what
 * decides where each save goes, one multi-row INSERT writes them, and one COMMIT. Every rule holds per
 * save, in arrival order, exactly as if each had its own transaction: a revoked invite refuses it (404: the
 * save may not have looked its token up, ADR 021), a finished attempt or a submitted exercise refuses it
 * (409), a save not based on the latest draft is kept as a conflict, one overtaken by a newer save of its
 * tab is kept as superseded (ADR 012), a save after the deadline is marked late. A save is acknowledged only after its
 * COMMIT. The same SQL runs on PGlite and PostgreSQL.
 */
import type { Submission } from '../content/schema.js';
import { ApiError } from '../errors.js';
import { Coalescer } from './coalescer.js';
import { type Db, type DbProcedure, type Queryable, valuesList } from './db.js';
import { LINK_WITHDRAWN } from './token-access.js';

/** Which page load sent a save, and its place among that page's saves (ADR 012). */
export type DraftTab = { id: string; seq: number };

export type DraftSave = { baseRevision: number; submission: Submission; tab?: DraftTab | undefined };

export type SavedDraft = {
  revision: number;
  conflict: boolean;
  /** A newer save of the same tab was already stored: this one is kept but is not the latest draft. */
  superseded: boolean;
  latestBefore: number;
  savedAt: Date;
  late: boolean;
};

/** A save as the writer takes it: already validated against its exercise. */
export type PendingSave = DraftSave & {
  attemptId: string;
  exerciseId: string;
  deadlineAt: Date;
  now: Date;
};

/** What decides where a save goes, read in the save's transaction, after the attempt's lock where there is one. */
export type DraftState = {
  /** The highest revision number of the draft, superseded or not (0: none). */
  last: number;
  /** The latest draft (not superseded) and the tab that saved it. */
  liveRevision: number | null;
  liveTab: string | null;
  /** The highest sequence number the saving tab has stored for this draft. */
  tabSeq: number | null;
};

/**
 * Where a save goes: always appended as the next revision. Superseded when its tab already stored a save
 * numbered as high or higher (this one was overtaken on the way). A conflict when it was not based on the
 * latest draft and that draft came from elsewhere (another tab, or a client that names no tab): a tab's
 * own earlier save landing in between is not a race with anyone.
 */
export function placeDraft(
  state: DraftState,
  save: Pick<DraftSave, 'baseRevision' | 'tab'>,
): { revision: number; conflict: boolean; superseded: boolean } {
  const superseded = save.tab !== undefined && state.tabSeq !== null && save.tab.seq <= state.tabSeq;
  const live = state.liveRevision ?? 0;
  const ownLatest = save.tab !== undefined && state.liveTab === save.tab.id;
  const conflict = !superseded && save.baseRevision !== live && !ownLatest;
  return { revision: state.last + 1, conflict, superseded };
}

/** The most saves in one transaction, and the most submission bytes (a draft may be 256 KB). */
const MAX_BATCH_SAVES = 200;
const MAX_BATCH_BYTES = 8 * 1024 * 1024;

/** A save as it goes to the database: the submission already serialised, once. */
type Prepared = Omit<PendingSave, 'submission'> & { json: string };

/** Why a save was refused: data, so that it crosses the database thread (ADR 019). */
type Refusal = 'no-attempt' | 'revoked' | 'finished' | 'submitted';
type Placed = { ok: true; value: SavedDraft } | { ok: false; refusal: Refusal };

const REFUSALS: Record<Refusal, ApiError> = {
  'no-attempt': new ApiError('not_found', 'No such attempt.'),
  revoked: new ApiError('not_found', LINK_WITHDRAWN),
  finished: new ApiError('conflict', 'This assessment is finished: nothing more can be saved.'),
  submitted: new ApiError('conflict', 'This exercise is already submitted: it can no longer be changed.'),
};

/**
 * One save, written where the database is, in the next batch of that database's writer. On the database
 * thread each save crosses as one message and the batches form there, next to PGlite (ADR 019).
 */
export const writeDraftSave: DbProcedure<Prepared, Placed> = {
  name: 'writeDraftSave',
  run: (db, save) => writerOf(db).push(save),
};

/** Appends one save, in the next batch; resolves after the batch's COMMIT. */
export async function writeDraft(db: Db, { submission, ...save }: PendingSave): Promise<SavedDraft> {
  const placed = await db.call(writeDraftSave, { ...save, json: JSON.stringify(submission) });
  if (!placed.ok) throw REFUSALS[placed.refusal];
  return placed.value;
}

/** One draft to rehearse the writes on (ADR 024), and how many batches to write. */
type Rehearsal = { attemptId: string; exerciseId: string; deadlineAt: Date; batches: number };

/** Thrown to end the rehearsal's transaction with a rollback. */
const REHEARSED = Symbol('rehearsed');

/**
 * The warm-up's writes (ADR 024): batches of one to four 4 KB saves to one draft, through writeBatch itself,
 * in one transaction that is rolled back, so that nothing stays. Answers how many revisions it wrote before
 * the rollback. Only before the server listens: the transaction holds PGlite meanwhile.
 */
export const rehearseDraftWrites: DbProcedure<Rehearsal, number> = {
  name: 'rehearseDraftWrites',
  run: async (db, { attemptId, exerciseId, deadlineAt, batches }) => {
    const json = JSON.stringify({ kind: 'spec', text: 'rehearsal '.repeat(410) });
    let written = 0;
    try {
      await db.transaction(async (tx) => {
        for (let batch = 0; batch < batches; batch++) {
          const save = { attemptId, exerciseId, baseRevision: 0, json, now: new Date(), deadlineAt };
          const placed = await writeBatch(tx, Array(1 + (batch % 4)).fill(save), db.engine);
          written += placed.filter((outcome) => outcome.ok).length;
        }
        throw REHEARSED;
      });
    } catch (error) {
      if (error !== REHEARSED) throw error;
    }
    return written;
  },
};

/**
 * The writer of one database. It belongs to the database handle and goes with it (a WeakMap, not a
 * global): two apps on two databases share nothing, two on the same database share its queue, as they
 * share its rows.
 */
const writers = new WeakMap<Db, Coalescer<Prepared, Placed>>();

function writerOf(db: Db): Coalescer<Prepared, Placed> {
  let writer = writers.get(db);
  if (!writer) {
    writer = new Coalescer<Prepared, Placed>(
      async (saves) =>
        (await db.transaction((tx) => writeBatch(tx, saves, db.engine))).map((value) => ({ ok: true, value })),
      { maxItems: MAX_BATCH_SAVES, maxWeight: MAX_BATCH_BYTES, weigh: (save) => save.json.length },
    );
    writers.set(db, writer);
  }
  return writer;
}

/** The state of one draft (attempt and exercise) as a batch goes through it. */
type DraftRow = {
  attemptId: string;
  exerciseId: string;
  tabId: string | null;
  revoked: boolean;
  finished: boolean;
  submitted: boolean;
  last: number;
  liveRevision: number | null;
  liveTab: string | null;
  tabSeq: number | null;
};
type Draft = Omit<DraftRow, 'tabId' | 'tabSeq'> & { tabSeqs: Map<string, number | null> };

/** The columns of a stored draft revision, in the order writeBatch lists them. */
const DRAFT_ROW_TYPES = ['text', 'text', 'int', 'int', 'boolean', 'jsonb', 'timestamptz', 'text', 'int', 'boolean'];

async function writeBatch(tx: Queryable, saves: Prepared[], engine: Db['engine']): Promise<Placed[]> {
  if (engine === 'postgres') await lockAttempts(tx, saves);
  const drafts = await readDrafts(tx, saves);
  const outcomes: Placed[] = [];
  const rows: unknown[][] = [];
  for (const save of saves) {
    const draft = drafts.get(draftKey(save.attemptId, save.exerciseId));
    if (!draft) {
      outcomes.push({ ok: false, refusal: 'no-attempt' });
      continue;
    }
    // The save may have skipped the token lookup (ADR 021): a revoke is seen here, as a finish and a submit are.
    const refusal = draft.revoked ? 'revoked' : draft.finished ? 'finished' : draft.submitted ? 'submitted' : null;
    if (refusal) {
      outcomes.push({ ok: false, refusal });
      continue;
    }
    const tabSeq = save.tab ? (draft.tabSeqs.get(save.tab.id) ?? null) : null;
    const state: DraftState = { last: draft.last, liveRevision: draft.liveRevision, liveTab: draft.liveTab, tabSeq };
    const placed = placeDraft(state, save);
    // The next save of the same draft in this batch sees this one, as it would after this one's COMMIT.
    draft.last = placed.revision;
    if (!placed.superseded) {
      draft.liveRevision = placed.revision;
      draft.liveTab = save.tab?.id ?? null;
    }
    if (save.tab) draft.tabSeqs.set(save.tab.id, Math.max(save.tab.seq, tabSeq ?? 0));
    rows.push([
      save.attemptId,
      save.exerciseId,
      placed.revision,
      save.baseRevision,
      placed.conflict,
      save.json,
      save.now,
      save.tab?.id ?? null,
      save.tab?.seq ?? null,
      placed.superseded,
    ]);
    outcomes.push({
      ok: true,
      value: { ...placed, latestBefore: state.last, savedAt: save.now, late: save.now > save.deadlineAt },
    });
  }
  if (rows.length > 0) {
    // Padded with rows of NULLs, which the WHERE leaves out.
    const values = valuesList(rows, Array<null>(10).fill(null), DRAFT_ROW_TYPES);
    await tx.query(
      `INSERT INTO draft_revisions (attempt_id, exercise_id, revision, base_revision, conflict, submission, saved_at,
                                    tab_id, tab_seq, superseded)
       SELECT * FROM (VALUES ${values.sql})
           AS v (attempt_id, exercise_id, revision, base_revision, conflict, submission, saved_at, tab_id, tab_seq,
                 superseded)
        WHERE v.attempt_id IS NOT NULL`,
      values.params,
    );
  }
  return outcomes;
}

/**
 * One statement for the whole batch: per draft, what decides where its saves go, with the highest sequence
 * number of each tab saving to it. On PostgreSQL it runs after lockAttempts, in a statement of its own: a
 * statement reads with the snapshot it started with, so reads in the statement that waited for the lock
 * would miss what the lock's holder had just committed (a submission, a revision number), and two server
 * processes could both write revision n + 1.
 *
 * Every lookup goes through an index, one draft after another (LATERAL, with FOR UPDATE or LIMIT keeping
 * the planner from hashing whole tables): PGlite never runs ANALYZE, and without statistics its planner
 * scanned every attempt and every submission for each batch, a cost that grows with every attempt ever made.
 */
async function readDrafts(tx: Queryable, saves: Prepared[]): Promise<Map<string, Draft>> {
  const keys = new Map<string, [attemptId: string, exerciseId: string, tabId: string | null]>();
  for (const save of saves) {
    const tabId = save.tab?.id ?? null;
    keys.set(`${draftKey(save.attemptId, save.exerciseId)}\u0000${tabId ?? ''}`, [
      save.attemptId,
      save.exerciseId,
      tabId,
    ]);
  }
  // Padded with the last draft again: its rows come back twice and are read once.
  const drafts = [...keys.values()];
  const wanted = valuesList(drafts, drafts.at(-1) ?? [], ['text', 'text', 'text']);
  const rows = await tx.query<DraftRow>(
    `SELECT p.attempt_id AS "attemptId", p.exercise_id AS "exerciseId", p.tab_id AS "tabId",
            inv.revoked_at IS NOT NULL AS revoked, a.finished_at IS NOT NULL AS finished,
            sub.found IS NOT NULL AS submitted,
            COALESCE((SELECT max(revision) FROM draft_revisions d
                       WHERE d.attempt_id = a.id AND d.exercise_id = p.exercise_id), 0)::int AS last,
            live.revision AS "liveRevision", live.tab_id AS "liveTab",
            (SELECT max(tab_seq) FROM draft_revisions d
              WHERE d.attempt_id = a.id AND d.exercise_id = p.exercise_id AND d.tab_id = p.tab_id)::int AS "tabSeq"
       FROM (VALUES ${wanted.sql}) AS p (attempt_id, exercise_id, tab_id)
      CROSS JOIN LATERAL (SELECT id, invite_id, finished_at FROM attempts WHERE id = p.attempt_id LIMIT 1) a
      CROSS JOIN LATERAL (SELECT revoked_at FROM invites WHERE id = a.invite_id LIMIT 1) inv
       LEFT JOIN LATERAL (SELECT true AS found FROM submissions s
                           WHERE s.attempt_id = a.id AND s.exercise_id = p.exercise_id LIMIT 1) sub ON true
       LEFT JOIN LATERAL (SELECT revision, tab_id FROM draft_revisions d
                           WHERE d.attempt_id = a.id AND d.exercise_id = p.exercise_id AND NOT d.superseded
                           ORDER BY revision DESC LIMIT 1) live ON true`,
    wanted.params,
  );
  const byKey = new Map<string, Draft>();
  for (const { tabId, tabSeq, ...row } of rows) {
    const key = draftKey(row.attemptId, row.exerciseId);
    let draft = byKey.get(key);
    if (!draft) {
      draft = { ...row, tabSeqs: new Map() };
      byKey.set(key, draft);
    }
    if (tabId !== null) draft.tabSeqs.set(tabId, tabSeq);
  }
  return byKey;
}

/**
 * Locks the batch's attempts, in id order, so that two batches, or a batch and a submit, on PostgreSQL
 * never wait on each other in a cycle. Only PostgreSQL needs it: PGlite has one session, and its
 * transactions run one at a time, so nothing else can write between the read and the INSERT. There a lock
 * would be one more exchange and a WAL record per attempt for nothing.
 */
async function lockAttempts(tx: Queryable, saves: Prepared[]): Promise<void> {
  const attemptIds = [...new Set(saves.map((save) => save.attemptId))].sort();
  // Padded with the last id again: a row locked twice in one statement is locked once, and in order.
  const locks = valuesList(
    attemptIds.map((id) => [id]),
    [attemptIds.at(-1)],
    ['text'],
  );
  await tx.query(
    `SELECT a.id FROM (VALUES ${locks.sql}) AS p (id)
      CROSS JOIN LATERAL (SELECT id FROM attempts WHERE id = p.id FOR UPDATE) a`,
    locks.params,
  );
}

function draftKey(attemptId: string, exerciseId: string): string {
  return `${attemptId}\u0000${exerciseId}`;
}
