/**
 * The assistant's code in a read-only CodeMirror with line numbers and highlighting, where the candidate
 * marks the lines they believe are wrong. Mouse: click a line number or a line to mark or unmark it,
 * shift-click to mark everything from the last line marked. Keyboard: the arrows move through the code,
 * Space or Enter marks or unmarks the current line, Shift+Up/Down extends the marking line by line.
 * The marks are the parent's state; this view only draws them and reports what the candidate did.
 */
import { defaultHighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorState, Prec, RangeSetBuilder, StateEffect, StateField } from '@codemirror/state';
import {
  Decoration,
  drawSelection,
  EditorView,
  GutterMarker,
  gutterLineClass,
  highlightActiveLine,
  highlightActiveLineGutter,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { useEffect, useLayoutEffect, useMemo, useRef } from 'react';
import { languageSupport } from '../../code-language';
import type { LineRange } from '../../line-marks';
import { CodeMirror } from './code-mirror';

const setMarks = StateEffect.define<readonly LineRange[]>();

const marksField = StateField.define<readonly LineRange[]>({
  create: () => [],
  update(marks, transaction) {
    for (const effect of transaction.effects) if (effect.is(setMarks)) return effect.value;
    return marks;
  },
});

const markedLine = Decoration.line({ class: 'cm-marked-line' });

class MarkedGutter extends GutterMarker {
  override elementClass = 'cm-marked-gutter';
}
const markedGutter = new MarkedGutter();

/** Every marked line that exists in the document, in order: what both range sets below are built from. */
function eachMarkedLine(state: EditorState, add: (from: number) => void): void {
  for (const [start, end] of state.field(marksField)) {
    for (let n = start; n <= Math.min(end, state.doc.lines); n++) add(state.doc.line(n).from);
  }
}

const markDecorations = EditorView.decorations.compute([marksField], (state) => {
  const ranges: ReturnType<typeof markedLine.range>[] = [];
  eachMarkedLine(state, (from) => ranges.push(markedLine.range(from)));
  return Decoration.set(ranges);
});

const markGutterClasses = gutterLineClass.compute([marksField], (state) => {
  const builder = new RangeSetBuilder<GutterMarker>();
  eachMarkedLine(state, (from) => builder.add(from, from, markedGutter));
  return builder.finish();
});

export type MarkActions = {
  /** Mark or unmark one line. */
  toggle: (line: number) => void;
  /** Mark every line between the two, inclusive. */
  extend: (from: number, to: number) => void;
};

export function CodeView({
  code,
  language,
  fileName,
  marks,
  readOnly,
  actions,
  onBlur,
  testId,
}: {
  code: string;
  language: string;
  fileName: string;
  marks: readonly LineRange[];
  /** Marking is off (the exercise is submitted). */
  readOnly: boolean;
  actions: MarkActions;
  onBlur: () => void;
  testId: string;
}) {
  const viewRef = useRef<EditorView | null>(null);
  const latest = useRef({ actions, readOnly });
  useLayoutEffect(() => {
    latest.current = { actions, readOnly };
  });

  // biome-ignore lint/correctness/useExhaustiveDependencies: the editor reads these once (see code-mirror.tsx)
  const extensions = useMemo(() => {
    /** The line the last mark started from: where shift-click and Shift+arrow extend from. */
    let anchor: number | null = null;
    const toggle = (line: number) => {
      if (latest.current.readOnly) return;
      anchor = line;
      latest.current.actions.toggle(line);
    };
    const extendTo = (line: number, from: number) => {
      if (latest.current.readOnly) return;
      const start = anchor ?? from;
      anchor = start;
      latest.current.actions.extend(start, line);
    };
    const currentLine = (view: EditorView) => view.state.doc.lineAt(view.state.selection.main.head).number;
    const moveTo = (view: EditorView, line: number) =>
      view.dispatch({ selection: { anchor: view.state.doc.line(line).from }, scrollIntoView: true });
    const extendBy = (step: 1 | -1) => (view: EditorView) => {
      const here = currentLine(view);
      const next = Math.min(Math.max(here + step, 1), view.state.doc.lines);
      moveTo(view, next);
      extendTo(next, here);
      return true;
    };
    const toggleCurrent = (view: EditorView) => {
      toggle(currentLine(view));
      return true;
    };
    return [
      lineNumbers({
        domEventHandlers: {
          mousedown(view, block, event) {
            const line = view.state.doc.lineAt(block.from).number;
            if (event instanceof MouseEvent && event.shiftKey) extendTo(line, line);
            else toggle(line);
            moveTo(view, line);
            view.focus();
            return true;
          },
        },
      }),
      highlightActiveLineGutter(),
      highlightActiveLine(),
      drawSelection(),
      syntaxHighlighting(defaultHighlightStyle, { fallback: true }),
      languageSupport(language),
      // The code never changes; the `readOnly` prop below is about marking, and only greys the view.
      EditorState.readOnly.of(true),
      EditorView.contentAttributes.of({ 'aria-readonly': 'true' }),
      marksField,
      markDecorations,
      markGutterClasses,
      EditorView.domEventHandlers({
        click(event, view) {
          const pos = view.posAtCoords({ x: event.clientX, y: event.clientY });
          if (pos === null) return false;
          const line = view.state.doc.lineAt(pos).number;
          if (event.shiftKey) {
            extendTo(line, line);
            moveTo(view, line);
          } else if (view.state.selection.main.empty) {
            // A drag selects text to copy; only a plain click marks.
            toggle(line);
          }
          return false;
        },
      }),
      Prec.high(
        keymap.of([
          { key: 'Space', run: toggleCurrent },
          { key: 'Enter', run: toggleCurrent },
          { key: 'Shift-ArrowDown', run: extendBy(1) },
          { key: 'Shift-ArrowUp', run: extendBy(-1) },
        ]),
      ),
    ];
  }, []);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: setMarks.of(marks) });
  }, [marks]);

  return (
    <figure className="code-view">
      <figcaption>
        <code>{fileName}</code>
        <span className="subtle">{language}</span>
      </figcaption>
      <CodeMirror
        initialDoc={code}
        extensions={extensions}
        readOnly={readOnly}
        label={`${fileName}, the assistant's code. Arrow keys move between lines; Space or Enter marks or unmarks a line; Shift with Up or Down extends the marking.`}
        onBlur={onBlur}
        viewRef={viewRef}
        testId={testId}
      />
    </figure>
  );
}
