/**
 * The optional fix of a bug hunt: "Propose a fix" opens an editable copy of the assistant's code, with the
 * live diff against the original under it; "Remove fix" goes back to no fix (null in the submission).
 */
import { bracketMatching, indentOnInput } from '@codemirror/language';
import { highlightActiveLine, lineNumbers } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { useEffect, useMemo, useRef, useState } from 'react';
import { languageSupport } from '../../code-language';
import { CodeMirror } from '../editor/code-mirror';
import { writingEditorSize } from '../editor/editor-theme';
import { ConfirmDialog } from './confirm-dialog';
import { DiffView } from './diff-view';

export function FixProposal({
  original,
  language,
  fileName,
  fix,
  readOnly,
  onChange,
  onBlur,
}: {
  original: string;
  language: string;
  fileName: string;
  fix: string | null;
  readOnly: boolean;
  onChange: (fix: string | null) => void;
  onBlur: () => void;
}) {
  const [confirmRemove, setConfirmRemove] = useState(false);
  /** Set by the candidate's own action, so that focus follows it (and not on first render). */
  const [justToggled, setJustToggled] = useState(false);
  const proposeButton = useRef<HTMLButtonElement>(null);
  const extensions = useMemo(
    () => [
      minimalSetup,
      lineNumbers(),
      highlightActiveLine(),
      bracketMatching(),
      indentOnInput(),
      languageSupport(language),
      writingEditorSize,
    ],
    [language],
  );

  useEffect(() => {
    if (justToggled && fix === null) proposeButton.current?.focus();
  }, [justToggled, fix]);

  return (
    <section className="fix-proposal" aria-labelledby="fix-heading">
      <h2 id="fix-heading">
        Proposed fix <span className="muted">(optional)</span>
      </h2>
      {fix === null ? (
        <>
          <p>If you can, correct the code: you edit a copy of the assistant's file, and your changes show as a diff.</p>
          <button
            ref={proposeButton}
            type="button"
            className="button button-quiet"
            disabled={readOnly}
            onClick={() => {
              setJustToggled(true);
              onChange(original);
            }}
            data-testid="propose-fix-button"
          >
            Propose a fix
          </button>
        </>
      ) : (
        <>
          <CodeMirror
            initialDoc={fix}
            extensions={extensions}
            readOnly={readOnly}
            label={`Your fix: an editable copy of ${fileName}`}
            onChange={onChange}
            onBlur={onBlur}
            testId="fix-editor"
            autoFocus={justToggled}
          />
          <DiffView original={original} fix={fix} fileName={fileName} />
          {!readOnly && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => setConfirmRemove(true)}
              data-testid="remove-fix-button"
            >
              Remove fix
            </button>
          )}
          <ConfirmDialog
            open={confirmRemove}
            title="Remove your fix?"
            confirmLabel="Remove fix"
            onConfirm={() => {
              setConfirmRemove(false);
              setJustToggled(true);
              onChange(null);
            }}
            onCancel={() => setConfirmRemove(false)}
          >
            <p>Your edits to the code are discarded. Your marked lines and your explanation stay.</p>
          </ConfirmDialog>
        </>
      )}
    </section>
  );
}
