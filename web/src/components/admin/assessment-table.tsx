/** The assessments, newest first: exercises, time limit, invites and where their attempts stand, settings. */
import { Link } from 'wouter';
import type { AssessmentListing } from '../../admin-api';
import { formatDay, stateCounts, stateMeaning } from '../../admin-format';
import { SettingBadges } from './setting-badges';

export function AssessmentTable({
  assessments,
  titles,
}: {
  assessments: AssessmentListing[];
  /** Exercise titles by id, from the library; an id shows as itself until (or unless) it is known. */
  titles: ReadonlyMap<string, string>;
}) {
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid="assessment-table">
        <thead>
          <tr>
            <th scope="col">Assessment</th>
            <th scope="col">Exercises</th>
            <th scope="col" className="numeric">
              Minutes
            </th>
            <th scope="col" className="numeric">
              Invites
            </th>
            <th scope="col">Attempts</th>
            <th scope="col" className="numeric">
              Late
            </th>
            <th scope="col">Created</th>
          </tr>
        </thead>
        <tbody>
          {assessments.map((a) => (
            <tr key={a.id}>
              <th scope="row" className="title-cell">
                <Link href={`/assessments/${encodeURIComponent(a.id)}`}>{a.name}</Link>
                <SettingBadges anonymous={a.anonymous} blind={a.blind} />
              </th>
              <td>
                <ol className="admin-compact-list">
                  {a.exerciseIds.map((exerciseId) => (
                    <li key={exerciseId}>{titles.get(exerciseId) ?? exerciseId}</li>
                  ))}
                </ol>
              </td>
              <td className="numeric">{a.minutes}</td>
              <td className="numeric">{a.invites}</td>
              <td>
                <StateCounts byState={a.byState} />
                {a.revoked > 0 && <span className="muted">{a.revoked} revoked</span>}
              </td>
              <td className="numeric">{a.late > 0 ? <span className="admin-late">{a.late}</span> : 0}</td>
              <td className="nowrap">
                <time dateTime={a.createdAt}>{formatDay(a.createdAt)}</time>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function StateCounts({ byState }: { byState: AssessmentListing['byState'] }) {
  const counts = stateCounts(byState);
  if (counts.length === 0) return <span className="muted">no invites yet</span>;
  return (
    <ul className="admin-state-counts">
      {counts.map(({ state, count }) => (
        <li key={state} title={stateMeaning(state)}>
          <span className="admin-state-count">{count}</span> {state}
        </li>
      ))}
    </ul>
  );
}
