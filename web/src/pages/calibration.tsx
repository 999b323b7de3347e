/**
 * /calibration (admins): how far the pre-grader can be trusted, from the reviews confirmed so far. Per
 * exercise, a table of figures per criterion and overall (server/review/calibration.ts says how each is
 * computed), and per criterion a heatmap of pre-grade against the reviewer's score. ?assessment=<id> narrows
 * it to one assessment, and the export links follow the same choice.
 */

import { useCallback, useRef } from 'react';
import { useLocation, useSearch } from 'wouter';
import { exportUrl } from '../api';
import {
  type Calibration,
  type ExerciseCalibration,
  fetchAssessmentOptions,
  fetchCalibration,
} from '../calibration-api';
import { AssessmentFilter } from '../components/calibration/assessment-filter';
import { FiguresTable } from '../components/calibration/figures-table';
import { Heatmap, HeatmapLegend } from '../components/calibration/heatmap';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { useDocumentTitle } from '../use-document-title';
import { useResource } from '../use-resource';
import '../styles/author.css';

export function CalibrationPage() {
  useDocumentTitle('Calibration');
  const [location, navigate] = useLocation();
  const assessment = new URLSearchParams(useSearch()).get('assessment') || null;
  const load = useCallback((signal: AbortSignal) => fetchCalibration(assessment, signal), [assessment]);
  const calibration = useResource(load);
  const options = useResource(fetchAssessmentOptions);
  // While another assessment's figures load, the last ones stay (dimmed) rather than the page collapsing.
  const last = useRef<Calibration | null>(null);
  if (calibration.state === 'ready') last.current = calibration.data;
  const shown = calibration.state === 'ready' ? calibration.data : last.current;
  // Signed out or not an admin: the page says so once, without a filter and links that cannot work.
  const denied = calibration.state === 'failed' && [401, 403].includes(calibration.failure.status);

  const select = (next: string | null) =>
    navigate(next ? `${location}?${new URLSearchParams({ assessment: next })}` : location, { replace: true });

  return (
    <>
      <div className="page-heading">
        <h1>Calibration</h1>
        {shown && (
          <p className="count" data-testid="reviewed-count">
            {shown.reviewed === 1 ? '1 confirmed submission' : `${shown.reviewed} confirmed submissions`} compared
          </p>
        )}
      </div>
      <div className="calibration-intro">
        <p>
          Each confirmed review is compared with its pre-grade, criterion by criterion. <strong>Exact</strong> and{' '}
          <strong>within one point</strong>: how often the two matched. <strong>Bias</strong>: the mean of pre-grade −
          reviewer’s score (+ the pre-grader is generous, − harsh).
        </p>
        <p>
          <strong>κ</strong> (quadratic weighted kappa): 1 is perfect agreement, 0 what chance gives; 0.40 or less reads
          poor, to 0.60 moderate, to 0.80 substantial, above strong (after Landis &amp; Koch, 1977). Pending or failed
          LLM scores are left out and counted.
        </p>
      </div>
      {!denied && (
        <div className="calibration-toolbar">
          <AssessmentFilter options={options} selected={assessment} onSelect={select} />
          <p className="calibration-export">
            Export the scores behind these figures:{' '}
            <a href={exportUrl('csv', assessment)} download>
              CSV
            </a>{' '}
            ·{' '}
            <a href={exportUrl('json', assessment)} download>
              JSON
            </a>
          </p>
        </div>
      )}
      <div className="status-slot">
        {calibration.state === 'loading' && <Loading>{shown ? 'Updating…' : 'Loading the calibration…'}</Loading>}
      </div>
      {calibration.state === 'failed' && <LoadFailure failure={calibration.failure} />}
      {shown && calibration.state !== 'failed' && (
        <div className={calibration.state === 'loading' ? 'calibration-body is-updating' : 'calibration-body'}>
          {shown.exercises.length === 0 ? (
            <div className="empty" data-testid="calibration-empty">
              <p>No confirmed reviews yet: calibration appears once reviewers confirm submissions.</p>
              {assessment && <p>This is one assessment: choose “All assessments” to see the others.</p>}
            </div>
          ) : (
            <>
              <HeatmapLegend />
              {shown.exercises.map((exercise) => (
                <ExerciseSection key={exercise.exerciseId} exercise={exercise} />
              ))}
            </>
          )}
        </div>
      )}
    </>
  );
}

function ExerciseSection({ exercise }: { exercise: ExerciseCalibration }) {
  const headingId = `calibration-${exercise.exerciseId}`;
  return (
    <section className="calibration-exercise" aria-labelledby={headingId} data-exercise={exercise.exerciseId}>
      <h2 id={headingId}>
        {exercise.title} <code className="muted">{exercise.exerciseId}</code>
      </h2>
      <p className="count">
        {exercise.reviewed === 1 ? '1 confirmed submission' : `${exercise.reviewed} confirmed submissions`}
      </p>
      <FiguresTable exercise={exercise} />
      <div className="heatmaps">
        {exercise.criteria.map((criterion) => (
          <Heatmap key={`${criterion.criterionId}:${criterion.max}`} criterion={criterion} />
        ))}
      </div>
    </section>
  );
}
