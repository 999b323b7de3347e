/**
 * "Try an answer": an author pastes or writes an answer as a candidate would and sees how it pre-grades.
 * Grade asks for the deterministic grade (shown at once), then, when the rubric has LLM criteria, asks
 * again with the judge (author-try-state.ts). The server stores nothing; the page says so.
 */

import { type FormEvent, useEffect, useReducer, useRef, useState } from 'react';
import { lineCount } from '../../../../server/content/bug-ranges';
import { type ExerciseKey, type PreGrade, type TrySubmission, tryAnswer } from '../../author-api';
import { parseLineRanges } from '../../author-ranges';
import { IDLE, type TryState, tryReducer } from '../../author-try-state';
import type { ExerciseKind } from '../../exercise-kind';
import { asFailure } from '../../use-resource';
import { FailureMessage } from '../failure-message';
import { BUG_LINES_FIELD, BugHuntAnswer, type BugHuntDraft } from './bug-hunt-answer';
import { PregradeView } from './pregrade-view';
import { SpecAnswer } from './spec-answer';

type Draft = { kind: 'spec'; text: string } | BugHuntDraft;

export function TryAnswer({ exerciseId, kind, data }: { exerciseId: string; kind: ExerciseKind; data: ExerciseKey }) {
  const [draft, setDraft] = useState<Draft>(() => emptyDraft(kind));
  const [state, dispatch] = useReducer(tryReducer<PreGrade>, IDLE as TryState<PreGrade>);
  const [formError, setFormError] = useState<string | null>(null);
  const runs = useRef(0);
  const inFlight = useRef<AbortController | null>(null);
  const hasLlm = data.rubric.criteria.some((c) => c.source === 'llm');

  useEffect(() => () => inFlight.current?.abort(), []);

  function change(next: Draft) {
    setDraft(next);
    setFormError(null);
    dispatch({ type: 'edited' });
  }

  async function grade(submission: TrySubmission) {
    inFlight.current?.abort();
    const controller = new AbortController();
    inFlight.current = controller;
    const run = ++runs.current;
    dispatch({ type: 'grade', run });
    try {
      const quick = await tryAnswer(exerciseId, submission, false, controller.signal);
      dispatch({ type: 'deterministic', run, pregrade: quick, askLlm: hasLlm });
      if (!hasLlm) return;
      const judged = await tryAnswer(exerciseId, submission, true, controller.signal);
      dispatch({ type: 'llm', run, pregrade: judged });
    } catch (error) {
      if (controller.signal.aborted) return;
      dispatch({ type: 'failed', run, failure: asFailure(error) });
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const built = toSubmission(draft, data);
    if (!built.ok) {
      setFormError(built.error);
      document.getElementById(built.field)?.focus();
      return;
    }
    setFormError(null);
    void grade(built.submission);
  }

  return (
    <div className="try-answer">
      <p className="notice" data-testid="nothing-stored">
        <strong>Nothing here is stored.</strong> The answer is graded as a candidate’s would be, then forgotten: it is
        no one’s submission and never counts in calibration. Leaving the page discards it.
      </p>
      <form onSubmit={submit} noValidate aria-label="Try an answer">
        {draft.kind === 'spec' ? (
          <SpecAnswer onChange={(text) => change({ kind: 'spec', text })} />
        ) : (
          data.code && (
            <BugHuntAnswer draft={draft} code={data.code} showErrors={formError !== null} onChange={change} />
          )
        )}
        <div className="try-actions">
          <button type="submit" className="button button-primary" disabled={state.phase === 'grading'}>
            {state.phase === 'grading' ? 'Grading…' : 'Grade'}
          </button>
          <span className="muted">
            {hasLlm
              ? 'The checks answer at once; the LLM judge follows.'
              : 'This rubric has only checks: the grade is immediate.'}
          </span>
        </div>
        <div className="alert-slot" role="alert">
          {formError && (
            <div className="alert">
              <p className="failure-text">The answer cannot be graded yet.</p>
              <p>{formError}</p>
            </div>
          )}
          {state.phase === 'failed' && (
            <div className="alert">
              <FailureMessage failure={state.failure} />
            </div>
          )}
        </div>
      </form>
      {state.phase === 'graded' && (
        <PregradeView pregrade={state.pregrade} llm={state.llm} edited={state.edited} criteria={data.rubric.criteria} />
      )}
    </div>
  );
}

function emptyDraft(kind: ExerciseKind): Draft {
  switch (kind) {
    case 'spec':
      return { kind: 'spec', text: '' };
    case 'bug-hunt':
      return { kind: 'bug-hunt', linesText: '', explanation: '', fix: null };
    default: {
      const unreachable: never = kind;
      throw new Error(`No answer form for exercise kind ${String(unreachable)}`);
    }
  }
}

type Built = { ok: true; submission: TrySubmission } | { ok: false; error: string; field: string };

function toSubmission(draft: Draft, data: ExerciseKey): Built {
  if (draft.kind === 'spec') return { ok: true, submission: { kind: 'spec', text: draft.text } };
  if (!data.code) return { ok: false, error: 'The key has no code for this bug-hunt.', field: '' };
  const parsed = parseLineRanges(draft.linesText, lineCount(data.code.buggy));
  if (!parsed.ok) return { ok: false, error: `Marked lines: ${parsed.error}`, field: BUG_LINES_FIELD };
  return {
    ok: true,
    submission: { kind: 'bug-hunt', lines: parsed.ranges, explanation: draft.explanation, fix: draft.fix },
  };
}
