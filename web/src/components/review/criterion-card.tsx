/**
 * One criterion on the review page: what it measures, the pre-grade's score, status, rationale, flags and
 * evidence (unless blind mode hides them), and the reviewer's score with, when it changes the score it
 * replaces, the reason. Selecting it (click, or j/k) highlights its evidence in the submission.
 */
import type { Ref } from 'react';
import type { CriterionGrade, CriterionInfo, Flag } from '../../review-api';
import type { CriterionField } from '../../review-form';
import { formatScore } from '../../review-format';
import { CRITERION_BUTTON_ATTRIBUTE } from '../../review-keys';
import { MAX_REASON } from '../../review-scores';
import { EvidenceList } from './evidence-list';

export function CriterionCard({
  index,
  criterion,
  grade,
  flags,
  hidden,
  selected,
  field,
  onSelect,
  onScore,
  onReason,
  buttonRef,
  inputRef,
}: {
  index: number;
  criterion: CriterionInfo;
  grade: CriterionGrade | undefined;
  flags: readonly Flag[];
  /** Blind mode: the pre-grade is withheld. */
  hidden: boolean;
  selected: boolean;
  field: CriterionField;
  onSelect: () => void;
  onScore: (text: string) => void;
  onReason: (text: string) => void;
  buttonRef: Ref<HTMLButtonElement>;
  inputRef: Ref<HTMLInputElement>;
}) {
  const id = `criterion-${criterion.id}`;
  const scoreError = field.errors?.score;
  const reasonError = field.errors?.reason;
  return (
    <li
      className={selected ? 'criterion criterion-selected' : 'criterion'}
      aria-current={selected ? 'true' : undefined}
      data-criterion={criterion.id}
    >
      <div className="criterion-head">
        <button
          ref={buttonRef}
          type="button"
          className="criterion-title"
          onClick={onSelect}
          aria-describedby={`${id}-meta`}
          {...{ [CRITERION_BUTTON_ATTRIBUTE]: '' }}
        >
          <span className="criterion-number">{index + 1}.</span> {criterion.title}
        </button>
        <span className="criterion-meta" id={`${id}-meta`}>
          max {formatScore(criterion.max)} ·{' '}
          {criterion.source === 'check' ? `check${grade?.check ? ` (${grade.check})` : ''}` : 'LLM'}
        </span>
      </div>
      {!hidden && <PreGradeLine grade={grade} />}
      {!hidden && grade?.rationale && <p className="criterion-rationale">{grade.rationale}</p>}
      {!hidden && flags.length > 0 && (
        <ul className="flag-list">
          {flags.map((flag) => (
            <li key={`${flag.code}:${flag.message}`} className="flag">
              <span className="flag-code">{flag.code}</span> {flag.message}
            </li>
          ))}
        </ul>
      )}
      {!hidden && grade && <EvidenceList evidence={grade.evidence} label="Evidence" />}

      <div className="score-row">
        <label htmlFor={`${id}-score`}>Your score</label>
        <input
          ref={inputRef}
          id={`${id}-score`}
          className="score-input"
          type="number"
          inputMode="decimal"
          step={0.5}
          min={0}
          max={criterion.max}
          value={field.score}
          onChange={(event) => onScore(event.target.value)}
          onFocus={onSelect}
          aria-invalid={scoreError ? true : undefined}
          aria-describedby={scoreError ? `${id}-score-error` : undefined}
          data-testid={`score-${criterion.id}`}
        />
        <span className="muted">/ {formatScore(criterion.max)}</span>
        {field.saved && (
          <span className="saved-score">
            saved: {formatScore(field.saved.score)} by {field.saved.by}
          </span>
        )}
      </div>
      {scoreError && (
        <p className="field-error" id={`${id}-score-error`}>
          {scoreError}
        </p>
      )}
      {field.notice && (
        <p className="field-notice" role="note">
          {field.notice}
        </p>
      )}
      {field.change && (
        <div className="reason-row">
          <label htmlFor={`${id}-reason`}>
            Reason for changing {formatScore(field.change.from)} → {formatScore(field.change.to)}{' '}
            <span className="muted">(required)</span>
          </label>
          <input
            id={`${id}-reason`}
            className="reason-input"
            type="text"
            maxLength={MAX_REASON}
            value={field.reason}
            onChange={(event) => onReason(event.target.value)}
            onFocus={onSelect}
            aria-invalid={reasonError ? true : undefined}
            aria-describedby={reasonError ? `${id}-reason-error` : undefined}
            data-testid={`reason-${criterion.id}`}
          />
        </div>
      )}
      {reasonError && (
        <p className="field-error" id={`${id}-reason-error`}>
          {reasonError}
        </p>
      )}
    </li>
  );
}

function PreGradeLine({ grade }: { grade: CriterionGrade | undefined }) {
  if (!grade) return <p className="pregrade-line muted">No pre-grade for this criterion.</p>;
  switch (grade.status) {
    case 'scored':
      return (
        <p className="pregrade-line">
          Pre-grade{' '}
          <strong>
            {formatScore(grade.score)} / {formatScore(grade.max)}
          </strong>{' '}
          <span className="status status-scored">scored</span>
        </p>
      );
    case 'pending':
      return (
        <p className="pregrade-line">
          Pre-grade <strong>—</strong> <span className="status status-pending">pending</span>{' '}
          <span className="muted">no machine score</span>
        </p>
      );
    case 'failed':
      return (
        <p className="pregrade-line">
          Pre-grade <strong>—</strong> <span className="status status-failed">failed</span>{' '}
          <span className="muted">no machine score</span>
        </p>
      );
    default: {
      const unreachable: never = grade.status;
      throw new Error(`Unknown criterion status ${String(unreachable)}`);
    }
  }
}
