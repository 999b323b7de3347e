/**
 * One exercise of the attempt: loads it (once per page, see exercise-sessions.ts), offers back a newer
 * local copy, says when another tab saved first, and submits. The work itself is the spec or bug-hunt
 * screen. Leaving the exercise sends its unsaved text at once.
 */
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import { ApiFailure } from '../../api-failure';
import { isExerciseKind, kindLabel } from '../../exercise-kind';
import type { ExerciseSession, ExerciseSessions } from '../../exercise-sessions';
import type { Submission } from '../../submission';
import type { AttemptState } from '../../take-api';
import { formatClock, formatLateness, formatMinutes } from '../../take-format';
import { useSaverState } from '../../use-autosave';
import { FailureMessage } from '../failure-message';
import { Loading } from '../loading';
import { BugHuntWork } from './bug-hunt-work';
import { ConfirmDialog } from './confirm-dialog';
import { SpecWork } from './spec-work';

export type SubmitResult = { ok: true } | { ok: false; message: string };

type Props = {
  sessions: ExerciseSessions;
  exerciseId: string;
  state: AttemptState['exercises'][number];
  /** No more changes: the time is up, or the attempt is being finished. */
  locked: boolean;
  conflict: boolean;
  onDismissConflict: () => void;
  /** The server's answer when a save was refused with 409 (submitted or finished elsewhere). */
  closedMessage: string | null;
  /** The sticky header's notice area: notices there are seen wherever the candidate has scrolled to. */
  noticeSlot: HTMLElement | null;
  onSubmit: () => Promise<SubmitResult>;
};

export function ExerciseScreen(props: Props) {
  const { sessions, exerciseId } = props;
  const [loaded, setLoaded] = useState<{ session: ExerciseSession } | { failure: ApiFailure } | null>(() => {
    const session = sessions.get(exerciseId);
    return session ? { session } : null;
  });
  const [tries, setTries] = useState(0);

  useEffect(() => {
    // `tries` is read so that "Try again" loads once more.
    void tries;
    let live = true;
    sessions.load(exerciseId).then(
      (session) => live && setLoaded({ session }),
      (error: unknown) => {
        if (!(error instanceof ApiFailure)) throw error;
        if (live) setLoaded({ failure: error });
      },
    );
    return () => {
      live = false;
    };
  }, [sessions, exerciseId, tries]);

  // Switching to another exercise (or leaving the page) saves this one's text at once.
  useEffect(() => () => sessions.get(exerciseId)?.saver.flush('now'), [sessions, exerciseId]);

  if (!loaded) return <Loading>Loading the exercise…</Loading>;
  if ('failure' in loaded) {
    return (
      <div className="alert" role="alert">
        <FailureMessage failure={loaded.failure} />
        <button
          type="button"
          className="button button-quiet"
          onClick={() => {
            setLoaded(null);
            setTries((n) => n + 1);
          }}
        >
          Try again
        </button>
      </div>
    );
  }
  return <ExerciseView {...props} session={loaded.session} />;
}

