/**
 * A CodeMirror 6 editor inside a shadow root. The server's Content-Security-Policy allows no inline
 * <style> element (style-src 'self'), and CodeMirror mounts its styles as one when it lives in the
 * document; inside a shadow root it uses a constructed (adopted) stylesheet instead, which the policy does
 * not govern. So the editor is styled by its theme (editor-theme.ts), not by styles.css, which does not
 * reach into the shadow root; CSS custom properties (--mono, --border …) still inherit into it.
 *
 * The editor is created once, with the text it opens with: a save never replaces its document, so the
 * cursor and the undo history survive autosave. Callers that must change it on purpose (a restore) remount
 * it with a new key.
 */
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';
import { type RefObject, useEffect, useLayoutEffect, useRef } from 'react';
import { editorTheme } from './editor-theme';

export type CodeMirrorProps = {
  /** The document the editor opens with; later changes to this prop are ignored (see above). */
  initialDoc: string;
  /** Language, keymaps, gutters: read once, when the editor is created. */
  extensions: Extension;
  readOnly: boolean;
  /** The accessible name of the editing area. */
  label: string;
  onChange?: (text: string) => void;
  onBlur?: () => void;
  /** Set to the view while it exists, for callers that dispatch effects (the marked lines). */
  viewRef?: RefObject<EditorView | null>;
  className?: string;
  testId?: string;
  /** Focus the editor when it appears (it replaced the button that asked for it). */
  autoFocus?: boolean;
};

export function CodeMirror({
  initialDoc,
  extensions,
  readOnly,
  label,
  onChange,
  onBlur,
  viewRef,
  className,
  testId,
  autoFocus,
}: CodeMirrorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const ownViewRef = useRef<EditorView | null>(null);
  const editable = useRef(new Compartment());
  const callbacks = useRef({ onChange, onBlur });
  useLayoutEffect(() => {
    callbacks.current = { onChange, onBlur };
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: created once on purpose; see the module comment
  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const view = new EditorView({
      parent: root,
      state: EditorState.create({
        doc: initialDoc,
        extensions: [
          extensions,
          editorTheme,
          editable.current.of(readOnlyExtension(readOnly)),
          EditorView.contentAttributes.of({ 'aria-label': label }),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) callbacks.current.onChange?.(update.state.doc.toString());
            if (update.focusChanged && !update.view.hasFocus) callbacks.current.onBlur?.();
          }),
        ],
      }),
    });
    ownViewRef.current = view;
    if (viewRef) viewRef.current = view;
    if (autoFocus) view.focus();
    return () => {
      view.destroy();
      ownViewRef.current = null;
      if (viewRef) viewRef.current = null;
    };
  }, []);

  useEffect(() => {
    ownViewRef.current?.dispatch({ effects: editable.current.reconfigure(readOnlyExtension(readOnly)) });
  }, [readOnly]);

  return <div ref={hostRef} className={className ? `editor-host ${className}` : 'editor-host'} data-testid={testId} />;
}

function readOnlyExtension(readOnly: boolean): Extension {
  if (!readOnly) return [];
  return [
    EditorState.readOnly.of(true),
    EditorView.contentAttributes.of({ 'aria-readonly': 'true' }),
    EditorView.editorAttributes.of({ class: 'cm-readonly' }),
  ];
}
