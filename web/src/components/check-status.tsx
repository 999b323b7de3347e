/**
 * The result of the content check for one exercise: an "ok" badge, or a button naming how many problems it
 * has that shows them (file, field, what to do) in a row of their own under the exercise.
 */
import type { ExerciseSummary } from '../api';

type Check = Pick<ExerciseSummary, 'status' | 'problems'>;

export function CheckBadge({
  check,
  expanded,
  onToggle,
  controls,
}: {
  check: Check;
  expanded: boolean;
  onToggle: () => void;
  /** The id of the element that lists the problems. */
  controls: string;
}) {
  const tone = check.status === 'ok' ? 'badge-ok' : 'badge-problem';
  const count = check.problems.length;
  if (count === 0) return <span className={`badge ${tone}`}>{check.status}</span>;
  return (
    <button
      type="button"
      className="problems-toggle"
      aria-expanded={expanded}
      aria-controls={controls}
      onClick={onToggle}
    >
      <span className={`badge ${tone}`}>{count === 1 ? '1 problem' : `${count} problems`}</span>
    </button>
  );
}

export function ProblemList({ problems }: { problems: Check['problems'] }) {
  return (
    <ul className="problem-list">
      {problems.map((problem) => (
        <li key={`${problem.file}:${problem.field}:${problem.message}`}>
          <code>{problem.file}</code>
          {problem.field && <code>{problem.field}</code>}
          <span>{problem.message}</span>
        </li>
      ))}
    </ul>
  );
}
