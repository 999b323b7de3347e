/** The exercises of the attempt, in order: where the candidate is, and which ones are submitted. */
import { Link } from 'wouter';
import { isExerciseKind, kindLabel } from '../../exercise-kind';
import type { AttemptState, LandingExercise } from '../../take-api';

export function ExerciseNav({
  exercises,
  states,
  currentId,
}: {
  exercises: LandingExercise[];
  states: AttemptState['exercises'];
  currentId: string | null;
}) {
  const submitted = new Set(states.filter((s) => s.submitted).map((s) => s.id));
  return (
    <nav className="exercise-nav" aria-label="Exercises">
      <ol>
        {exercises.map((exercise, index) => {
          const done = submitted.has(exercise.id);
          return (
            <li key={exercise.id}>
              <Link
                className="nav-link"
                href={`/${encodeURIComponent(exercise.id)}`}
                aria-current={exercise.id === currentId ? 'page' : undefined}
                data-testid={`nav-exercise-${exercise.id}`}
                data-submitted={done}
              >
                <span className="nav-title">
                  {index + 1}. {exercise.title}
                </span>
                <span className="nav-meta">
                  {isExerciseKind(exercise.kind) ? kindLabel(exercise.kind) : exercise.kind} · {exercise.minutes} min
                </span>
                <span className={`badge ${done ? 'badge-ok' : 'badge-open'}`}>
                  {done ? 'Submitted' : 'Not submitted'}
                </span>
              </Link>
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
