/**
 * A Markdown editor for candidates: CodeMirror with Markdown highlighting, soft wrap and undo, a Preview
 * toggle (rendered like the briefs, raw HTML dropped) and a word count. The editor stays mounted while the
 * preview shows, so the cursor and the undo history are still there when the candidate comes back.
 */
import { markdown } from '@codemirror/lang-markdown';
import { EditorView, placeholder as placeholderText } from '@codemirror/view';
import { minimalSetup } from 'codemirror';
import { type ReactNode, useDeferredValue, useId, useMemo, useState } from 'react';
import Markdown from 'react-markdown';
import remarkGfm from 'remark-gfm';
import { CodeMirror } from './code-mirror';
import { writingEditorSize } from './editor-theme';

const remarkPlugins = [remarkGfm];

export function MarkdownEditor({
  label,
  headingLevel,
  initialText,
  readOnly,
  onChange,
  onBlur,
  placeholder,
  testId,
  children,
}: {
  label: string;
  /** The label is the heading of the editor's section, at this level. */
  headingLevel: 2 | 3;
  initialText: string;
  readOnly: boolean;
  onChange: (text: string) => void;
  onBlur: () => void;
  placeholder: string;
  testId: string;
  /** Shown under the editor: the size warning. */
  children?: ReactNode;
}) {
  const [text, setText] = useState(initialText);
  const [preview, setPreview] = useState(false);
  const shown = useDeferredValue(text);
  const words = useMemo(() => countWords(shown), [shown]);
  const labelId = useId();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const extensions = useMemo(
    () => [minimalSetup, markdown(), EditorView.lineWrapping, writingEditorSize, placeholderText(placeholder)],
    [placeholder],
  );

  return (
    <section className="markdown-editor" aria-labelledby={labelId} data-testid={testId}>
      <div className="editor-toolbar">
        <Heading id={labelId} className="editor-label">
          {label}
        </Heading>
        <span className="word-count" data-testid="word-count">
          {words === 1 ? '1 word' : `${words} words`}
        </span>
        <button
          type="button"
          className="button button-quiet"
          aria-pressed={preview}
          onClick={() => setPreview((on) => !on)}
          data-testid="preview-toggle"
        >
          Preview
        </button>
      </div>
      <div hidden={preview}>
        <CodeMirror
          initialDoc={initialText}
          extensions={extensions}
          readOnly={readOnly}
          label={label}
          onChange={(next) => {
            setText(next);
            onChange(next);
          }}
          onBlur={onBlur}
        />
      </div>
      {preview && (
        <div className="markdown-preview brief" data-testid="markdown-preview">
          {shown.trim() === '' ? (
            <p className="muted">Nothing to preview yet.</p>
          ) : (
            <Markdown remarkPlugins={remarkPlugins} skipHtml>
              {shown}
            </Markdown>
          )}
        </div>
      )}
      {children}
    </section>
  );
}

/** Words as runs of non-space characters, counted without building an array (drafts reach 256 KB). */
export function countWords(text: string): number {
  const word = /\S+/g;
  let words = 0;
  while (word.exec(text)) words++;
  return words;
}
