/**
 * The attempt under way: the header (time left, save state, Finish), the exercise navigation and the
 * current exercise. It owns what must outlive one exercise's screen: the draft savers, and the deadline,
 * when every unsubmitted exercise is saved, submitted and the attempt finished, retrying until it is done.
 */
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiFailure } from '../../api-failure';
import { ExerciseSessions, type SessionEvents } from '../../exercise-sessions';
import { browserStorage } from '../../local-draft';
import type { LandingUpdate } from '../../pages/take';
import { untilDone } from '../../retry';
import type { ServerClock } from '../../server-clock';
import {
  type AttemptState,
  type ExerciseSubmitted,
  finishAttempt,
  submitExercise,
  type TakeLanding,
} from '../../take-api';
import { useOverallSaveStatus, usePageExitSaves } from '../../use-autosave';
import { useDocumentTitle } from '../../use-document-title';
import { useDeadlinePassed } from '../../use-server-now';
import { FailureMessage } from '../failure-message';
import { AttemptHeader } from './attempt-header';
import { ConfirmDialog } from './confirm-dialog';
import { ExerciseNav } from './exercise-nav';
import { ExerciseScreen, type SubmitResult } from './exercise-screen';

type DeadlineState =
  | { phase: 'before' }
  | { phase: 'submitting'; retrying: ApiFailure | null }
  | { phase: 'failed'; failure: ApiFailure };

export function AttemptScreen({
  token,
  landing,
  attempt,
  clock,
  updateLanding,
  refresh,
}: {
  token: string;
  landing: TakeLanding;
  attempt: AttemptState;
  clock: ServerClock;
  updateLanding: LandingUpdate;
  refresh: () => Promise<void>;
}) {
  const { exercises, name } = landing.assessment;
  useDocumentTitle(name);
  const [location, navigate] = useLocation();
  const currentId = location === '/' ? null : decodeURIComponent(location.slice(1));

  const [noticeSlot, setNoticeSlot] = useState<HTMLDivElement | null>(null);
  const [conflicts, setConflicts] = useState<ReadonlySet<string>>(() => new Set());
  const [closedNotices, setClosedNotices] = useState<ReadonlyMap<string, string>>(() => new Map());
  const [reloads, setReloads] = useState<ReadonlyMap<string, number>>(() => new Map());
  const events = useRef<SessionEvents>({ onConflict: () => {}, onClosed: () => {} });
  const [sessions] = useState(
    () =>
      new ExerciseSessions(
        token,
        clock,
        {
          onConflict: (id) => events.current.onConflict(id),
          onClosed: (id, message) => events.current.onClosed(id, message),
        },
        browserStorage(),
      ),
  );
  usePageExitSaves(sessions.savers);
  const saveStatus = useOverallSaveStatus(sessions.savers);

  useLayoutEffect(() => {
    events.current = {
      onConflict: (id) => setConflicts((current) => new Set(current).add(id)),
      onClosed: (id, message) => {
        // Submitted from another tab, or the attempt finished: show the server's state, read-only.
        setClosedNotices((current) => new Map(current).set(id, message));
        sessions
          .reload(id)
          .then(() => setReloads((current) => new Map(current).set(id, (current.get(id) ?? 0) + 1)))
          .then(refresh)
          .catch((error: unknown) => console.error('Reloading the exercise after a 409 failed', error));
      },
    };
  });

  const markSubmitted = (id: string, row: ExerciseSubmitted) =>
    updateLanding((current) => ({
      ...current,
      attempt: current.attempt && {
        ...current.attempt,
        exercises: current.attempt.exercises.map((e) =>
          e.id === id ? { ...e, submitted: true, submittedAt: row.submittedAt, lateMs: row.lateMs } : e,
        ),
      },
    }));

  // ---- The clock and the deadline ----
  const deadlineAt = Date.parse(attempt.deadlineAt);
  const timeUp = useDeadlinePassed(clock, deadlineAt);
  const [deadline, setDeadline] = useState<DeadlineState>({ phase: 'before' });
  const latest = useRef({ attempt, markSubmitted, updateLanding });
  useLayoutEffect(() => {
    latest.current = { attempt, markSubmitted, updateLanding };
  });
  const deadlineStarted = useRef(false);

  useEffect(() => {
    if (!timeUp || deadlineStarted.current) return;
    deadlineStarted.current = true;
    setDeadline({ phase: 'submitting', retrying: null });
    submitEverything(token, sessions, latest.current.attempt, {
      onSubmitted: (id, row) => latest.current.markSubmitted(id, row),
      onRetry: (failure) => setDeadline({ phase: 'submitting', retrying: failure }),
    }).then(
      (finished) => latest.current.updateLanding(() => finished),
      (error: unknown) => {
        if (!(error instanceof ApiFailure)) throw error;
        setDeadline({ phase: 'failed', failure: error });
      },
    );
  }, [timeUp, token, sessions]);

  // ---- Finish ----
  const [finishOpen, setFinishOpen] = useState(false);
  const [finishing, setFinishing] = useState(false);
  const [finishFailure, setFinishFailure] = useState<ApiFailure | null>(null);

  async function finish() {
    setFinishOpen(false);
    if (finishing) return;
    setFinishing(true);
    setFinishFailure(null);
    try {
      await Promise.all(sessions.savers.all().map((saver) => saver.settled()));
      const finished = await finishAttempt(token);
      updateLanding(() => finished);
    } catch (error) {
      setFinishing(false);
      if (!(error instanceof ApiFailure)) throw error;
      setFinishFailure(error);
    }
  }

  // ---- One exercise ----
  async function submitOne(id: string): Promise<SubmitResult> {
    const session = sessions.get(id);
    if (session) {
      const settled = await session.saver.settled();
      if (settled === 'rejected') {
        return {
          ok: false,
          message: `Your latest changes could not be saved: ${session.saver.getState().message ?? 'the server refused them'} Change them, then submit.`,
        };
      }
      // 'closed' (submitted from another tab): submitting again is idempotent and answers that submission.
    }
    try {
      const row = await submitExercise(token, id);
      session?.saver.close();
      markSubmitted(id, row);
      return { ok: true };
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      return { ok: false, message: error.message };
    }
  }

  const firstOpen = attempt.exercises.find((e) => !e.submitted)?.id ?? exercises[0]?.id;
  useEffect(() => {
    if (currentId === null && firstOpen) navigate(`/${encodeURIComponent(firstOpen)}`, { replace: true });
  }, [currentId, firstOpen, navigate]);

  const current = exercises.find((e) => e.id === currentId);
  const currentState = attempt.exercises.find((e) => e.id === currentId);
  const unsubmitted = attempt.exercises.filter((e) => !e.submitted).length;

  return (
    <div className="take-shell">
      <AttemptHeader
        name={name}
        clock={clock}
        deadlineAt={deadlineAt}
        saveStatus={saveStatus}
        finishing={finishing}
        onFinish={() => setFinishOpen(true)}
        exerciseNotices={setNoticeSlot}
      >
        {deadline.phase !== 'before' && <DeadlineProgress state={deadline} offline={saveStatus === 'offline'} />}
        <div role="alert">
          {finishFailure && (
            <div className="alert">
              <p>Finishing did not work. Your work is saved; try Finish again.</p>
              <FailureMessage failure={finishFailure} />
            </div>
          )}
        </div>
      </AttemptHeader>
      <div className="take-layout">
        <ExerciseNav exercises={exercises} states={attempt.exercises} currentId={currentId} />
        <main id="main" className="take-main" tabIndex={-1}>
          {current && currentState ? (
            <ExerciseScreen
              key={`${current.id}:${reloads.get(current.id) ?? 0}`}
              sessions={sessions}
              exerciseId={current.id}
              state={currentState}
              locked={timeUp || finishing}
              conflict={conflicts.has(current.id)}
              onDismissConflict={() =>
                setConflicts((s) => {
                  const next = new Set(s);
                  next.delete(current.id);
                  return next;
                })
              }
              closedMessage={closedNotices.get(current.id) ?? null}
              noticeSlot={noticeSlot}
              onSubmit={() => submitOne(current.id)}
            />
          ) : currentId !== null ? (
            <p>
              This assessment has no exercise <code>{currentId}</code>.{' '}
              {firstOpen && <Link href={`/${encodeURIComponent(firstOpen)}`}>Go to the first exercise</Link>}
            </p>
          ) : null}
        </main>
      </div>
      <ConfirmDialog
        open={finishOpen}
        title="Finish the assessment?"
        confirmLabel="Finish and submit everything"
        onConfirm={finish}
        onCancel={() => setFinishOpen(false)}
      >
        <p>
          {unsubmitted === 0
            ? 'Every exercise is submitted.'
            : unsubmitted === 1
              ? 'One exercise is not submitted yet: it will be submitted as it is now.'
              : `${unsubmitted} exercises are not submitted yet: they will be submitted as they are now.`}{' '}
          After this you cannot change anything.
        </p>
      </ConfirmDialog>
    </div>
  );
}

