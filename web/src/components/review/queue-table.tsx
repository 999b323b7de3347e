/**
 * The review queue as a table, oldest first: who (anonymous while the assessment says so), what, when, how
 * late, the state in words, and the pre-grade total. A failed grading job shows its error and a Retry button.
 * Rows are keyed by submission, so a refresh keeps the focused row focused.
 */
import type { Ref } from 'react';
import { Link } from 'wouter';
import type { QueueItem } from '../../review-api';
import { exactTime, formatDelay, pretotalText, relativeTime, stateLabel } from '../../review-format';

export function QueueTable({
  rows,
  now,
  hrefOf,
  selectedId,
  onFocusRow,
  linkRef,
  retrying,
  onRetry,
}: {
  rows: readonly QueueItem[];
  now: number;
  hrefOf: (id: string) => string;
  selectedId: string | null;
  onFocusRow: (id: string) => void;
  linkRef: (id: string) => Ref<HTMLAnchorElement>;
  retrying: ReadonlySet<string>;
  onRetry: (jobId: string) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="exercise-table queue-table" data-testid="queue">
        <caption className="visually-hidden">Submissions, oldest first</caption>
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Assessment</th>
            <th scope="col">Exercise</th>
            <th scope="col">Submitted</th>
            <th scope="col">Late</th>
            <th scope="col">State</th>
            <th scope="col" className="numeric">
              Pre-grade
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr
              key={row.id}
              className={row.id === selectedId ? 'queue-row queue-row-selected' : 'queue-row'}
              data-submission={row.id}
              data-state={row.state}
            >
              <th scope="row" className="title-cell">
                <Link href={hrefOf(row.id)} ref={linkRef(row.id)} onFocus={() => onFocusRow(row.id)}>
                  {row.candidate.label}
                </Link>
              </th>
              <td>{row.assessment.name}</td>
              <td>{row.exercise.title}</td>
              <td className="nowrap">
                <time dateTime={row.submittedAt} title={exactTime(row.submittedAt)}>
                  {relativeTime(row.submittedAt, now)}
                </time>
              </td>
              <td className="nowrap">
                {row.lateMs > 0 ? <span className="late">late by {formatDelay(row.lateMs)}</span> : 'no'}
              </td>
              <td>
                <span className={`state state-${row.state}`}>{stateLabel(row.state)}</span>
                {row.state === 'grading_failed' && row.job && (
                  <div className="job-failure">
                    <p>{row.job.lastError ?? 'The grading job failed without a message.'}</p>
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      disabled={retrying.has(row.job.id)}
                      onClick={() => row.job && onRetry(row.job.id)}
                      data-testid="retry-button"
                    >
                      {retrying.has(row.job.id) ? 'Retrying…' : 'Retry'}
                    </button>
                  </div>
                )}
              </td>
              <td className="numeric nowrap">{pretotalText(row.pretotal, row.assessment.blind)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
