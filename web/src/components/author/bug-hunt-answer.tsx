/**
 * A bug-hunt answer to try: the marked lines typed as "12-14, 20" (or marked by clicking the code, as a
 * candidate does; the two stay in step), the explanation, and an optional fix. A field that cannot be read
 * says why beside it; the form refuses to grade until it can.
 */
import { useId, useLayoutEffect, useRef, useState } from 'react';
import { lineCount } from '../../../../server/content/bug-ranges';
import type { BugCode } from '../../author-api';
import { formatLineRanges, parseLineRanges } from '../../author-ranges';
import { type LineRange, markRange, toggleLine } from '../../line-marks';
import { CodeView, type MarkActions } from '../editor/code-view';
import { MarkdownEditor } from '../editor/markdown-editor';
import { FixProposal } from '../take/fix-proposal';

export type BugHuntDraft = { kind: 'bug-hunt'; linesText: string; explanation: string; fix: string | null };

/** The id of the lines field, which the form focuses when it refuses to grade. */
export const BUG_LINES_FIELD = 'try-lines';

const NOTHING = () => {};

export function BugHuntAnswer({
  draft,
  code,
  showErrors,
  onChange,
}: {
  draft: BugHuntDraft;
  code: BugCode;
  /** Grade was pressed with this field unreadable: say so even before the field is left. */
  showErrors: boolean;
  onChange: (draft: BugHuntDraft) => void;
}) {
  const hintId = useId();
  const errorId = useId();
  /** Left the field once: from then on its error shows (not while the first "12-" is being typed). */
  const [left, setLeft] = useState(false);
  const parsed = parseLineRanges(draft.linesText, lineCount(code.buggy));
  // CodeMirror and the editors call back between renders: they read the newest draft from here.
  const latest = useRef({ draft, onChange });
  useLayoutEffect(() => {
    latest.current = { draft, onChange };
  });
  // The code keeps showing the last readable marks while the text is half typed; a click starts from them.
  const lastGood = useRef<LineRange[]>([]);
  if (parsed.ok) lastGood.current = parsed.ranges;

  const setMarks = (ranges: LineRange[]) => {
    const { draft: current, onChange: report } = latest.current;
    report({ ...current, linesText: formatLineRanges(ranges) });
  };
  const actions: MarkActions = {
    toggle: (line) => setMarks(toggleLine(lastGood.current, line)),
    extend: (from, to) => setMarks(markRange(lastGood.current, from, to)),
  };
  const error = !parsed.ok && (showErrors || left) ? parsed.error : null;

  return (
    <>
      <section aria-labelledby="try-lines-heading">
        <h2 id="try-lines-heading">Marked lines</h2>
        <div className="field">
          <label htmlFor={BUG_LINES_FIELD}>
            Lines of <code>{code.fileName}</code> the answer marks
          </label>
          <input
            id={BUG_LINES_FIELD}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            spellCheck={false}
            value={draft.linesText}
            placeholder="e.g. 12-14, 20"
            aria-invalid={error !== null}
            aria-describedby={error ? `${errorId} ${hintId}` : hintId}
            onChange={(event) => onChange({ ...draft, linesText: event.target.value })}
            onBlur={() => setLeft(true)}
          />
          <p id={hintId} className="hint">
            Lines and ranges separated by commas; or click lines in the code below (Space or Enter marks the current
            line). Empty means no lines marked.
          </p>
          {error && (
            <p id={errorId} className="field-error">
              {error}
            </p>
          )}
        </div>
        <CodeView
          code={code.buggy}
          language={code.language}
          fileName={code.fileName}
          marks={lastGood.current}
          readOnly={false}
          actions={actions}
          onBlur={NOTHING}
          testId="try-code"
        />
      </section>
      <MarkdownEditor
        label="Explanation"
        headingLevel={2}
        initialText={draft.explanation}
        readOnly={false}
        onChange={(explanation) => latest.current.onChange({ ...latest.current.draft, explanation })}
        onBlur={NOTHING}
        placeholder="Why the marked lines are wrong, as a candidate would explain it…"
        testId="try-explanation"
      />
      <FixProposal
        original={code.buggy}
        language={code.language}
        fileName={code.fileName}
        fix={draft.fix}
        readOnly={false}
        onChange={(fix) => latest.current.onChange({ ...latest.current.draft, fix })}
        onBlur={NOTHING}
      />
    </>
  );
}
