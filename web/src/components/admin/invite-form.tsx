/**
 * "Invite a candidate": a name (so that the invites table says who each link is for) and, optionally, an
 * email. The server answers the link once; the page shows it (OneTimeSecret) until dismissed.
 */
import { type FormEvent, useId, useState } from 'react';
import { type CreatedInvite, inviteCandidate } from '../../admin-api';
import { fieldMessage } from '../../admin-form-errors';
import { ApiFailure } from '../../api-failure';
import { FieldError, fieldsProblem, type Problem } from './page-alert';
import { useFocusInvalid } from './use-focus-invalid';

export type SentInvite = CreatedInvite & { candidate: string };

export function InviteForm({
  assessmentId,
  onInvited,
  onProblem,
}: {
  assessmentId: string;
  onInvited: (invite: SentInvite) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [sending, setSending] = useState(false);
  const { formRef, focusInvalid } = useFocusInvalid();
  const [problems, setProblems] = useState<{ name: string | null; email: string | null }>({ name: null, email: null });

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const candidate = name.trim();
    const address = email.trim();
    const found = {
      name: candidate === '' ? 'Give the candidate’s name: the invites table lists them by it.' : null,
      email:
        address !== '' && !address.includes('@')
          ? 'Enter an email address, like ada@example.com, or leave it empty.'
          : null,
    };
    setProblems(found);
    const before = fieldsProblem('No invite is created yet: fix the fields marked below.', [found.name, found.email]);
    onProblem(before);
    if (before) {
      focusInvalid();
      return;
    }
    setSending(true);
    try {
      const created = await inviteCandidate(assessmentId, { name: candidate, ...(address ? { email: address } : {}) });
      setName('');
      setEmail('');
      onProblem(null);
      onInvited({ ...created, candidate });
    } catch (error) {
      if (!(error instanceof ApiFailure)) throw error;
      setProblems({ name: fieldMessage(error, 'name'), email: fieldMessage(error, 'email') });
      onProblem({ context: `Could not invite ${candidate}.`, failure: error });
      focusInvalid();
    } finally {
      setSending(false);
    }
  }

  return (
    <form ref={formRef} className="admin-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Invite a candidate</h2>
      <div className="admin-form-row">
        <div className="admin-field admin-field-wide">
          <label htmlFor={`${id}-name`}>Name</label>
          <input
            id={`${id}-name`}
            value={name}
            maxLength={200}
            autoComplete="off"
            required
            onChange={(event) => setName(event.target.value)}
            aria-invalid={problems.name ? true : undefined}
            aria-describedby={problems.name ? `${id}-name-error` : undefined}
          />
          <FieldError id={`${id}-name-error`} message={problems.name} />
        </div>
        <div className="admin-field admin-field-wide">
          <label htmlFor={`${id}-email`}>
            Email <span className="muted">(optional)</span>
          </label>
          <input
            id={`${id}-email`}
            type="email"
            value={email}
            maxLength={320}
            autoComplete="off"
            onChange={(event) => setEmail(event.target.value)}
            aria-invalid={problems.email ? true : undefined}
            aria-describedby={problems.email ? `${id}-email-error` : `${id}-email-hint`}
          />
          <p id={`${id}-email-hint`} className="admin-hint">
            Kept for your records; Audition sends no email.
          </p>
          <FieldError id={`${id}-email-error`} message={problems.email} />
        </div>
        <div className="admin-field admin-field-action">
          <button type="submit" className="button button-primary" disabled={sending}>
            {sending ? 'Creating the link…' : 'Create invite link'}
          </button>
        </div>
      </div>
    </form>
  );
}
