/**
 * A bug-hunt exercise: the brief, the assistant's code where the candidate marks the wrong lines, the
 * explanation, and an optional fix. The answer is {kind, lines (merged, sorted), explanation, fix}.
 */
import { useMemo, useRef, useState } from 'react';
import {
  describeRange,
  isMarked,
  type LineRange,
  MAX_RANGES,
  markRange,
  removeRange,
  toggleLine,
} from '../../line-marks';
import type { BugHuntSubmission, Submission } from '../../submission';
import type { TakeExercise } from '../../take-api';
import { Brief } from '../brief';
import { CodeView, type MarkActions } from '../editor/code-view';
import { MarkdownEditor } from '../editor/markdown-editor';
import { DraftSize } from './draft-size';
import { FixProposal } from './fix-proposal';
import { MarkedRanges } from './marked-ranges';

export function BugHuntWork({
  exercise,
  initial,
  readOnly,
  onChange,
  onBlur,
}: {
  exercise: TakeExercise['exercise'];
  initial: BugHuntSubmission;
  readOnly: boolean;
  onChange: (submission: Submission) => void;
  onBlur: () => void;
}) {
  const [answer, setAnswer] = useState(initial);
  // The handlers below run from CodeMirror between renders: they read the newest answer from here.
  const latest = useRef(initial);
  const [announcement, setAnnouncement] = useState('');
  const file = exercise.files[0];
  // The same element each render: the brief is not parsed again on every keystroke.
  const brief = useMemo(() => <Brief markdown={exercise.brief} />, [exercise.brief]);

  function update(patch: Partial<Omit<BugHuntSubmission, 'kind'>>) {
    const next: BugHuntSubmission = { ...latest.current, ...patch };
    latest.current = next;
    setAnswer(next);
    onChange(next);
  }

  function setLines(lines: LineRange[], message: string) {
    if (lines.length > MAX_RANGES) {
      setAnnouncement(`At most ${MAX_RANGES} separate ranges can be marked: join or remove some first.`);
      return;
    }
    update({ lines });
    setAnnouncement(message);
  }

  const actions: MarkActions = {
    toggle: (line) => {
      const was = isMarked(latest.current.lines, line);
      setLines(toggleLine(latest.current.lines, line), `Line ${line} ${was ? 'unmarked' : 'marked'}.`);
    },
    extend: (from, to) => {
      const range: LineRange = [Math.min(from, to), Math.max(from, to)];
      setLines(markRange(latest.current.lines, from, to), `${capitalize(describeRange(range))} marked.`);
    },
  };

  return (
    <>
      <section className="exercise-brief" aria-labelledby="brief-heading">
        <h2 id="brief-heading">Brief</h2>
        {brief}
      </section>

      <section aria-labelledby="code-heading">
        <h2 id="code-heading">The assistant's code</h2>
        {file ? (
          <>
            <p className="hint">
              Mark the lines you believe are wrong. Click a line number or a line to mark or unmark it; shift-click to
              mark everything from the last line you marked. With the keyboard: focus the code, move with the arrow
              keys, press Space or Enter to mark or unmark the current line, and Shift+Up or Shift+Down to extend the
              marking. You can mark several ranges.
            </p>
            <CodeView
              code={file.content}
              language={file.language}
              fileName={file.name}
              marks={answer.lines}
              readOnly={readOnly}
              actions={actions}
              onBlur={onBlur}
              testId="code-view"
            />
            <MarkedRanges
              ranges={answer.lines}
              readOnly={readOnly}
              onRemove={(range) =>
                setLines(removeRange(latest.current.lines, range), `${capitalize(describeRange(range))} unmarked.`)
              }
            />
            <p role="status" className="visually-hidden">
              {announcement}
            </p>
          </>
        ) : (
          <p className="alert">This exercise has no code to show. Tell the team that invited you.</p>
        )}
      </section>

      <MarkdownEditor
        label="Your explanation"
        headingLevel={2}
        initialText={initial.explanation}
        readOnly={readOnly}
        placeholder="Why are the marked lines wrong? What goes wrong, for whom, and when?"
        onChange={(explanation) => update({ explanation })}
        onBlur={onBlur}
        testId="explanation-editor"
      />

      {file && (
        <FixProposal
          original={file.content}
          language={file.language}
          fileName={file.name}
          fix={answer.fix}
          readOnly={readOnly}
          onChange={(fix) => update({ fix })}
          onBlur={onBlur}
        />
      )}
      <DraftSize submission={answer} />
    </>
  );
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
