/** After the attempt is finished: what was submitted and when, and nothing more to do. */

import type { TakeLanding } from '../../take-api';
import { formatClock, formatLateness } from '../../take-format';
import { useDocumentTitle } from '../../use-document-title';

export function TakeDonePage({ landing }: { landing: TakeLanding }) {
  useDocumentTitle('Finished');
  const states = new Map(landing.attempt?.exercises.map((e) => [e.id, e]));
  return (
    <main className="take-page take-message" data-testid="done-page">
      <p className="brand">Audition</p>
      <h1>You are done</h1>
      <p className="lead">
        Your work on <strong>{landing.assessment.name}</strong> is submitted. Thank you! You can close this page.
      </p>
      <ul className="done-list">
        {landing.assessment.exercises.map((exercise) => {
          const state = states.get(exercise.id);
          return (
            <li key={exercise.id} className="landing-item">
              <span className="landing-exercise-title">{exercise.title}</span>
              <span className="muted">
                {state?.submittedAt ? `Submitted at ${formatClock(state.submittedAt)}` : 'Submitted'}
                {state && state.lateMs > 0 && `, ${formatLateness(state.lateMs)} after the deadline (marked late)`}
              </span>
            </li>
          );
        })}
      </ul>
    </main>
  );
}
