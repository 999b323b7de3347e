/**
 * The left side of the review page: what the candidate submitted. A spec is its Markdown, rendered (sanitized,
 * candidate-markdown.tsx) or as source; a bug-hunt is the buggy file with the candidate's marks and the true
 * bug, the explanation (rendered or source) and the fix (a diff, or its source). Evidence is highlighted in
 * the source view, by offsets (review-evidence.ts); the page switches to it when a criterion with evidence is
 * selected.
 */
import type { SubmissionDetail } from '../../review-api';
import type { Highlights } from '../../review-evidence';
import type { BugHuntSubmission, SpecSubmission, Submission } from '../../submission';
import { CandidateMarkdown } from './candidate-markdown';
import { FixDiff } from './fix-diff';
import { HighlightedSource } from './highlighted-source';
import { ReviewCodeView } from './review-code-view';

export type TextView = 'rendered' | 'source';

export function SubmissionPane({
  detail,
  submission,
  highlights,
  view,
  onView,
}: {
  detail: SubmissionDetail;
  submission: Submission;
  highlights: Highlights;
  view: TextView;
  onView: (view: TextView) => void;
}) {
  return (
    <section className="submission-pane" aria-labelledby="submission-heading">
      <div className="pane-toolbar">
        <h2 id="submission-heading">Submission</h2>
        <ViewToggle view={view} onView={onView} />
      </div>
      <div className="submission-body" data-testid="submission">
        <SubmissionBody detail={detail} submission={submission} highlights={highlights} view={view} />
      </div>
    </section>
  );
}

function ViewToggle({ view, onView }: { view: TextView; onView: (view: TextView) => void }) {
  return (
    <fieldset className="view-toggle">
      <legend className="visually-hidden">Show the candidate's text</legend>
      <button
        type="button"
        className="button button-quiet"
        aria-pressed={view === 'rendered'}
        onClick={() => onView('rendered')}
        data-testid="view-rendered"
      >
        Rendered
      </button>
      <button
        type="button"
        className="button button-quiet"
        aria-pressed={view === 'source'}
        onClick={() => onView('source')}
        data-testid="view-source"
      >
        Source
      </button>
    </fieldset>
  );
}

function SubmissionBody({
  detail,
  submission,
  highlights,
  view,
}: {
  detail: SubmissionDetail;
  submission: Submission;
  highlights: Highlights;
  view: TextView;
}) {
  switch (submission.kind) {
    case 'spec':
      return <SpecBody submission={submission} highlights={highlights} view={view} />;
    case 'bug-hunt':
      return <BugHuntBody detail={detail} submission={submission} highlights={highlights} view={view} />;
    default: {
      const unreachable: never = submission;
      throw new Error(`No review view for ${JSON.stringify(unreachable)}`);
    }
  }
}

function SpecBody({
  submission,
  highlights,
  view,
}: {
  submission: SpecSubmission;
  highlights: Highlights;
  view: TextView;
}) {
  return view === 'rendered' ? (
    <CandidateMarkdown markdown={submission.text} />
  ) : (
    <HighlightedSource text={submission.text} spans={highlights.text} label="The spec as submitted" />
  );
}

function BugHuntBody({
  detail,
  submission,
  highlights,
  view,
}: {
  detail: SubmissionDetail;
  submission: BugHuntSubmission;
  highlights: Highlights;
  view: TextView;
}) {
  const file = detail.exercise.files[0];
  const bug = detail.exercise.bug;
  return (
    <>
      {bug && (
        <div className="bug-key" data-testid="bug-key">
          <p className="bug-key-title">The bug (reviewers only)</p>
          <p>{bug.summary}</p>
        </div>
      )}
      {file ? (
        <ReviewCodeView
          code={file.content}
          language={file.language}
          fileName={file.name}
          marked={submission.lines}
          bug={bug?.ranges ?? []}
          evidence={highlights.lines}
        />
      ) : (
        <p className="alert">This exercise has no code to show.</p>
      )}
      <h3>Explanation</h3>
      {view === 'rendered' ? (
        <CandidateMarkdown markdown={submission.explanation} />
      ) : (
        <HighlightedSource
          text={submission.explanation}
          spans={highlights.explanation}
          label="The explanation as submitted"
        />
      )}
      <h3>Fix</h3>
      {view === 'source' && submission.fix !== null ? (
        <HighlightedSource text={submission.fix} spans={highlights.fix} label="The fix as submitted" />
      ) : (
        <FixDiff original={file?.content ?? ''} fix={submission.fix} fileName={file?.name ?? 'the file'} />
      )}
    </>
  );
}
