/**
 * What one review save changes, as a pure function: the next review state and the audit records it makes.
 * The rules (docs/review.md, "Saving a review"): scores in 0..max in steps of 0.5; a reason when a score
 * differs from the one it replaces (the current final score, else the visible pre-grade score); confirm needs
 * every criterion scored; confirm: false on a confirmed review reopens it; a save that changes nothing makes
 * no record. The caller checks the version first and stores the result in one transaction.
 */
import { ApiError } from '../errors.js';

export type CriterionDecision = { score: number; reason: string | null; by: string; at: string };

export type ReviewState = {
  version: number;
  scores: Record<string, CriterionDecision>;
  note: string | null;
  confirmedBy: string | null;
  confirmedAt: Date | null;
  /** userId → the criteria that user has entered a score for (blind mode reveals the pre-grade after all). */
  scoredBy: Record<string, string[]>;
};

export type ReviewInput = {
  version: number;
  criteria: { id: string; score: number; reason?: string | undefined }[];
  note?: string | undefined;
  confirm: boolean;
};

export type ReviewAction = 'score' | 'note' | 'confirm' | 'reopen';

export type ReviewChange = {
  action: ReviewAction;
  criterionId?: string;
  from?: number | null;
  to?: number;
  reason?: string | null;
  note?: string | null;
};

export type PlanContext = {
  actorId: string;
  criteria: { id: string; max: number }[];
  /** The pre-grade's scores the reviewer could see: scored criteria only, none in blind mode before scoring. */
  visiblePreScores: ReadonlyMap<string, number>;
  now: Date;
};

export const EMPTY_REVIEW: ReviewState = {
  version: 0,
  scores: {},
  note: null,
  confirmedBy: null,
  confirmedAt: null,
  scoredBy: {},
};

type Issue = { path: string; message: string };

export function planReview(
  current: ReviewState,
  input: ReviewInput,
  ctx: PlanContext,
): { next: ReviewState; changes: ReviewChange[] } {
  const issues: Issue[] = [];
  const maxOf = new Map(ctx.criteria.map((c) => [c.id, c.max]));
  const scores = { ...current.scores };
  const changes: ReviewChange[] = [];
  const seen = new Set<string>();

  input.criteria.forEach((given, i) => {
    const path = `criteria.${i}`;
    const max = maxOf.get(given.id);
    if (max === undefined) {
      issues.push({ path: `${path}.id`, message: `No criterion "${given.id}" in this submission's rubric.` });
      return;
    }
    if (seen.has(given.id)) {
      issues.push({ path: `${path}.id`, message: `Criterion "${given.id}" is given twice.` });
      return;
    }
    seen.add(given.id);
    if (given.score < 0 || given.score > max || !Number.isInteger(given.score * 2)) {
      issues.push({ path: `${path}.score`, message: `"${given.id}" takes a score from 0 to ${max} in steps of 0.5.` });
      return;
    }
    const from = current.scores[given.id]?.score ?? null;
    const replaces = from ?? ctx.visiblePreScores.get(given.id) ?? null;
    const reason = given.reason?.trim() || null;
    if (replaces !== null && given.score !== replaces && !reason) {
      issues.push({
        path: `${path}.reason`,
        message: `"${given.id}": give a short reason for changing the score from ${replaces} to ${given.score}.`,
      });
      return;
    }
    if (from === given.score) return;
    scores[given.id] = { score: given.score, reason, by: ctx.actorId, at: ctx.now.toISOString() };
    changes.push({ action: 'score', criterionId: given.id, from, to: given.score, reason });
  });

  const note = input.note === undefined ? current.note : input.note.trim() || null;
  if (note !== current.note) changes.push({ action: 'note', note });

  let confirmedBy = current.confirmedBy;
  let confirmedAt = current.confirmedAt;
  if (input.confirm) {
    // A criterion given with a problem is reported as that problem, not as missing too.
    const given = new Set(input.criteria.map((c) => c.id));
    const missing = ctx.criteria.filter((c) => scores[c.id] === undefined && !given.has(c.id)).map((c) => c.id);
    if (missing.length > 0) {
      issues.push({
        path: 'confirm',
        message: `Score every criterion before confirming; missing: ${missing.join(', ')}.`,
      });
    } else if (current.confirmedAt === null || changes.length > 0) {
      confirmedBy = ctx.actorId;
      confirmedAt = ctx.now;
      changes.push({ action: 'confirm' });
    }
  } else if (current.confirmedAt !== null) {
    confirmedBy = null;
    confirmedAt = null;
    changes.push({ action: 'reopen' });
  }

  if (issues.length > 0) {
    throw new ApiError('bad_request', issues.map((i) => i.message).join(' '), {
      issues: issues.map((i) => ({ path: i.path.split('.'), message: i.message })),
    });
  }

  const mine = new Set([...(current.scoredBy[ctx.actorId] ?? []), ...seen]);
  const scoredBy = { ...current.scoredBy, [ctx.actorId]: [...mine].sort() };
  return {
    next: {
      version: changes.length > 0 ? current.version + 1 : current.version,
      scores,
      note,
      confirmedBy,
      confirmedAt,
      scoredBy,
    },
    changes,
  };
}

/** Blind mode: the pre-grade shows once this user has entered a score for every criterion. */
export function hasScoredAll(review: ReviewState, userId: string, criteria: { id: string }[]): boolean {
  const mine = new Set(review.scoredBy[userId] ?? []);
  return criteria.every((c) => mine.has(c.id));
}
