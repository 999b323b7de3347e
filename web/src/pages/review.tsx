/**
 * /review/:id: one submission, its pre-grade and the reviewer's decision (docs/review.md, "Review page").
 * Left, the submission; right, each criterion with the pre-grade's score, rationale, flags and evidence, and
 * the reviewer's score (a reason when it changes the score it replaces); under them, the note and Save /
 * Confirm. The queue's filters travel in the query string, so that "next" follows the queue the reviewer
 * came from. Everything works from the keyboard (review-keys.ts); the shortcuts are listed on the page.
 *
 * Evidence is highlighted in the source view, by the pre-grade's offsets (review-evidence.ts): offsets are
 * exact where a quote search in rendered Markdown is not (a quote can span formatting, or appear twice), so
 * selecting a criterion whose evidence points into the text switches the submission to its source view.
 *
 * Saving, and what a 409 does to the reviewer's inputs: review-form.ts. The page polls every 5 s while the
 * pre-grade is incomplete or its job failed, so that it updates when grading finishes.
 */
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { ApiFailure } from '../api-failure';
import { Brief } from '../components/brief';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { AuditLog } from '../components/review/audit-log';
import { CriterionCard } from '../components/review/criterion-card';
import { LiveStatus } from '../components/review/live-status';
import { groupFlags, PregradeSummary } from '../components/review/pregrade-summary';
import { ReviewActions } from '../components/review/review-actions';
import { ReviewHeader } from '../components/review/review-header';
import { ShortcutsBox } from '../components/review/shortcuts-box';
import { SubmissionPane, type TextView } from '../components/review/submission-pane';
import { fetchSubmission, regradeSubmission, retryGradingJob, type SubmissionDetail } from '../review-api';
import { type Highlights, hasTextHighlights, highlightsOf, NO_HIGHLIGHTS } from '../review-evidence';
import { detailQuery, filtersFromSearch, type QueueFilters, withFilters } from '../review-filters';
import { useReviewForm } from '../review-form';
import { useKeyActions } from '../review-key-listener';
import { REVIEW_SHORTCUTS, reviewKeyAction } from '../review-keys';
import type { FormErrors } from '../review-scores';
import { parseSubmission } from '../submission';
import { useDocumentTitle } from '../use-document-title';
import { type Polled, usePolling } from '../use-polling';
import '../styles/review.css';

export function ReviewPage({ id }: { id: string }) {
  // A new submission is a new page: nothing typed for one may leak into the next.
  return <ReviewWorkspace key={id} id={id} />;
}

/** Grading is not finished (or failed): the page keeps asking, so it updates when the job is done. */
function gradingUnderWay(detail: SubmissionDetail): boolean {
  return (
    !detail.grading.complete ||
    detail.grading.jobState === 'failed' ||
    detail.state === 'grading' ||
    detail.state === 'grading_failed'
  );
}

function ReviewWorkspace({ id }: { id: string }) {
  const search = useSearch();
  const filters = useMemo(() => filtersFromSearch(search), [search]);
  const query = JSON.stringify(detailQuery(filters));
  const load = useCallback((signal: AbortSignal) => fetchSubmission(id, JSON.parse(query), signal), [id, query]);
  const [live, setLive] = useState(true);
  const polled = usePolling(load, { enabled: live });
  const detail = polled.data;
  useEffect(() => {
    if (detail) setLive(gradingUnderWay(detail));
  }, [detail]);
  useDocumentTitle(detail ? `Review: ${detail.candidate.label} · ${detail.exercise.title}` : 'Review');

  const back = (
    <p className="back">
      <Link href={withFilters('/review', filters)}>← Review queue</Link>
    </p>
  );
  if (!detail) {
    return (
      <div className="review-page review-wide">
        {back}
        {polled.failure ? <LoadFailure failure={polled.failure} /> : <Loading>Loading the submission…</Loading>}
      </div>
    );
  }
  return (
    <div className="review-page review-wide">
      {back}
      <Workspace id={id} detail={detail} polled={polled} live={live} filters={filters} />
    </div>
  );
}

