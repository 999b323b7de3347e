/**
 * The top of the review page: who (anonymous until the attempt is fully reviewed, when the assessment says
 * so), which exercise, when it arrived and how late, the submission's state in words, and where the review
 * stands ("confirmed by X at …", "in review, last saved by Y at …").
 */
import type { ReactNode } from 'react';
import { kindLabel } from '../../exercise-kind';
import type { SubmissionDetail } from '../../review-api';
import { exactTime, formatDelay, relativeTime, stateLabel } from '../../review-format';

export function ReviewHeader({ detail, now, side }: { detail: SubmissionDetail; now: number; side: ReactNode }) {
  const { candidate, exercise, assessment, review } = detail;
  return (
    <header className="review-header">
      <div className="review-header-main">
        <h1>
          {candidate.label} <span className="muted">·</span> {exercise.title}
        </h1>
        <p className="muted">
          {assessment.name} · {kindLabel(exercise.kind)} · submitted{' '}
          <time dateTime={detail.submittedAt} title={exactTime(detail.submittedAt)}>
            {relativeTime(detail.submittedAt, now)}
          </time>{' '}
          {detail.lateMs > 0 ? (
            <span className="late" title={`Deadline: ${exactTime(detail.deadlineAt)}`}>
              late by {formatDelay(detail.lateMs)}
            </span>
          ) : (
            <span>on time</span>
          )}
        </p>
        <p className="candidate-line" data-testid="candidate">
          {candidate.hidden ? (
            <span className="muted">
              Name and email hidden until every exercise of this attempt is confirmed (anonymous review).
            </span>
          ) : (
            <>
              {candidate.name && <span>{candidate.name}</span>}
              {candidate.email && <span className="muted"> &lt;{candidate.email}&gt;</span>}
            </>
          )}
          {assessment.blind && <span className="badge badge-open"> blind review</span>}
        </p>
        <p className="review-state-line" data-testid="review-state">
          <span className={`state state-${detail.state}`}>{stateLabel(detail.state)}</span>
          {review.state === 'confirmed' && review.confirmedAt
            ? ` by ${review.confirmedBy ?? 'a reviewer'} at ${exactTime(review.confirmedAt)}`
            : review.state === 'in_review' && review.updatedAt
              ? `, last saved by ${review.updatedBy ?? 'a reviewer'} at ${exactTime(review.updatedAt)}`
              : ' · not reviewed yet'}
        </p>
      </div>
      <div className="review-header-side">{side}</div>
    </header>
  );
}
