/**
 * /users (admin): the staff list, adding a user (their password is shown once), changing a role, and
 * deactivating or reactivating a user. The server refuses what would leave the team without an admin.
 */
import { useState } from 'react';
import { type AddedUser, listUsers, type StaffUser } from '../admin-api';
import { useLiveResource } from '../admin-live-resource';
import { AddUserForm } from '../components/admin/add-user-form';
import { OneTimeSecret } from '../components/admin/one-time-secret';
import { PageAlert, type Problem } from '../components/admin/page-alert';
import { UserTable } from '../components/admin/user-table';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { HOME_PATH } from '../return-path';
import { useStaff } from '../staff-context';
import { useDocumentTitle } from '../use-document-title';
import '../styles/admin.css';

export function UsersPage() {
  useDocumentTitle('Users');
  const me = useStaff();
  const users = useLiveResource(listUsers);
  const [added, setAdded] = useState<AddedUser | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);

  function onAdded(result: AddedUser) {
    setAdded(result);
    // In the server's order (active first, then by email); a change later leaves rows where they are, so
    // that a deactivated row does not jump away from the admin's pointer.
    users.update((list) =>
      [...list.filter((u) => u.id !== result.user.id), result.user].sort(
        (a, b) => Number(b.active) - Number(a.active) || a.email.toLowerCase().localeCompare(b.email.toLowerCase()),
      ),
    );
  }

  function onChanged(user: StaffUser) {
    users.update((list) => list.map((u) => (u.id === user.id ? user : u)));
    // Admins changing themselves: deactivated, their session is gone; no longer admin, this page is not
    // theirs. A full load shows the app as their account now is.
    if (user.id === me.id && !user.active) window.location.assign('/login');
    else if (user.id === me.id && user.role !== 'admin') window.location.assign(HOME_PATH);
  }

  return (
    <>
      <div className="page-heading">
        <h1>Users</h1>
        {users.resource.state === 'ready' && <UserCount users={users.resource.data} />}
      </div>
      <PageAlert problem={problem} />
      <AddUserForm onAdded={onAdded} onProblem={setProblem} />
      {added && (
        <OneTimeSecret
          title={`${added.user.email} can now sign in`}
          label="Their password"
          value={added.password}
          warning="The password is shown only this once: pass it on securely."
          onDismiss={() => setAdded(null)}
          testId="new-password"
        >
          <p>
            Role: <strong>{added.user.role}</strong>. Send them the address of this site, their email and this password.
          </p>
        </OneTimeSecret>
      )}
      <h2>Staff</h2>
      {users.resource.state === 'loading' && <Loading>Loading the staff list…</Loading>}
      {users.resource.state === 'failed' && <LoadFailure failure={users.resource.failure} />}
      {users.resource.state === 'ready' && (
        <>
          <UserTable users={users.resource.data} myId={me.id} onChanged={onChanged} onProblem={setProblem} />
          {users.resource.data.length === 1 && (
            <p className="empty">You are the only user so far: add reviewers and authors with the form above.</p>
          )}
        </>
      )}
    </>
  );
}

function UserCount({ users }: { users: StaffUser[] }) {
  const inactive = users.filter((u) => !u.active).length;
  return (
    <p className="count">
      {users.length === 1 ? '1 user' : `${users.length} users`}
      {inactive > 0 && `, ${inactive} deactivated`}
    </p>
  );
}
