/**
 * The top of an assessment's page: its name, settings at a glance, the exercises in the order candidates take
 * them, the time limit, and the way to the review queue for its submissions.
 */
import { Link } from 'wouter';
import type { AssessmentDetail } from '../../admin-api';
import { formatDay } from '../../admin-format';
import type { ExerciseSummary } from '../../api';
import { isExerciseKind, kindLabel } from '../../exercise-kind';
import { formatMinutes } from '../../take-format';
import { SettingBadges } from './setting-badges';

export function AssessmentHeader({
  assessment,
  library,
}: {
  assessment: AssessmentDetail['assessment'];
  /** For titles, kinds and minutes; null while it loads (or if it failed), when ids stand in. */
  library: ExerciseSummary[] | null;
}) {
  const byId = new Map((library ?? []).map((e) => [e.id, e]));
  const count = assessment.exerciseIds.length;
  return (
    <header className="admin-assessment-header">
      <div className="page-heading">
        <h1>{assessment.name}</h1>
        <SettingBadges anonymous={assessment.anonymous} blind={assessment.blind} />
      </div>
      <p className="admin-assessment-facts">
        {count === 1 ? '1 exercise' : `${count} exercises`} · time limit{' '}
        <strong>{formatMinutes(assessment.minutes)}</strong> · created{' '}
        <time dateTime={assessment.createdAt}>{formatDay(assessment.createdAt)}</time>
      </p>
      <ol className="admin-assessment-exercises">
        {assessment.exerciseIds.map((exerciseId) => {
          const exercise = byId.get(exerciseId);
          return (
            <li key={exerciseId}>
              <span className="admin-picker-title">{exercise?.title ?? exerciseId}</span>
              <span className="admin-picker-facts">
                {exercise?.kind && isExerciseKind(exercise.kind) ? `${kindLabel(exercise.kind)} · ` : ''}
                {exercise?.minutes ? `${exercise.minutes} min · ` : ''}
                <code>{exerciseId}</code>
              </span>
            </li>
          );
        })}
      </ol>
      <p>
        <Link href={`/review?${new URLSearchParams({ assessment: assessment.id })}`}>
          Review this assessment’s submissions →
        </Link>
      </p>
    </header>
  );
}
