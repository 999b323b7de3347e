/**
 * The end of the review form: the overall note, what went wrong (the client's checks and the server's
 * answers, in an alert), the buttons (Save and Confirm; on a confirmed review, Save changes and Reopen), and
 * after a confirmation the way on: the next submission waiting, focused so that Enter opens it.
 */
import { type Ref, useId } from 'react';
import { Link } from 'wouter';
import type { ApiFailure } from '../../api-failure';
import type { SaveKind } from '../../review-form';
import { MAX_NOTE } from '../../review-scores';
import { FailureMessage } from '../failure-message';

export function ReviewActions({
  note,
  onNote,
  noteError,
  noteNotice,
  noteRef,
  confirmed,
  saving,
  formError,
  failure,
  message,
  onSave,
  next,
  nextRef,
}: {
  note: string;
  onNote: (note: string) => void;
  noteError: string | undefined;
  noteNotice: string | null;
  noteRef: Ref<HTMLTextAreaElement>;
  confirmed: boolean;
  saving: SaveKind | null;
  formError: string | undefined;
  failure: ApiFailure | null;
  /** What the last action did, said politely ("Saved.", the conflict explained). */
  message: string | null;
  onSave: (kind: SaveKind) => void;
  /** After a confirmation: where to go next (null: nothing else waits). */
  next: { href: string | null; queueHref: string } | null;
  nextRef: Ref<HTMLAnchorElement>;
}) {
  const noteId = useId();
  return (
    <div className="review-actions">
      <label htmlFor={noteId} className="note-label">
        Overall note <span className="muted">(optional)</span>
      </label>
      <textarea
        id={noteId}
        ref={noteRef}
        className="note-input"
        rows={3}
        maxLength={MAX_NOTE}
        value={note}
        onChange={(event) => onNote(event.target.value)}
        aria-invalid={noteError ? true : undefined}
        data-testid="review-note"
      />
      {noteError && <p className="field-error">{noteError}</p>}
      {noteNotice && <p className="field-notice">{noteNotice}</p>}

      <div className="alert-slot" role="alert">
        {(failure || formError) && (
          <div className="alert" data-testid="review-alert">
            {failure ? <FailureMessage failure={failure} /> : <p className="failure-text">{formError}</p>}
          </div>
        )}
      </div>
      <p role="status" className="action-message" data-testid="review-message">
        {message}
      </p>

      <div className="review-buttons">
        {(confirmed ? CONFIRMED_ACTIONS : OPEN_ACTIONS).map((action) => (
          <button
            key={action.kind}
            type="button"
            className={`button ${action.primary ? 'button-primary' : 'button-quiet'}`}
            disabled={saving !== null}
            onClick={() => onSave(action.kind)}
            data-testid={action.testId}
          >
            {saving === action.kind ? action.busy : action.label}
          </button>
        ))}
      </div>

      {next && (
        <div className="notice next-notice" data-testid="next-notice">
          <p>
            <strong>Confirmed.</strong>{' '}
            {next.href ? (
              <Link href={next.href} ref={nextRef} data-testid="next-link">
                Next submission →
              </Link>
            ) : (
              <>
                Nothing else waits for review here.{' '}
                <Link href={next.queueHref} ref={nextRef}>
                  Back to the queue
                </Link>
              </>
            )}
          </p>
        </div>
      )}
    </div>
  );
}

type Action = { kind: SaveKind; label: string; busy: string; primary: boolean; testId: string };

/** A confirmed review: changes keep it confirmed, or it is reopened. */
const CONFIRMED_ACTIONS: Action[] = [
  { kind: 'confirm', label: 'Save changes, keep confirmed', busy: 'Saving…', primary: true, testId: 'confirm-button' },
  { kind: 'reopen', label: 'Reopen', busy: 'Reopening…', primary: false, testId: 'reopen-button' },
];

/** An open review: saved as a draft, or confirmed. */
const OPEN_ACTIONS: Action[] = [
  { kind: 'save', label: 'Save', busy: 'Saving…', primary: false, testId: 'save-button' },
  { kind: 'confirm', label: 'Confirm', busy: 'Confirming…', primary: true, testId: 'confirm-button' },
];
