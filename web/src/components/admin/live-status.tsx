/**
 * When the page last heard from the server and, after a failed poll, that what it shows may be out of date
 * (it keeps trying by itself: admin-live-resource.ts). Only going offline is announced: the time of each
 * successful poll would be read out every few seconds.
 */
import { formatClockTime } from '../../admin-format';
import { POLL_EVERY_MS } from '../../admin-poll';
import type { ApiFailure } from '../../api-failure';

export function LiveStatus({ lastHeard, offline }: { lastHeard: Date | null; offline: ApiFailure | null }) {
  const at = lastHeard ? formatClockTime(lastHeard) : null;
  return (
    <div className="admin-live-status">
      <p role="status" className={offline ? 'admin-live-offline' : undefined}>
        {offline && `Not updated: ${offline.message} Showing the state as of ${at ?? 'the last update'}; trying again.`}
      </p>
      {!offline && at && (
        <p>
          Updated {at}, and every {POLL_EVERY_MS / 1000} seconds while this tab is open.
        </p>
      )}
    </div>
  );
}
