/**
 * /exercises/:id: one exercise, read-only, exactly as a candidate will see it. Authors and admins also get
 * its key (the bug, the key's items, the rubric) and "try an answer", as tabs (?view=key, ?view=try, so that
 * a reload or a shared link opens the same one). Reviewers see the candidate's view only: the key is not
 * theirs to see before they review (docs/review.md, "Roles"), and the server refuses it to them anyway.
 */
import { useCallback } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { type CandidateExercise, previewExercise } from '../api';
import { fetchKey } from '../author-api';
import { KeyView } from '../components/author/key-view';
import { TryAnswer } from '../components/author/try-answer';
import { type Tab, ViewTabs } from '../components/author/view-tabs';
import { Brief } from '../components/brief';
import { CodeFile } from '../components/code-file';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { kindLabel } from '../exercise-kind';
import { hasRole, useStaff } from '../staff-context';
import { useDocumentTitle } from '../use-document-title';
import { type Resource, useResource } from '../use-resource';
import '../styles/author.css';

export function ExercisePreviewPage({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => previewExercise(id, signal), [id]);
  const exercise = useResource(load);
  const staff = useStaff();
  const authoring = hasRole(staff, 'admin', 'author');
  useDocumentTitle(exercise.state === 'ready' ? `Preview: ${exercise.data.title}` : 'Preview');
  return (
    <>
      <p className="back">
        <Link href="/exercises">← All exercises</Link>
      </p>
      {exercise.state === 'loading' && <Loading>Loading the exercise…</Loading>}
      {exercise.state === 'failed' && (
        <>
          <h1>
            Exercise <code>{id}</code>
          </h1>
          <LoadFailure failure={exercise.failure} />
        </>
      )}
      {exercise.state === 'ready' &&
        (authoring ? <AuthorPreview exercise={exercise.data} /> : <CandidatePreview exercise={exercise.data} />)}
    </>
  );
}

const VIEWS = ['candidate', 'key', 'try'] as const;
type View = (typeof VIEWS)[number];

function AuthorPreview({ exercise }: { exercise: CandidateExercise }) {
  const [location, navigate] = useLocation();
  const requested = new URLSearchParams(useSearch()).get('view');
  const view: View = VIEWS.find((v) => v === requested) ?? 'candidate';
  const load = useCallback((signal: AbortSignal) => fetchKey(exercise.id, signal), [exercise.id]);
  const key = useResource(load);

  const tabs: Tab<View>[] = [
    { id: 'candidate', label: 'Candidate view', panel: () => <CandidatePreview exercise={exercise} titleLevel={2} /> },
    {
      id: 'key',
      label: 'Key',
      panel: () => (key.state === 'ready' ? <KeyView data={key.data} /> : <KeyPending resource={key} />),
    },
    {
      id: 'try',
      label: 'Try an answer',
      panel: () =>
        key.state === 'ready' ? (
          <TryAnswer exerciseId={exercise.id} kind={exercise.kind} data={key.data} />
        ) : (
          <KeyPending resource={key} />
        ),
    },
  ];

  return (
    <>
      <header className="page-heading author-heading">
        <h1>{exercise.title}</h1>
        <p className="count">
          <code>{exercise.id}</code> · {kindLabel(exercise.kind)} · {exercise.minutes} minutes
        </p>
      </header>
      <ViewTabs
        label="Views of the exercise"
        tabs={tabs}
        selected={view}
        onSelect={(next) => navigate(next === 'candidate' ? location : `${location}?view=${next}`, { replace: true })}
      />
    </>
  );
}

function KeyPending({ resource }: { resource: Resource<unknown> }) {
  if (resource.state === 'failed') return <LoadFailure failure={resource.failure} />;
  return <Loading>Loading the key…</Loading>;
}

function CandidatePreview({ exercise, titleLevel = 1 }: { exercise: CandidateExercise; titleLevel?: 1 | 2 }) {
  // Under the author's tabs the page already has its h1: the candidate's title keeps its look, one level down.
  const Title = titleLevel === 1 ? 'h1' : 'h2';
  return (
    <>
      <p className="preview-note">Preview: this is what a candidate sees. Nothing here can be changed.</p>
      <article className="candidate-view" aria-labelledby="exercise-title">
        <header>
          <Title id="exercise-title" className="candidate-title">
            {exercise.title}
          </Title>
          <p className="muted">
            {kindLabel(exercise.kind)} · {exercise.minutes} minutes
          </p>
        </header>
        <Brief markdown={exercise.brief} />
        <ExerciseMaterial exercise={exercise} />
      </article>
    </>
  );
}

/** What the candidate works on besides the brief, which depends on the kind of exercise. */
function ExerciseMaterial({ exercise }: { exercise: CandidateExercise }) {
  switch (exercise.kind) {
    case 'spec':
      return null;
    case 'bug-hunt':
      return (
        <section aria-labelledby="code-heading">
          <h2 id="code-heading">The assistant’s code</h2>
          {exercise.files.map((file) => (
            <CodeFile key={file.name} file={file} />
          ))}
        </section>
      );
    default: {
      const unreachable: never = exercise.kind;
      throw new Error(`No preview for exercise kind ${String(unreachable)}`);
    }
  }
}
