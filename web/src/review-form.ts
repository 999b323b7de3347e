/**
 * useReviewForm: the reviewer's scores, reasons and note as typed, and saving them (docs/review.md, "Saving a
 * review"). The form holds only what the reviewer typed; every other field follows the server (review-scores.ts),
 * so polls update the fields the reviewer has not touched and never the ones they have.
 *
 * The version sent is the one the reviewer's inputs were made against: a poll that brings a newer review while
 * they type does not move it, so their save meets a 409 rather than silently overwriting. On 409 the form
 * says so, reloads the current review and keeps the reviewer's unsaved inputs in their fields, naming beside
 * each field the value saved meanwhile; nothing is saved until the reviewer saves again, against the new version.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { ApiFailure } from './api-failure';
import { type SubmissionDetail, saveReview } from './review-api';
import { formatScore } from './review-format';
import {
  buildReview,
  type Edits,
  type FieldErrors,
  type FormErrors,
  issuesToErrors,
  reasonNeeded,
  type ScoreContext,
  scoreText,
} from './review-scores';
import type { Polled } from './use-polling';

export type SaveKind = 'save' | 'confirm' | 'reopen';

/** What one criterion's fields show. */
export type CriterionField = {
  score: string;
  reason: string;
  /** The change that needs a reason, or null. */
  change: { from: number; to: number } | null;
  errors: FieldErrors | undefined;
  /** The saved final score, and who saved it. */
  saved: { score: number; by: string } | null;
  /** Said beside the field after a conflict: the score someone else saved meanwhile. */
  notice: string | null;
};

type Conflict = { before: Readonly<Record<string, number>>; beforeNote: string | null };

export function useReviewForm({
  id,
  detail,
  polled,
  onInvalid,
}: {
  id: string;
  detail: SubmissionDetail;
  polled: Polled<SubmissionDetail>;
  /** The client's checks refused a save: the page moves focus to the first field to fix. */
  onInvalid: (errors: FormErrors) => void;
}) {
  const pregrade = detail.pregradeHidden ? null : detail.pregrade;
  const [edits, setEdits] = useState<Edits>({});
  const [note, setNote] = useState<string | null>(null);
  const [baseVersion, setBaseVersion] = useState(detail.review.version);
  const adoptNextVersion = useRef(false);
  const [saving, setSaving] = useState<SaveKind | null>(null);
  // Two quick Ctrl+Enter presses arrive before React re-renders: the ref, not the state, stops the second.
  const savingNow = useRef(false);
  const [errors, setErrors] = useState<FormErrors>({ criteria: {} });
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [confirmedNow, setConfirmedNow] = useState(false);

  const ctx: ScoreContext = useMemo(
    () => ({
      criteria: detail.criteria,
      finals: Object.fromEntries(Object.entries(detail.review.scores).map(([cid, s]) => [cid, s.score])),
      visiblePre: Object.fromEntries(
        (pregrade?.criteria ?? []).filter((g) => g.status === 'scored').map((g) => [g.id, g.score]),
      ),
    }),
    [detail.criteria, detail.review.scores, pregrade],
  );
  const dirty = Object.keys(edits).length > 0 || note !== null;
  const noteText = note ?? detail.review.note ?? '';

  useEffect(() => {
    if (adoptNextVersion.current || !dirty) {
      adoptNextVersion.current = false;
      setBaseVersion(detail.review.version);
    }
  }, [detail.review.version, dirty]);

  async function submit(kind: SaveKind) {
    if (savingNow.current) return;
    const confirm = kind === 'confirm';
    const built = buildReview(ctx, edits, { note: noteText, version: baseVersion, confirm });
    setMessage(null);
    setFailure(null);
    if (!built.ok) {
      setErrors(built.errors);
      onInvalid(built.errors);
      return;
    }
    setErrors({ criteria: {} });
    setSaving(kind);
    savingNow.current = true;
    try {
      const saved = await saveReview(id, built.body);
      polled.mutate((d) => ({ ...d, review: saved.review, audit: saved.audit }));
      setEdits({});
      setNote(null);
      setConflict(null);
      adoptNextVersion.current = true;
      // The rest changes too: the state, the next submission, and in blind mode the pre-grade now shown.
      await polled.refresh();
      setConfirmedNow(confirm);
      if (!confirm) setMessage(kind === 'reopen' ? 'Reopened: the review is in progress again.' : 'Saved.');
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setFailure(error);
      if (error.status === 409) {
        setConflict({ before: ctx.finals, beforeNote: detail.review.note });
        adoptNextVersion.current = true;
        await polled.refresh();
        setMessage(
          'The page now shows the review as saved by the other reviewer. Your unsaved inputs are still in their fields, with the newly saved values named beside them: check them, then save again.',
        );
      } else if (error.details.issues) {
        setErrors(issuesToErrors(built.body, error.details.issues));
      }
    } finally {
      savingNow.current = false;
      setSaving(null);
    }
  }

  function fieldOf(criterionId: string): CriterionField {
    const criterion = detail.criteria.find((c) => c.id === criterionId);
    const saved = detail.review.scores[criterionId];
    const before = conflict?.before[criterionId];
    const after = saved?.score;
    const edit = edits[criterionId]?.score;
    const show = (score: number | undefined) => (score === undefined ? '—' : formatScore(score));
    return {
      score: scoreText(ctx, edits, criterionId),
      reason: edits[criterionId]?.reason ?? '',
      change: criterion ? reasonNeeded(ctx, edits, criterion) : null,
      errors: errors.criteria[criterionId],
      saved: saved ? { score: saved.score, by: saved.by } : null,
      notice:
        conflict && before !== after
          ? `Saved meanwhile by ${saved?.by ?? 'another reviewer'}: ${show(before)} → ${show(after)}.${
              edit !== undefined ? ` Your value (${edit || 'empty'}) is kept in the field.` : ''
            }`
          : null,
    };
  }

  const noteNotice =
    conflict && conflict.beforeNote !== detail.review.note
      ? `The note was changed meanwhile to: “${detail.review.note ?? ''}”.${note !== null ? ' Your note is kept in the field.' : ''}`
      : null;

  return {
    noteText,
    setNote,
    setScore: (criterionId: string, score: string) =>
      setEdits((e) => ({ ...e, [criterionId]: { ...e[criterionId], score } })),
    setReason: (criterionId: string, reason: string) =>
      setEdits((e) => ({ ...e, [criterionId]: { ...e[criterionId], reason } })),
    fieldOf,
    noteNotice,
    submit,
    saving,
    errors,
    failure,
    setFailure,
    message,
    setMessage,
    confirmedNow,
  };
}