function Workspace({
  id,
  detail,
  polled,
  live,
  filters,
}: {
  id: string;
  detail: SubmissionDetail;
  polled: Polled<SubmissionDetail>;
  /** Polling for grading updates (the page polls while the pre-grade is incomplete or its job failed). */
  live: boolean;
  filters: QueueFilters;
}) {
  const [, navigate] = useLocation();
  const submission = useMemo(() => parseSubmission(detail.submission), [detail.submission]);
  const hidden = detail.pregradeHidden;
  const pregrade = hidden ? null : detail.pregrade;

  const [selected, setSelected] = useState(0);
  const [flagKey, setFlagKey] = useState<string | null>(null);
  const [view, setView] = useState<TextView>('rendered');
  const [shortcutsOpen, setShortcutsOpen] = useState(true);
  const [regrading, setRegrading] = useState(false);

  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const inputs = useRef(new Map<string, HTMLInputElement>());
  const noteRef = useRef<HTMLTextAreaElement>(null);
  const nextRef = useRef<HTMLAnchorElement>(null);
  const submissionRef = useRef<HTMLDivElement>(null);

  const form = useReviewForm({ id, detail, polled, onInvalid: focusFirstError });
  const { submit, setFailure, setMessage } = form;

  const highlights = useStableHighlights(detail, pregrade, selected, flagKey);

  // Bring the first highlighted passage into view when the selection (or the view) changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the highlights or the view change
  useLayoutEffect(() => {
    submissionRef.current?.querySelector('[data-evidence-mark]')?.scrollIntoView({ block: 'nearest' });
  }, [highlights, view]);

  const select = useCallback(
    (index: number, focus: boolean) => {
      const criterion = detail.criteria[index];
      if (!criterion) return;
      setSelected(index);
      setFlagKey(null);
      const grade = pregrade?.criteria.find((g) => g.id === criterion.id);
      if (grade && hasTextHighlights(highlightsOf(grade.evidence))) setView('source');
      if (focus) buttons.current.get(criterion.id)?.focus();
    },
    [detail.criteria, pregrade],
  );

  function focusFirstError(formErrors: FormErrors) {
    const first = detail.criteria.find((c) => formErrors.criteria[c.id]);
    if (first) {
      const index = detail.criteria.indexOf(first);
      setSelected(index);
      const reasonFirst = formErrors.criteria[first.id]?.reason && !formErrors.criteria[first.id]?.score;
      const target = reasonFirst
        ? document.getElementById(`criterion-${first.id}-reason`)
        : inputs.current.get(first.id);
      target?.focus();
    } else if (formErrors.note) {
      noteRef.current?.focus();
    }
  }

  // After a confirmation, the way on gets focus: Enter (or n) opens the next submission.
  useEffect(() => {
    if (form.confirmedNow) nextRef.current?.focus();
  }, [form.confirmedNow]);

  async function regrade() {
    setRegrading(true);
    setFailure(null);
    setMessage(null);
    try {
      const { jobId } = await regradeSubmission(id);
      await polled.refresh();
      setMessage(
        jobId
          ? 'Graded again: the checks are updated, and the LLM criteria are queued; this page updates when they are done.'
          : 'Graded again: the checks are updated.',
      );
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setFailure(error);
    } finally {
      setRegrading(false);
    }
  }

  async function retryJob(jobId: string) {
    setFailure(null);
    try {
      await retryGradingJob(jobId);
      await polled.refresh();
      setMessage('The grading job is queued again; this page updates when it is done.');
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setFailure(error);
    }
  }

  const nextHref = detail.nextId ? withFilters(`/review/${detail.nextId}`, filters) : null;

  const confirmed = detail.review.state === 'confirmed';
  useKeyActions(reviewKeyAction, (action, event) => {
    const criterion = detail.criteria[selected];
    switch (action.type) {
      case 'next-criterion':
      case 'previous-criterion': {
        event.preventDefault();
        const step = action.type === 'next-criterion' ? 1 : -1;
        select(Math.min(Math.max(selected + step, 0), detail.criteria.length - 1), true);
        return;
      }
      case 'focus-score': {
        const input = criterion ? inputs.current.get(criterion.id) : undefined;
        if (!input) return;
        // A digit is left to the browser, which types it into the field now focused, over the selection.
        if (event.key === 'Enter') event.preventDefault();
        input.focus();
        input.select();
        return;
      }
      case 'confirm':
        event.preventDefault();
        void submit('confirm');
        return;
      case 'save':
        event.preventDefault();
        // Saving without confirming would reopen a confirmed review: Ctrl+S keeps it confirmed instead.
        void submit(confirmed ? 'confirm' : 'save');
        return;
      case 'next-submission':
        event.preventDefault();
        if (nextHref) navigate(nextHref);
        else setMessage('Nothing else waits for review with these filters.');
        return;
      case 'toggle-shortcuts':
        event.preventDefault();
        setShortcutsOpen((open) => !open);
        return;
      case 'leave-field': {
        event.preventDefault();
        const button = criterion ? buttons.current.get(criterion.id) : undefined;
        if (button) button.focus();
        else (document.activeElement as HTMLElement | null)?.blur();
        return;
      }
      default: {
        const unreachable: never = action;
        throw new Error(`Unhandled shortcut ${JSON.stringify(unreachable)}`);
      }
    }
  });

  const grading = detail.grading;
  return (
    <>
      <ReviewHeader
        detail={detail}
        now={polled.updatedAt ?? Date.now()}
        side={
          <>
            <LiveStatus updatedAt={polled.updatedAt} failure={polled.failure} failures={polled.failures} />
            {live && <p className="muted live-note">Checking for grading updates every 5 s.</p>}
            <button
              type="button"
              className="button button-quiet"
              onClick={regrade}
              disabled={regrading}
              data-testid="regrade-button"
            >
              {regrading ? 'Regrading…' : 'Regrade'}
            </button>
            {nextHref ? (
              <Link href={nextHref} className="button button-quiet">
                Next submission <kbd>n</kbd>
              </Link>
            ) : (
              <span className="muted">No other submission waits</span>
            )}
          </>
        }
      />

      {grading.jobState === 'failed' ? (
        <div className="alert grading-note">
          <p className="failure-text">Grading failed: {grading.lastError ?? 'no message'}.</p>
          {grading.jobId && (
            <button
              type="button"
              className="button button-quiet button-small"
              onClick={() => retryJob(grading.jobId ?? '')}
            >
              Retry the job
            </button>
          )}
        </div>
      ) : (
        !grading.complete && (
          <p className="notice grading-note">
            Grading is under way: the LLM criteria are being judged. This page updates by itself when they are done;
            your inputs stay as they are.
          </p>
        )
      )}

      <div className="review-layout">
        <div className="review-main" ref={submissionRef}>
          {submission ? (
            <SubmissionPane
              detail={detail}
              submission={submission}
              highlights={highlights}
              view={view}
              onView={setView}
            />
          ) : (
            <p className="alert">This submission could not be read: its format is not one this page knows.</p>
          )}
          <details className="brief-details">
            <summary>The brief the candidate saw</summary>
            <Brief markdown={detail.exercise.brief} />
          </details>
        </div>

        <aside className="review-side" aria-label="Criteria and scores">
          <PregradeSummary
            detail={detail}
            highlightedFlag={flagKey}
            onHighlightFlag={(key) => {
              setFlagKey(key);
              if (key) setView('source');
            }}
          />
          <form className="review-form" aria-labelledby="criteria-heading" onSubmit={(event) => event.preventDefault()}>
            <h2 id="criteria-heading">Criteria</h2>
            <ol className="criteria" data-testid="criteria">
              {detail.criteria.map((criterion, index) => (
                <CriterionCard
                  key={criterion.id}
                  index={index}
                  criterion={criterion}
                  grade={pregrade?.criteria.find((g) => g.id === criterion.id)}
                  flags={(pregrade?.flags ?? []).filter((f) => f.criterion === criterion.id)}
                  hidden={hidden}
                  selected={index === selected && flagKey === null}
                  field={form.fieldOf(criterion.id)}
                  onSelect={() => select(index, false)}
                  onScore={(text) => form.setScore(criterion.id, text)}
                  onReason={(text) => form.setReason(criterion.id, text)}
                  buttonRef={(element) => {
                    if (element) buttons.current.set(criterion.id, element);
                    else buttons.current.delete(criterion.id);
                  }}
                  inputRef={(element) => {
                    if (element) inputs.current.set(criterion.id, element);
                    else inputs.current.delete(criterion.id);
                  }}
                />
              ))}
            </ol>
            <ReviewActions
              note={form.noteText}
              onNote={form.setNote}
              noteError={form.errors.note}
              noteNotice={form.noteNotice}
              noteRef={noteRef}
              confirmed={confirmed}
              saving={form.saving}
              formError={form.errors.form}
              failure={form.failure}
              message={form.message}
              onSave={(kind) => void submit(kind)}
              next={form.confirmedNow ? { href: nextHref, queueHref: withFilters('/review', filters) } : null}
              nextRef={nextRef}
            />
          </form>
          <ShortcutsBox
            shortcuts={REVIEW_SHORTCUTS}
            open={shortcutsOpen}
            onToggle={() => setShortcutsOpen((o) => !o)}
          />
        </aside>
      </div>

      <AuditLog audit={detail.audit} criteria={detail.criteria} />
    </>
  );
}

/**
 * What the selection highlights, with the same identity for as long as its content is the same: every poll
 * brings a new pre-grade object, and a new identity would scroll the code view back to the evidence each time.
 */
function useStableHighlights(
  detail: SubmissionDetail,
  pregrade: SubmissionDetail['pregrade'],
  selected: number,
  flagKey: string | null,
): Highlights {
  const highlights = useMemo(() => {
    if (!pregrade) return NO_HIGHLIGHTS;
    if (flagKey !== null) {
      const group = groupFlags(pregrade, detail.criteria).find((g) => g.key === flagKey);
      return highlightsOf((group?.flagIndex ?? []).flatMap((i) => pregrade.flags[i]?.evidence ?? []));
    }
    const criterion = detail.criteria[selected];
    const grade = pregrade.criteria.find((g) => g.id === criterion?.id);
    return grade ? highlightsOf(grade.evidence) : NO_HIGHLIGHTS;
  }, [pregrade, detail.criteria, selected, flagKey]);
  const key = JSON.stringify(highlights);
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed by content on purpose (see above)
  return useMemo(() => highlights, [key]);
}
