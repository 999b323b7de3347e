/**
 * The page behind an invite link before the attempt starts: what the assessment holds, how long it takes,
 * what happens at the deadline, and Start. Nothing of the exercises' content is sent before Start.
 */
import { useState } from 'react';
import { ApiFailure } from '../../api-failure';
import { isExerciseKind, kindLabel } from '../../exercise-kind';
import type { TakeLanding } from '../../take-api';
import { formatDate, formatMinutes } from '../../take-format';
import { useDocumentTitle } from '../../use-document-title';
import { FailureMessage } from '../failure-message';

export function TakeLandingPage({ landing, onStart }: { landing: TakeLanding; onStart: () => Promise<void> }) {
  const { assessment, candidate } = landing;
  useDocumentTitle(assessment.name);
  const [starting, setStarting] = useState(false);
  const [failure, setFailure] = useState<ApiFailure | null>(null);

  async function start() {
    if (starting) return;
    setStarting(true);
    setFailure(null);
    try {
      await onStart();
    } catch (error) {
      setStarting(false);
      if (!(error instanceof ApiFailure)) throw error;
      setFailure(error);
    }
  }

  return (
    <main className="take-page take-landing">
      <p className="brand">Audition</p>
      <h1>{assessment.name}</h1>
      {candidate.name && <p className="lead">Hello {candidate.name}, welcome.</p>}

      <section aria-labelledby="landing-exercises">
        <h2 id="landing-exercises">What you will do</h2>
        <ol className="landing-exercises">
          {assessment.exercises.map((exercise) => (
            <li key={exercise.id} className="landing-item">
              <span className="landing-exercise-title">{exercise.title}</span>
              <span className="muted">
                {isExerciseKind(exercise.kind) ? kindLabel(exercise.kind) : exercise.kind} · about{' '}
                {formatMinutes(exercise.minutes)}
              </span>
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="landing-time">
        <h2 id="landing-time">Time</h2>
        <p>
          You have <strong>{formatMinutes(assessment.minutes)}</strong> from the moment you press Start. The clock keeps
          running if you close the page; open this link again to carry on where you were.
        </p>
        <ul className="landing-rules">
          <li>Your work is saved as you type, on our server and in this browser.</li>
          <li>Submit each exercise when it is ready, and finish early if you like.</li>
          <li>
            <strong>At the deadline, your drafts are submitted automatically</strong>, as they are.
          </li>
          <li>Work that reaches us after the deadline (a slow network, say) is accepted, but marked late.</li>
        </ul>
        <p className="muted">This link can be used until {formatDate(landing.expiresAt)}.</p>
      </section>

      <div className="alert-slot" role="alert">
        {failure && (
          <div className="alert">
            <FailureMessage failure={failure} />
          </div>
        )}
      </div>
      <button
        type="button"
        className="button button-primary button-large"
        onClick={start}
        disabled={starting}
        data-testid="start-button"
      >
        {starting ? 'Starting…' : 'Start the assessment'}
      </button>
    </main>
  );
}
