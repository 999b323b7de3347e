/**
 * How every editor looks. It lives in the editor's shadow root (code-mirror.tsx), where styles.css does not
 * reach, so the frame, the focus ring and the marked lines are drawn here, with the page's custom properties.
 */
import { EditorView } from '@codemirror/view';

export const editorTheme = EditorView.theme({
  '&': {
    border: '1px solid var(--border, #d1d9e0)',
    borderRadius: 'var(--radius, 6px)',
    background: 'var(--surface, #ffffff)',
    color: 'var(--text, #1f2328)',
    fontSize: '0.9375rem',
  },
  '&.cm-focused': {
    outline: '3px solid var(--focus, #2563eb)',
    outlineOffset: '2px',
  },
  '.cm-scroller': {
    fontFamily: 'var(--mono, monospace)',
    lineHeight: '1.6',
    overflow: 'auto',
  },
  '.cm-content': { padding: '0.75rem 0' },
  '.cm-line': { padding: '0 0.75rem' },
  '.cm-gutters': {
    background: 'var(--canvas, #f6f8fa)',
    color: 'var(--muted, #59636e)',
    borderRight: '1px solid var(--border, #d1d9e0)',
    borderRadius: 'var(--radius, 6px) 0 0 var(--radius, 6px)',
  },
  '.cm-lineNumbers .cm-gutterElement': { padding: '0 0.75rem 0 1rem', minWidth: '3rem', cursor: 'pointer' },
  '.cm-placeholder': { color: 'var(--muted, #59636e)' },
  '&.cm-readonly': {
    background: 'var(--canvas, #f6f8fa)',
  },
  // The lines a candidate marks in a bug hunt (code-view.tsx).
  '.cm-marked-line': {
    background: '#fff1b8',
    boxShadow: 'inset 4px 0 0 #bf8700',
  },
  '.cm-marked-line.cm-activeLine': { background: '#ffe58a' },
  '.cm-gutterElement.cm-marked-gutter': {
    background: '#bf8700',
    color: '#ffffff',
    fontWeight: '700',
  },
  '.cm-activeLine': { background: '#eef4ff' },
});

/** Sizes for the writing editors: room to write, then the editor scrolls inside itself. */
export const writingEditorSize = EditorView.theme({
  '.cm-content, .cm-gutter': { minHeight: '16rem' },
  '&': { maxHeight: '70vh' },
});
