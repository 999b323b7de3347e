/**
 * The review form's rules, as pure functions mirroring the server's (server/review/review-plan.ts and
 * docs/review.md, "Saving a review"), so that a reviewer learns what to fix next to the field before sending:
 * - a score is a number from 0 to the criterion's max in steps of 0.5; an empty score is not sent;
 * - a reason (1–500 characters) is needed when a score differs from the one it replaces: the criterion's
 *   current final score, else the pre-grade's score when the pre-grade scored it and the reviewer can see it;
 * - confirming needs a score for every criterion.
 * The server checks all of it again; its 400 issues are mapped back onto the fields (issuesToErrors).
 *
 * The form holds only what the reviewer typed (Edits); every other field shows its default, which follows the
 * server: when a poll brings the finished pre-grade, the fields the reviewer has not touched show it.
 */
import type { ReviewBody } from './review-api';

export const MAX_REASON = 500;
export const MAX_NOTE = 5000;

export type ScoreCriterion = { id: string; title: string; max: number };

/** What the defaults and the reason rule are computed from. */
export type ScoreContext = {
  criteria: readonly ScoreCriterion[];
  /** The current final score of each criterion that has one (the saved review). */
  finals: Readonly<Record<string, number>>;
  /** The pre-grade's scores the reviewer can see: scored criteria only, none while blind mode hides them. */
  visiblePre: Readonly<Record<string, number>>;
};

export type Edits = Readonly<Record<string, { score?: string; reason?: string }>>;

export type FieldErrors = { score?: string; reason?: string };
export type FormErrors = { criteria: Record<string, FieldErrors>; note?: string; form?: string };

export type ParsedScore = { kind: 'empty' } | { kind: 'invalid'; message: string } | { kind: 'score'; score: number };

const NUMBER = /^(\d+(\.\d*)?|\.\d+)$/;

export function parseScore(raw: string, criterion: ScoreCriterion): ParsedScore {
  const text = raw.trim();
  if (text === '') return { kind: 'empty' };
  const score = Number(text);
  if (!NUMBER.test(text) || score > criterion.max || !Number.isInteger(score * 2)) {
    return { kind: 'invalid', message: `Give a score from 0 to ${criterion.max} in steps of 0.5.` };
  }
  return { kind: 'score', score };
}

/** The score a new one replaces (and must give a reason to differ from), or null when there is none. */
export function replacedScore(ctx: ScoreContext, id: string): number | null {
  return ctx.finals[id] ?? ctx.visiblePre[id] ?? null;
}

/** What the score field shows before the reviewer types: the final score, else the visible pre-grade score. */
export function defaultScoreText(ctx: ScoreContext, id: string): string {
  const score = replacedScore(ctx, id);
  return score === null ? '' : String(score);
}

export function scoreText(ctx: ScoreContext, edits: Edits, id: string): string {
  return edits[id]?.score ?? defaultScoreText(ctx, id);
}

/** When the field's score needs a reason: the change it makes, from → to; else null. */
export function reasonNeeded(
  ctx: ScoreContext,
  edits: Edits,
  criterion: ScoreCriterion,
): { from: number; to: number } | null {
  const parsed = parseScore(scoreText(ctx, edits, criterion.id), criterion);
  const from = replacedScore(ctx, criterion.id);
  if (parsed.kind !== 'score' || from === null || parsed.score === from) return null;
  return { from, to: parsed.score };
}

export type BuildResult = { ok: true; body: ReviewBody } | { ok: false; errors: FormErrors };

/**
 * The request body for Save (confirm false) or Confirm (true), or the errors to show. Every criterion with a
 * score is sent, unchanged ones too: what the reviewer sees is what gets saved (and blind mode reveals the
 * pre-grade only once the reviewer has entered every score).
 */
export function buildReview(
  ctx: ScoreContext,
  edits: Edits,
  input: { note: string; version: number; confirm: boolean },
): BuildResult {
  const errors: FormErrors = { criteria: {} };
  const criteria: ReviewBody['criteria'] = [];
  const missing: string[] = [];
  for (const criterion of ctx.criteria) {
    const parsed = parseScore(scoreText(ctx, edits, criterion.id), criterion);
    if (parsed.kind === 'invalid') {
      errors.criteria[criterion.id] = { score: parsed.message };
      continue;
    }
    if (parsed.kind === 'empty') {
      if (input.confirm) {
        errors.criteria[criterion.id] = { score: 'Score this criterion before confirming.' };
        missing.push(criterion.title);
      }
      continue;
    }
    const change = reasonNeeded(ctx, edits, criterion);
    const reason = edits[criterion.id]?.reason?.trim() ?? '';
    if (change && reason === '') {
      errors.criteria[criterion.id] = {
        reason: `Give a short reason for changing the score from ${change.from} to ${change.to}.`,
      };
      continue;
    }
    if (reason.length > MAX_REASON) {
      errors.criteria[criterion.id] = {
        reason: `Keep the reason to ${MAX_REASON} characters (it has ${reason.length}).`,
      };
      continue;
    }
    criteria.push({ id: criterion.id, score: parsed.score, ...(change && reason ? { reason } : {}) });
  }
  if (input.note.length > MAX_NOTE) {
    errors.note = `Keep the note to ${MAX_NOTE} characters (it has ${input.note.length}).`;
  }
  const count = Object.keys(errors.criteria).length + (errors.note ? 1 : 0);
  if (count > 0) {
    errors.form =
      missing.length > 0
        ? `Score every criterion before confirming; missing: ${missing.join(', ')}.`
        : `${count === 1 ? 'One field needs' : `${count} fields need`} attention before saving.`;
    return { ok: false, errors };
  }
  return { ok: true, body: { version: input.version, criteria, note: input.note, confirm: input.confirm } };
}

/**
 * The server's 400 issues (paths like "criteria.2.reason", indices into the body sent) as field errors, so
 * that its message shows next to the field it is about as well as in the alert.
 */
export function issuesToErrors(
  body: Pick<ReviewBody, 'criteria'>,
  issues: readonly { path: string; message: string }[],
): FormErrors {
  const errors: FormErrors = { criteria: {} };
  for (const issue of issues) {
    const [head, index, field] = issue.path.split('.');
    const id = head === 'criteria' ? body.criteria[Number(index)]?.id : undefined;
    if (id !== undefined) {
      const key = field === 'reason' ? 'reason' : 'score';
      errors.criteria[id] = { ...errors.criteria[id], [key]: issue.message };
    } else if (head === 'note') {
      errors.note = issue.message;
    }
  }
  return errors;
}