/**
 * At the deadline: wait for every draft to reach the server (retrying as long as it takes), submit each
 * exercise not yet submitted, then finish. Every call is idempotent, so a retry after a lost answer is safe.
 */
async function submitEverything(
  token: string,
  sessions: ExerciseSessions,
  attempt: AttemptState,
  callbacks: { onSubmitted: (id: string, row: ExerciseSubmitted) => void; onRetry: (failure: ApiFailure) => void },
): Promise<TakeLanding> {
  await Promise.all(sessions.savers.all().map((saver) => saver.settled()));
  for (const { id, submitted } of attempt.exercises) {
    if (submitted) continue;
    const row = await untilDone(() => submitExercise(token, id), callbacks.onRetry);
    sessions.get(id)?.saver.close();
    callbacks.onSubmitted(id, row);
  }
  return untilDone(() => finishAttempt(token), callbacks.onRetry);
}

function DeadlineProgress({
  state,
  offline,
}: {
  state: Exclude<DeadlineState, { phase: 'before' }>;
  /** A draft save is failing: the last changes are not on the server yet. */
  offline: boolean;
}) {
  if (state.phase === 'failed') {
    return (
      <div className="alert" role="alert">
        <p>Time is up, and your work could not be submitted:</p>
        <FailureMessage failure={state.failure} />
      </div>
    );
  }
  // "Time is up" itself is the header's warning; this says when submitting takes longer than it should.
  return (
    <div role="status">
      {(state.retrying || offline) && (
        <div className="notice notice-deadline">
          <p>
            Submitting your work: the server cannot be reached right now. Keep this page open: it keeps trying, and late
            work is accepted.
          </p>
          {state.retrying && <p className="muted">{state.retrying.message}</p>}
        </div>
      )}
    </div>
  );
}