function ExerciseView({
  session,
  state,
  locked,
  conflict,
  onDismissConflict,
  closedMessage,
  noticeSlot,
  onSubmit,
}: Props & { session: ExerciseSession }) {
  const { exercise, saver } = session;
  const saverState = useSaverState(saver);
  const [offer, setOffer] = useState(session.restoreOffer);
  const [generation, setGeneration] = useState(0);
  const [confirming, setConfirming] = useState(false);
  const [submitting, setSubmitting] = useState(false);
  const [submitProblem, setSubmitProblem] = useState<string | null>(null);
  const [closedSeen, setClosedSeen] = useState(false);
  const submitted = state.submitted;
  const readOnly = submitted || locked || saverState.status === 'closed';

  function restore() {
    if (!offer) return;
    saver.change(offer.submission);
    session.restoreOffer = null;
    setOffer(null);
    // The editors open again on the restored text: nothing was typed while the offer was open.
    setGeneration((n) => n + 1);
  }

  function discard() {
    session.local.clear();
    session.restoreOffer = null;
    setOffer(null);
  }

  async function submit() {
    setConfirming(false);
    if (submitting) return;
    setSubmitting(true);
    setSubmitProblem(null);
    const result = await onSubmit();
    setSubmitting(false);
    if (!result.ok) setSubmitProblem(result.message);
  }

  const work = {
    // Editing waits while a local copy is offered: typing now would overwrite it.
    readOnly: readOnly || offer !== null,
    onChange: (submission: Submission) => saver.change(submission),
    onBlur: () => saver.flush('now'),
  };

  const notices = (
    <>
      <div role="status" className="notice-slot">
        {conflict && (
          <div className="notice notice-conflict" data-testid="conflict-notice">
            <p>Another tab saved this exercise first; both versions are kept. This tab's text is the latest now.</p>
            <button type="button" className="button button-quiet" onClick={onDismissConflict}>
              Dismiss
            </button>
          </div>
        )}
        {closedMessage && !closedSeen && (
          <div className="notice notice-conflict" data-testid="closed-notice">
            <p>{closedMessage} What you see is what the server has.</p>
            <button type="button" className="button button-quiet" onClick={() => setClosedSeen(true)}>
              Dismiss
            </button>
          </div>
        )}
      </div>
      <div role="alert" className="notice-slot">
        {saverState.status === 'rejected' && (
          <div className="alert" data-testid="save-rejected">
            <p className="failure-text">Your latest changes are not saved.</p>
            <p>{saverState.message}</p>
          </div>
        )}
      </div>
    </>
  );

  return (
    <article className="exercise" aria-labelledby="exercise-title">
      {noticeSlot && createPortal(notices, noticeSlot)}
      <header className="exercise-header">
        <h1 id="exercise-title">{exercise.title}</h1>
        <p className="muted">
          {isExerciseKind(exercise.kind) ? kindLabel(exercise.kind) : exercise.kind} · about{' '}
          {formatMinutes(exercise.minutes)}
          {submitted && state.submittedAt && (
            <>
              {' '}
              · <span className="badge badge-ok">Submitted at {formatClock(state.submittedAt)}</span>
              {state.lateMs > 0 && <> ({formatLateness(state.lateMs)} after the deadline: marked late)</>}
            </>
          )}
        </p>
      </header>

      {offer && !readOnly && (
        <section className="notice notice-restore" aria-label="Unsaved local copy" data-testid="restore-banner">
          <p>
            <strong>Restore your unsaved local copy from {formatClock(offer.savedAt)}?</strong> This browser kept
            changes that did not reach the server. Editing is paused until you choose.
          </p>
          <div className="notice-actions">
            <button type="button" className="button button-primary" onClick={restore} data-testid="restore-button">
              Restore
            </button>
            <button type="button" className="button button-quiet" onClick={discard} data-testid="discard-button">
              Discard
            </button>
          </div>
        </section>
      )}
      <Work key={generation} exercise={exercise} initial={session.initial()} {...work} />

      <footer className="exercise-actions">
        {submitted ? (
          <p className="muted">This exercise is submitted: it can no longer be changed.</p>
        ) : (
          <>
            <button
              type="button"
              className="button button-primary"
              onClick={() => setConfirming(true)}
              disabled={submitting || locked || saverState.status === 'closed'}
              data-testid="submit-button"
            >
              {submitting ? 'Submitting…' : 'Submit this exercise'}
            </button>
            <p className="muted">You cannot change an exercise after submitting it.</p>
          </>
        )}
        <div role="alert" className="notice-slot">
          {submitProblem && (
            <div className="alert">
              <p>{submitProblem}</p>
            </div>
          )}
        </div>
      </footer>
      <ConfirmDialog
        open={confirming}
        title={`Submit “${exercise.title}”?`}
        confirmLabel="Submit"
        onConfirm={submit}
        onCancel={() => setConfirming(false)}
      >
        <p>Your latest changes are saved first. After submitting, this exercise is read-only.</p>
      </ConfirmDialog>
    </article>
  );
}

/** The screen for the kind of answer: the saver started from the server's draft or the kind's empty answer. */
function Work({
  exercise,
  initial,
  ...work
}: {
  exercise: ExerciseSession['exercise'];
  initial: Submission;
  readOnly: boolean;
  onChange: (submission: Submission) => void;
  onBlur: () => void;
}) {
  switch (initial.kind) {
    case 'spec':
      return <SpecWork {...work} exercise={exercise} initial={initial} />;
    case 'bug-hunt':
      return <BugHuntWork {...work} exercise={exercise} initial={initial} />;
    default: {
      const unreachable: never = initial;
      throw new Error(`No screen for ${JSON.stringify(unreachable)}`);
    }
  }
}
