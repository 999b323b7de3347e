/**
 * An assessment's invites, newest first: who, when the link was made and until when it works, how far the
 * candidate got (docs/review.md, "Assessments"), lateness, and revoking a link (asked first: it cannot be undone).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { type InviteProgress, revokeInvite } from '../../admin-api';
import {
  candidateLabel,
  formatDateTime,
  formatLate,
  formatSubmitted,
  linkStanding,
  stateMeaning,
} from '../../admin-format';
import { ApiFailure } from '../../api-failure';
import { ConfirmDialog } from '../take/confirm-dialog';
import { FieldError, type Problem } from './page-alert';

export function InviteTable({
  invites,
  exerciseCount,
  onRevoked,
  onProblem,
}: {
  invites: InviteProgress[];
  /** The assessment's number of exercises, for invites whose attempt has not started. */
  exerciseCount: number;
  onRevoked: (id: string, revokedAt: string) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="admin-table" data-testid="invite-table">
        <thead>
          <tr>
            <th scope="col">Candidate</th>
            <th scope="col">Invited</th>
            <th scope="col">Link expires</th>
            <th scope="col">State</th>
            <th scope="col">Late</th>
            <th scope="col" className="numeric">
              Submitted
            </th>
            <th scope="col">
              <span className="visually-hidden">Link</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {invites.map((invite) => (
            <InviteRow
              key={invite.id}
              invite={invite}
              exerciseCount={exerciseCount}
              onRevoked={onRevoked}
              onProblem={onProblem}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function InviteRow({
  invite,
  exerciseCount,
  onRevoked,
  onProblem,
}: {
  invite: InviteProgress;
  exerciseCount: number;
  onRevoked: (id: string, revokedAt: string) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const [revoking, setRevoking] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [justRevoked, setJustRevoked] = useState(false);
  const revokedNote = useRef<HTMLSpanElement>(null);
  const errorId = useId();
  const who = candidateLabel(invite);
  const standing = linkStanding(invite);
  const late = formatLate(invite.maxLateMs);

  // The Revoke button is gone once revoked: the note that replaced it takes the focus, not the page body.
  useEffect(() => {
    if (justRevoked) revokedNote.current?.focus();
  }, [justRevoked]);

  async function revoke() {
    setConfirming(false);
    setRevoking(true);
    setError(null);
    try {
      const revoked = await revokeInvite(invite.id);
      onRevoked(revoked.id, revoked.revokedAt);
      setJustRevoked(true);
      onProblem(null);
    } catch (failure) {
      if (!(failure instanceof ApiFailure)) throw failure;
      setError(failure.message);
      onProblem({ context: `Could not revoke the invite for ${who}.`, failure });
    } finally {
      setRevoking(false);
    }
  }

  return (
    <tr className={standing === 'revoked' ? 'admin-inactive-row' : undefined} data-testid={`invite-${invite.id}`}>
      <th scope="row" className="title-cell">
        {who}
        {invite.name && invite.email && <span className="subtle">{invite.email}</span>}
      </th>
      <td className="nowrap">
        <time dateTime={invite.createdAt}>{formatDateTime(invite.createdAt)}</time>
      </td>
      <td className="nowrap">
        {standing === 'expired' ? (
          <span
            className="badge admin-badge-off"
            title={`Expired ${formatDateTime(invite.expiresAt)}: the link can no longer start an attempt; one already started runs to its own deadline.`}
          >
            expired
          </span>
        ) : (
          <time dateTime={invite.expiresAt}>{formatDateTime(invite.expiresAt)}</time>
        )}
      </td>
      <td>
        <span
          className={`attempt-state attempt-state-${invite.state}`}
          title={stateMeaning(invite.state)}
          data-testid="invite-state"
        >
          {invite.state}
        </span>
      </td>
      <td className="nowrap">{late ? <span className="admin-late">{late}</span> : <span className="muted">—</span>}</td>
      <td className="numeric">{formatSubmitted(invite, exerciseCount)}</td>
      <td>
        {standing === 'revoked' ? (
          <span className="badge admin-badge-off" ref={revokedNote} tabIndex={-1}>
            revoked
          </span>
        ) : (
          <button
            type="button"
            className="button button-quiet"
            aria-label={`Revoke the invite for ${who}`}
            aria-describedby={error ? errorId : undefined}
            onClick={() => !revoking && setConfirming(true)}
          >
            {revoking ? 'Revoking…' : 'Revoke'}
          </button>
        )}
        <FieldError id={errorId} message={error} />
        <ConfirmDialog
          open={confirming}
          title={`Revoke the invite for ${who}?`}
          confirmLabel="Revoke the link"
          onCancel={() => setConfirming(false)}
          onConfirm={revoke}
        >
          <p>
            The link stops working at once
            {invite.attemptId ? ': they can no longer continue or submit their attempt' : ''}. This cannot be undone; to
            let them in again, invite them anew.
          </p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
