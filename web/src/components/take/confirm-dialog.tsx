/**
 * A modal question before an action that cannot be undone (submit, finish, remove a fix): the browser's
 * <dialog>, which keeps focus inside and closes on Escape. It exists only while open, so that the page
 * holds one dialog at a time; closing gives focus back to whatever had it before.
 */
import { type ReactNode, useId, useLayoutEffect, useRef } from 'react';

export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  if (!open) return null;
  return (
    <OpenDialog title={title} confirmLabel={confirmLabel} onConfirm={onConfirm} onCancel={onCancel}>
      {children}
    </OpenDialog>
  );
}

function OpenDialog({
  title,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
}: {
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useLayoutEffect(() => {
    const dialog = ref.current;
    const before = document.activeElement;
    dialog?.showModal();
    return () => {
      if (dialog?.open) dialog.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);

  return (
    <dialog
      ref={ref}
      className="confirm-dialog"
      aria-labelledby={titleId}
      data-testid="confirm-dialog"
      onCancel={(event) => {
        // Escape: React decides whether the dialog is open, not the browser.
        event.preventDefault();
        onCancel();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <div className="confirm-dialog-body">{children}</div>
      <div className="confirm-dialog-actions">
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button button-primary" onClick={onConfirm} data-testid="dialog-confirm">
          {confirmLabel}
        </button>
      </div>
    </dialog>
  );
}
