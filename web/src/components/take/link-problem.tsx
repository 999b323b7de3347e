/** The link does not open an assessment: unknown or revoked (404), expired (410), or the server is unreachable. */
import type { ApiFailure } from '../../api-failure';
import { useDocumentTitle } from '../../use-document-title';
import { FailureMessage } from '../failure-message';

export function LinkProblem({ failure, onRetry }: { failure: ApiFailure; onRetry: () => void }) {
  const heading =
    failure.status === 404
      ? 'This link does not open an assessment'
      : failure.status === 410
        ? 'This link has expired'
        : 'Your assessment could not be opened';
  useDocumentTitle(heading);
  const final = failure.status === 404 || failure.status === 410;
  return (
    <main className="take-page take-message" data-testid="link-problem">
      <p className="brand">Audition</p>
      <h1>{heading}</h1>
      {final ? (
        <>
          <p>{failure.message}</p>
          <p className="muted">
            If you were sent this link for an assessment, write back to the person who sent it: they can send you a new
            one.
          </p>
        </>
      ) : (
        <>
          <div className="alert" role="alert">
            <FailureMessage failure={failure} />
          </div>
          <p>Nothing you have done is lost: your work is saved on the server as you type.</p>
          <button type="button" className="button button-primary" onClick={onRetry}>
            Try again
          </button>
        </>
      )}
    </main>
  );
}
