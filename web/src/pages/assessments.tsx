/**
 * /assessments (admin): the assessments, newest first, with where their candidates stand, and the form that
 * creates one from the exercise library (it opens by itself while there is none).
 */
import { useId, useMemo, useState } from 'react';
import { useLocation } from 'wouter';
import { listAssessments } from '../admin-api';
import { pickableExercises } from '../admin-exercise-order';
import { newestFirst } from '../admin-format';
import { listExercises } from '../api';
import { AssessmentTable } from '../components/admin/assessment-table';
import { NewAssessmentForm } from '../components/admin/new-assessment-form';
import { PageAlert, type Problem } from '../components/admin/page-alert';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { useDocumentTitle } from '../use-document-title';
import { useResource } from '../use-resource';
import '../styles/admin.css';

export function AssessmentsPage() {
  useDocumentTitle('Assessments');
  const [, navigate] = useLocation();
  const assessments = useResource(listAssessments);
  const library = useResource(listExercises);
  const [formOpen, setFormOpen] = useState<boolean | null>(null);
  const [problem, setProblem] = useState<Problem | null>(null);
  const formId = useId();

  const titles = useMemo(
    () =>
      new Map(
        library.state === 'ready' ? library.data.flatMap((e) => (e.title ? [[e.id, e.title] as const] : [])) : [],
      ),
    [library],
  );
  const pickable = useMemo(() => (library.state === 'ready' ? pickableExercises(library.data) : []), [library]);
  // Until the admin opens or closes it, the form is open exactly when there is nothing to list.
  const open = formOpen ?? (assessments.state === 'ready' && assessments.data.length === 0);

  return (
    <>
      <div className="page-heading">
        <h1>Assessments</h1>
        {assessments.state === 'ready' && (
          <p className="count">
            {assessments.data.length === 1 ? '1 assessment' : `${assessments.data.length} assessments`}
          </p>
        )}
        <button
          type="button"
          className="button button-primary admin-heading-action"
          aria-expanded={open}
          aria-controls={formId}
          onClick={() => setFormOpen(!open)}
        >
          New assessment
        </button>
      </div>
      <PageAlert problem={problem} />
      {/* Hidden rather than removed when closed, so that what the admin typed is still there when reopened. */}
      <div id={formId} hidden={!open} className="admin-form-panel">
        {library.state === 'loading' && <Loading>Loading the exercise library…</Loading>}
        {library.state === 'failed' && <LoadFailure failure={library.failure} />}
        {library.state === 'ready' && (
          <NewAssessmentForm
            library={pickable}
            onProblem={setProblem}
            onCreated={(id) => navigate(`/assessments/${encodeURIComponent(id)}`)}
          />
        )}
      </div>
      {assessments.state === 'loading' && <Loading>Loading the assessments…</Loading>}
      {assessments.state === 'failed' && <LoadFailure failure={assessments.failure} />}
      {assessments.state === 'ready' &&
        (assessments.data.length === 0 ? (
          <p className="empty">
            No assessments yet. Create one with the form above: name it, pick exercises from the library, and then
            invite candidates from its page.
          </p>
        ) : (
          <AssessmentTable assessments={newestFirst(assessments.data)} titles={titles} />
        ))}
    </>
  );
}
