/**
 * "Add a user": an email and a role. The server generates the password and answers it once; the page shows
 * it (OneTimeSecret) and forgets it when dismissed.
 */
import { type FormEvent, useId, useState } from 'react';
import { type AddedUser, addUser, type Role } from '../../admin-api';
import { fieldMessage } from '../../admin-form-errors';
import { DEFAULT_ROLE, isRole, ROLES, roleDescription } from '../../admin-roles';
import { ApiFailure } from '../../api-failure';
import { FieldError, fieldsProblem, type Problem } from './page-alert';
import { useFocusInvalid } from './use-focus-invalid';

export function AddUserForm({
  onAdded,
  onProblem,
}: {
  onAdded: (added: AddedUser) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(DEFAULT_ROLE);
  const [sending, setSending] = useState(false);
  const { formRef, focusInvalid } = useFocusInvalid();
  const [failure, setFailure] = useState<ApiFailure | null>(null);
  const [emailProblem, setEmailProblem] = useState<string | null>(null);
  const id = useId();

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const trimmed = email.trim();
    if (!trimmed.includes('@')) {
      const message = 'Enter the person’s email address, like ada@example.com.';
      setEmailProblem(message);
      setFailure(null);
      onProblem(fieldsProblem('No user is added yet: fix the field marked below.', [message]));
      focusInvalid();
      return;
    }
    setSending(true);
    setFailure(null);
    setEmailProblem(null);
    try {
      const added = await addUser({ email: trimmed, role });
      setEmail('');
      setRole(DEFAULT_ROLE);
      onProblem(null);
      onAdded(added);
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setFailure(error);
      // A taken email (409) is about the email field, as are the server's validation issues on it.
      setEmailProblem(error.status === 409 ? error.message : fieldMessage(error, 'email'));
      onProblem({ context: `Could not add ${trimmed}.`, failure: error });
      focusInvalid();
    } finally {
      setSending(false);
    }
  }

  const roleProblem = fieldMessage(failure, 'role');

  return (
    <form
      ref={formRef}
      className="admin-form admin-add-user-form"
      onSubmit={submit}
      noValidate
      aria-labelledby={`${id}-heading`}
    >
      <h2 id={`${id}-heading`}>Add a user</h2>
      <div className="admin-form-row">
        <div className="admin-field admin-field-wide">
          <label htmlFor={`${id}-email`}>Email</label>
          <input
            id={`${id}-email`}
            type="email"
            autoComplete="off"
            value={email}
            onChange={(event) => {
              setEmail(event.target.value);
              setEmailProblem(null);
            }}
            aria-invalid={emailProblem ? true : undefined}
            aria-describedby={emailProblem ? `${id}-email-error` : undefined}
            maxLength={320}
            required
          />
          <FieldError id={`${id}-email-error`} message={emailProblem} />
        </div>
        <div className="admin-field">
          <label htmlFor={`${id}-role`}>Role</label>
          <select
            id={`${id}-role`}
            value={role}
            onChange={(event) => isRole(event.target.value) && setRole(event.target.value)}
            aria-describedby={`${id}-role-${role}${roleProblem ? ` ${id}-role-error` : ''}`}
          >
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {r}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-role-error`} message={roleProblem} />
        </div>
        <div className="admin-field admin-field-action">
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? 'Adding…' : 'Add user'}
          </button>
        </div>
      </div>
      <ul className="admin-role-key" aria-label="What each role can do">
        {ROLES.map((r) => (
          <li key={r} id={`${id}-role-${r}`} className={r === role ? 'admin-role-key-chosen' : undefined}>
            <strong>{r}</strong>: {roleDescription(r)}
          </li>
        ))}
      </ul>
    </form>
  );
}
