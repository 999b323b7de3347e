/**
 * A secret the server answers once (a new user's password, a candidate's link): shown in a panel with a Copy
 * button until dismissed. It lives only in the page's state, so leaving the page forgets it for good.
 * Copying uses the clipboard API; where the browser refuses (no secure context, no permission), the text is
 * selected so that Ctrl+C / ⌘C copies it.
 */
import { type ReactNode, useEffect, useId, useRef, useState } from 'react';

type CopyState = 'idle' | 'copied' | 'selected';

export function OneTimeSecret({
  title,
  label,
  value,
  warning,
  children,
  onDismiss,
  testId,
}: {
  title: string;
  /** What the value is, for the field's label: "Password", "Link". */
  label: string;
  value: string;
  warning: string;
  /** Details beside the value: who it is for, when it expires. */
  children?: ReactNode;
  onDismiss: () => void;
  testId: string;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const fieldRef = useRef<HTMLInputElement>(null);
  const [copy, setCopy] = useState<CopyState>('idle');
  const fieldId = useId();
  const warningId = useId();

  // The panel appears after a form was sent: move there, so that keyboard and screen reader users find it.
  useEffect(() => {
    headingRef.current?.focus();
  }, []);

  async function copyValue() {
    try {
      await navigator.clipboard.writeText(value);
      setCopy('copied');
    } catch {
      // No clipboard access here: select the text for the user to copy themselves.
      fieldRef.current?.focus();
      fieldRef.current?.select();
      setCopy('selected');
    }
  }

  return (
    <section className="admin-one-time-secret" aria-labelledby={`${fieldId}-title`} data-testid={testId}>
      <h2 id={`${fieldId}-title`} ref={headingRef} tabIndex={-1}>
        {title}
      </h2>
      {children}
      <label htmlFor={fieldId}>{label}</label>
      <div className="admin-secret-row">
        <input
          id={fieldId}
          ref={fieldRef}
          className="admin-secret-value"
          readOnly
          value={value}
          aria-describedby={warningId}
          onFocus={(event) => event.currentTarget.select()}
          data-testid={`${testId}-value`}
          spellCheck={false}
          autoComplete="off"
        />
        <button type="button" className="button button-primary" onClick={copyValue}>
          Copy
        </button>
      </div>
      <p className="admin-copy-state" role="status">
        {copy === 'copied' && 'Copied to the clipboard.'}
        {copy === 'selected' && 'The browser would not copy it: the text is selected, press Ctrl+C (⌘C on a Mac).'}
      </p>
      <p id={warningId} className="admin-secret-warning">
        {warning}
      </p>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        Done, hide it
      </button>
    </section>
  );
}
