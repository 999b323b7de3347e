/** The keyboard shortcuts, listed where the reviewer works (`?` shows or hides the list). */
import type { ReactNode } from 'react';

export function ShortcutsBox({
  shortcuts,
  open,
  onToggle,
  children,
}: {
  shortcuts: readonly { keys: string[]; does: string }[];
  open: boolean;
  onToggle: () => void;
  children?: ReactNode;
}) {
  return (
    <section className="shortcuts" aria-labelledby="shortcuts-heading" data-testid="shortcuts">
      <div className="shortcuts-head">
        <h2 id="shortcuts-heading">Shortcuts</h2>
        <button
          type="button"
          className="button button-quiet button-small"
          aria-expanded={open}
          aria-controls="shortcuts-list"
          onClick={onToggle}
        >
          {open ? 'Hide' : 'Show'} <kbd>?</kbd>
        </button>
      </div>
      {open && (
        <dl id="shortcuts-list" className="shortcut-list">
          {shortcuts.map((s) => (
            <div key={s.does} className="shortcut">
              <dt>
                {s.keys.map((key, i) => (
                  <span key={key}>
                    {i > 0 && <span className="muted"> or </span>}
                    <kbd>{key}</kbd>
                  </span>
                ))}
              </dt>
              <dd>{s.does}</dd>
            </div>
          ))}
          {children}
        </dl>
      )}
    </section>
  );
}
