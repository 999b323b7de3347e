/** A spec exercise: the brief, and the candidate's spec in a Markdown editor with preview and word count. */
import { useMemo, useState } from 'react';
import type { SpecSubmission, Submission } from '../../submission';
import type { TakeExercise } from '../../take-api';
import { Brief } from '../brief';
import { MarkdownEditor } from '../editor/markdown-editor';
import { DraftSize } from './draft-size';

export function SpecWork({
  exercise,
  initial,
  readOnly,
  onChange,
  onBlur,
}: {
  exercise: TakeExercise['exercise'];
  initial: SpecSubmission;
  readOnly: boolean;
  onChange: (submission: Submission) => void;
  onBlur: () => void;
}) {
  const [answer, setAnswer] = useState(initial);
  // The same element each render: the brief is not parsed again on every keystroke.
  const brief = useMemo(() => <Brief markdown={exercise.brief} />, [exercise.brief]);
  return (
    <>
      <section className="exercise-brief" aria-labelledby="brief-heading">
        <h2 id="brief-heading">Brief</h2>
        {brief}
      </section>
      <MarkdownEditor
        label="Your spec"
        headingLevel={2}
        initialText={initial.text}
        readOnly={readOnly}
        placeholder="Write your spec here, in Markdown."
        onChange={(text) => {
          const next: SpecSubmission = { kind: 'spec', text };
          setAnswer(next);
          onChange(next);
        }}
        onBlur={onBlur}
        testId="spec-editor"
      >
        <DraftSize submission={answer} />
      </MarkdownEditor>
    </>
  );
}
