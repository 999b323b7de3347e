/**
 * The admin pages' alert: what the admin tried and the server's answer, announced by screen readers. The
 * slot is always in the page (empty when all is well) so that a message appearing in it is announced.
 * A 401 means the session ended (deactivated, expired): LoadFailure sends the admin to sign in again.
 */
import type { ApiFailure } from '../../api-failure';
import { FailureMessage } from '../failure-message';
import { LoadFailure } from '../load-failure';

/** What the admin tried, and why it did not happen: the server's answer, or the fields to fix before sending. */
export type Problem = { context: string } & ({ failure: ApiFailure } | { fields: string[] });

export function PageAlert({ problem }: { problem: Problem | null }) {
  if (problem && 'failure' in problem && problem.failure.status === 401) {
    return <LoadFailure failure={problem.failure} />;
  }
  return (
    <div className="alert-slot" role="alert">
      {problem && (
        <div className="alert">
          <p className="admin-alert-context">{problem.context}</p>
          {'failure' in problem ? (
            <FailureMessage failure={problem.failure} />
          ) : (
            <ul className="failure-issues">
              {problem.fields.map((message) => (
                <li key={message}>{message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  );
}

/** The page-level alert for problems found before sending: null when there are none. */
export function fieldsProblem(context: string, messages: (string | null)[]): Problem | null {
  const fields = messages.filter((m): m is string => m !== null);
  return fields.length > 0 ? { context, fields } : null;
}

/** A message under the field or control it is about; the control names it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="admin-field-error">
      {message}
    </p>
  );
}
