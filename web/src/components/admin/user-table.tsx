/**
 * The staff list: each user's role, changed in place (saved on change), and their access, ended or given
 * back with one button (deactivating asks first: it signs them out everywhere at once).
 */
import { useEffect, useId, useState } from 'react';
import { changeUser, type Role, type StaffUser, type UserChange } from '../../admin-api';
import { formatDay } from '../../admin-format';
import { isRole, ROLES, roleDescription } from '../../admin-roles';
import { ApiFailure } from '../../api-failure';
import { ConfirmDialog } from '../take/confirm-dialog';
import { FieldError, type Problem } from './page-alert';

/** How long "Saved" stays beside a control: long enough to be read, short enough not to linger on every row. */
const SAVED_SHOWN_MS = 4000;

export function UserTable({
  users,
  myId,
  onChanged,
  onProblem,
}: {
  users: StaffUser[];
  myId: string;
  onChanged: (user: StaffUser) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  return (
    <div className="table-scroll">
      <table className="admin-table">
        <thead>
          <tr>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
            <th scope="col">Access</th>
            <th scope="col">Added</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <UserRow key={user.id} user={user} isMe={user.id === myId} onChanged={onChanged} onProblem={onProblem} />
          ))}
        </tbody>
      </table>
    </div>
  );
}

type Pending = { kind: 'role'; role: Role } | { kind: 'active'; active: boolean } | null;

function UserRow({
  user,
  isMe,
  onChanged,
  onProblem,
}: {
  user: StaffUser;
  isMe: boolean;
  onChanged: (user: StaffUser) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  const [pending, setPending] = useState<Pending>(null);
  const [roleError, setRoleError] = useState<string | null>(null);
  const [accessError, setAccessError] = useState<string | null>(null);
  const [saved, setSaved] = useState<'role' | 'active' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const roleErrorId = useId();
  const accessErrorId = useId();

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(null), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  async function save(change: UserChange, what: 'role' | 'active', context: string) {
    const setError = what === 'role' ? setRoleError : setAccessError;
    setPending(
      change.role !== undefined ? { kind: 'role', role: change.role } : { kind: 'active', active: !!change.active },
    );
    setError(null);
    setSaved(null);
    try {
      onChanged(await changeUser(user.id, change));
      setSaved(what);
      onProblem(null);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setError(error.message);
      onProblem({ context, failure: error });
    } finally {
      setPending(null);
    }
  }

  const shownRole = pending?.kind === 'role' ? pending.role : user.role;
  const busy = pending !== null;

  return (
    <tr className={user.active ? undefined : 'admin-inactive-row'} data-testid={`user-${user.email}`}>
      <th scope="row" className="admin-user-email">
        {user.email}
        {isMe && (
          <span className="admin-you-badge" title="You are signed in as this user">
            you
          </span>
        )}
      </th>
      <td>
        <div className="admin-inline">
          <select
            aria-label={`Role of ${user.email}`}
            value={shownRole}
            aria-describedby={roleError ? roleErrorId : undefined}
            aria-invalid={roleError ? true : undefined}
            onChange={(event) => {
              const role = event.target.value;
              // While a save is on its way the select stays focusable but ignores changes: one save at a time.
              if (busy || !isRole(role) || role === user.role) return;
              void save({ role }, 'role', `Could not change the role of ${user.email}.`);
            }}
            title={roleDescription(shownRole)}
          >
            {ROLES.map((role) => (
              <option key={role} value={role}>
                {role}
              </option>
            ))}
          </select>
          <span className="admin-save-note" role="status">
            {pending?.kind === 'role' ? 'Saving…' : saved === 'role' ? 'Saved' : ''}
          </span>
        </div>
        <FieldError id={roleErrorId} message={roleError} />
      </td>
      <td>
        <span className={`badge ${user.active ? 'badge-ok' : 'admin-badge-off'}`}>
          {user.active ? 'active' : 'deactivated'}
        </span>
      </td>
      <td className="nowrap">
        <time dateTime={user.createdAt}>{formatDay(user.createdAt)}</time>
      </td>
      <td>
        <div className="admin-inline">
          <button
            type="button"
            className="button button-quiet"
            aria-describedby={accessError ? accessErrorId : undefined}
            aria-label={`${user.active ? 'Deactivate' : 'Reactivate'} ${user.email}`}
            onClick={() => {
              if (busy) return;
              if (user.active) setConfirming(true);
              else void save({ active: true }, 'active', `Could not reactivate ${user.email}.`);
            }}
          >
            {pending?.kind === 'active'
              ? pending.active
                ? 'Reactivating…'
                : 'Deactivating…'
              : user.active
                ? 'Deactivate'
                : 'Reactivate'}
          </button>
          <span className="admin-save-note" role="status">
            {saved === 'active' ? 'Saved' : ''}
          </span>
        </div>
        <FieldError id={accessErrorId} message={accessError} />
        <ConfirmDialog
          open={confirming}
          title={`Deactivate ${user.email}?`}
          confirmLabel="Deactivate"
          onCancel={() => setConfirming(false)}
          onConfirm={() => {
            setConfirming(false);
            void save({ active: false }, 'active', `Could not deactivate ${user.email}.`);
          }}
        >
          <p>
            Their sessions end at once: {isMe ? 'you will be signed out' : 'they are signed out'} everywhere and cannot
            sign in again until an admin reactivates them.
          </p>
        </ConfirmDialog>
      </td>
    </tr>
  );
}
