/**
 * When the page last heard from the server ("updated 12 s ago"), or that it is offline and retrying, for
 * pages that poll (use-polling.ts); when polling stopped for good (signed out, gone), the server's reason.
 * Re-renders itself once a second; only the change of state is announced.
 */
import { useEffect, useState } from 'react';
import type { ApiFailure } from '../../api-failure';
import { stopsPolling } from '../../use-polling';

export function LiveStatus({
  updatedAt,
  failure,
  failures,
}: {
  updatedAt: number | null;
  failure: ApiFailure | null;
  failures: number;
}) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const offline = failures > 0 && failure !== null;
  const said = !offline ? '' : stopsPolling(failure) ? `not updating: ${failure.message}` : 'offline — retrying';
  return (
    <p className={offline ? 'live-status live-offline' : 'live-status'} data-testid="live-status">
      <span role="status">{said}</span>
      {updatedAt !== null && (
        <span className="muted">
          {offline ? ' · last ' : ''}
          {updatedAgo(now - updatedAt)}
        </span>
      )}
    </p>
  );
}

function updatedAgo(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 2) return 'updated just now';
  if (seconds < 60) return `updated ${seconds} s ago`;
  return `updated ${Math.floor(seconds / 60)} min ago`;
}
