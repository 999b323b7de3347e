/** The exercise library as a table: one row per exercise, broken ones included with their problems. */
import { useId, useState } from 'react';
import { Link } from 'wouter';
import type { ExerciseSummary } from '../api';
import { isExerciseKind, kindLabel } from '../exercise-kind';
import { CheckBadge, ProblemList } from './check-status';

const COLUMNS = ['Title', 'ID', 'Kind', 'Rubric', 'Version', 'Minutes', 'Check'] as const;

export function ExerciseTable({ exercises }: { exercises: ExerciseSummary[] }) {
  return (
    <div className="table-scroll">
      <table className="exercise-table">
        <thead>
          <tr>
            {COLUMNS.map((column) => (
              <th key={column} scope="col" className={column === 'Minutes' ? 'numeric' : undefined}>
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {exercises.map((exercise) => (
            <ExerciseRow key={exercise.id} exercise={exercise} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function ExerciseRow({ exercise }: { exercise: ExerciseSummary }) {
  const [showProblems, setShowProblems] = useState(false);
  const problemsId = useId();
  const title = exercise.title ?? 'Untitled';
  return (
    <>
      <tr>
        <th scope="row" className="title-cell">
          {/* An exercise with problems has no candidate view to preview: the check column says why. */}
          {exercise.status === 'ok' ? (
            <Link href={`/exercises/${encodeURIComponent(exercise.id)}`}>{title}</Link>
          ) : (
            <span className="muted">{title}</span>
          )}
          {exercise.tags.length > 0 && (
            <ul className="tags" aria-label="Tags">
              {exercise.tags.map((tag) => (
                <li key={tag}>{tag}</li>
              ))}
            </ul>
          )}
        </th>
        <td>
          <code>{exercise.id}</code>
        </td>
        <td className="nowrap">
          {isExerciseKind(exercise.kind) ? kindLabel(exercise.kind) : <Missing value={exercise.kind} />}
        </td>
        <td>
          {exercise.rubric ? (
            <>
              {exercise.rubric.title}
              <span className="subtle">
                <code>{exercise.rubric.id}</code>
              </span>
            </>
          ) : (
            <Missing value={null} />
          )}
        </td>
        <td>{exercise.version ? <code>{exercise.version}</code> : <Missing value={null} />}</td>
        <td className="numeric">{exercise.minutes ?? <Missing value={null} />}</td>
        <td>
          <CheckBadge
            check={exercise}
            expanded={showProblems}
            onToggle={() => setShowProblems((shown) => !shown)}
            controls={problemsId}
          />
        </td>
      </tr>
      {exercise.problems.length > 0 && (
        <tr className="problems-row" id={problemsId} hidden={!showProblems}>
          <td colSpan={COLUMNS.length}>
            <ProblemList problems={exercise.problems} />
          </td>
        </tr>
      )}
    </>
  );
}

/** A value the exercise does not have (it failed to load), or has in a form the app does not know. */
function Missing({ value }: { value: string | null }) {
  return value === null ? (
    <span className="muted" title="Not available: see the check column">
      —
    </span>
  ) : (
    <code className="muted">{value}</code>
  );
}
