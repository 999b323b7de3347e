/** What went wrong, as the server put it: the message, the fields to fix, when to try again, a reference. */
import type { ApiFailure } from '../api-failure';

const timeFormat = new Intl.DateTimeFormat(undefined, { hour: 'numeric', minute: '2-digit' });

export function FailureMessage({ failure }: { failure: ApiFailure }) {
  const { issues, retryAt, requestId } = failure.details;
  return (
    <>
      <p className="failure-text">{failure.message}</p>
      {issues && issues.length > 0 && (
        <ul className="failure-issues">
          {issues.map((issue) => (
            <li key={`${issue.path}:${issue.message}`}>
              {issue.path && <code>{issue.path}</code>} {issue.message}
            </li>
          ))}
        </ul>
      )}
      {retryAt && <p>You can try again after {timeFormat.format(retryAt)}.</p>}
      {requestId && <p className="failure-reference">Reference: {requestId}</p>}
    </>
  );
}
