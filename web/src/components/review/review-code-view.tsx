/**
 * The buggy file as the reviewer sees it: read-only CodeMirror (ADR 010: inside a shadow root, styled by its
 * theme) with the lines the candidate marked, the true bug's lines, and the lines the selected criterion's
 * evidence points at. Colour is never the only cue: a gutter column writes "M" (marked by the candidate) and
 * "B" (the bug) on each line, the evidence lines carry a "›" there, and the legend under the code says so.
 */
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, type Extension, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  type DecorationSet,
  EditorView,
  GutterMarker,
  gutter,
  highlightActiveLine,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useMemo, useRef } from 'react';
import { languageSupport } from '../../code-language';
import { describeRange, isMarked, type LineRange } from '../../line-marks';
import { CodeMirror } from '../editor/code-mirror';

const setEvidence = StateEffect.define<readonly LineRange[]>();

const evidenceField = StateField.define<readonly LineRange[]>({
  create: () => [],
  update(lines, transaction) {
    for (const effect of transaction.effects) if (effect.is(setEvidence)) return effect.value;
    return lines;
  },
});

class LineTag extends GutterMarker {
  constructor(readonly tag: string) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof LineTag && other.tag === this.tag;
  }
  override toDOM(): Node {
    return document.createTextNode(this.tag);
  }
}

/** The text of the tag column for one line: "M", "B", "MB", with "›" first on an evidence line. */
function lineTag(
  line: number,
  marked: readonly LineRange[],
  bug: readonly LineRange[],
  evidence: readonly LineRange[],
) {
  return `${isMarked(evidence, line) ? '›' : ''}${isMarked(marked, line) ? 'M' : ''}${isMarked(bug, line) ? 'B' : ''}`;
}

const reviewTheme = EditorView.theme({
  '.cm-candidate-line': { background: '#fff1b8' },
  '.cm-bug-line': { boxShadow: 'inset -6px 0 0 #cf222e' },
  '.cm-evidence-line': { outline: '2px solid #2563eb', outlineOffset: '-2px' },
  '.cm-tag-gutter .cm-gutterElement': {
    fontFamily: 'var(--mono, monospace)',
    fontWeight: '700',
    padding: '0 0.375rem',
    minWidth: '2.75rem',
    color: 'var(--text, #1f2328)',
  },
});

function codeExtensions(language: string, marked: readonly LineRange[], bug: readonly LineRange[]): Extension {
  const lineClasses = (state: EditorState): DecorationSet => {
    const builder = new RangeSetBuilder<Decoration>();
    const evidence = state.field(evidenceField);
    for (let n = 1; n <= state.doc.lines; n++) {
      const classes = [
        isMarked(marked, n) ? 'cm-candidate-line' : '',
        isMarked(bug, n) ? 'cm-bug-line' : '',
        isMarked(evidence, n) ? 'cm-evidence-line' : '',
      ].filter(Boolean);
      if (classes.length > 0) {
        const from = state.doc.line(n).from;
        builder.add(from, from, Decoration.line({ class: classes.join(' ') }));
      }
    }
    return builder.finish();
  };
  return [
    lineNumbers(),
    gutter({
      class: 'cm-tag-gutter',
      lineMarker(view, block) {
        const tag = lineTag(view.state.doc.lineAt(block.from).number, marked, bug, view.state.field(evidenceField));
        return tag ? new LineTag(tag) : null;
      },
      lineMarkerChange: (update) => update.transactions.some((t) => t.effects.some((e) => e.is(setEvidence))),
      initialSpacer: () => new LineTag('›MB'),
    }),
    highlightActiveLine(),
    syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
    languageSupport(language),
    EditorState.readOnly.of(true),
    evidenceField,
    EditorView.decorations.compute([evidenceField], lineClasses),
    reviewTheme,
  ];
}

export function ReviewCodeView({
  code,
  language,
  fileName,
  marked,
  bug,
  evidence,
}: {
  code: string;
  language: string;
  fileName: string;
  marked: readonly LineRange[];
  bug: readonly LineRange[];
  evidence: readonly LineRange[];
}) {
  const viewRef = useRef<EditorView | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor reads these once (see code-mirror.tsx); the parent remounts it per submission
  const extensions = useMemo(() => codeExtensions(language, marked, bug), []);

  useEffect(() => {
    const view = viewRef.current;
    if (!view) return;
    const first = evidence[0];
    const line = first ? Math.min(first[0], view.state.doc.lines) : null;
    view.dispatch({
      effects: [
        setEvidence.of(evidence),
        ...(line ? [EditorView.scrollIntoView(view.state.doc.line(line).from, { y: 'center' })] : []),
      ],
    });
  }, [evidence]);

  const describe = (ranges: readonly LineRange[]) => ranges.map(describeRange).join(', ') || 'none';
  return (
    <figure className="code-view review-code">
      <figcaption>
        <code>{fileName}</code>
        <span className="subtle">{language}</span>
      </figcaption>
      <CodeMirror
        initialDoc={code}
        extensions={extensions}
        readOnly
        label={`${fileName}, read-only. Marked by the candidate: ${describe(marked)}. The bug: ${describe(bug)}.`}
        viewRef={viewRef}
        className="review-code-editor"
        testId="review-code"
      />
      <ul className="code-legend" aria-label="Legend">
        <li>
          <span className="legend-swatch legend-candidate">M</span> marked by the candidate: {describe(marked)}
        </li>
        <li>
          <span className="legend-swatch legend-bug">B</span> the true bug (reviewers only): {describe(bug)}
        </li>
        <li>
          <span className="legend-swatch legend-evidence">›</span> evidence of the selected criterion
        </li>
      </ul>
    </figure>
  );
}
