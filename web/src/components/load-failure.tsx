/**
 * A page whose data did not load: a signed-out user (or an expired session) goes to /login and comes back
 * here afterwards; anything else is shown where the page would have been.
 */
import { Redirect, useLocation, useSearch } from 'wouter';
import type { ApiFailure } from '../api-failure';
import { loginPathFor } from '../return-path';
import { FailureMessage } from './failure-message';

export function LoadFailure({ failure }: { failure: ApiFailure }) {
  const [location] = useLocation();
  const search = useSearch();
  if (failure.status === 401) {
    return <Redirect to={loginPathFor(search ? `${location}?${search}` : location)} replace />;
  }
  return (
    <div className="alert" role="alert">
      <FailureMessage failure={failure} />
    </div>
  );
}
