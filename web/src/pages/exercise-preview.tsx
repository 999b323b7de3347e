/** /exercises/:id: one exercise, read-only, exactly as a candidate will see it. */
import { useCallback } from 'react';
import { Link } from 'wouter';
import { type CandidateExercise, previewExercise } from '../api';
import { Brief } from '../components/brief';
import { CodeFile } from '../components/code-file';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { kindLabel } from '../exercise-kind';
import { useDocumentTitle } from '../use-document-title';
import { useResource } from '../use-resource';

export function ExercisePreviewPage({ id }: { id: string }) {
  const load = useCallback((signal: AbortSignal) => previewExercise(id, signal), [id]);
  const exercise = useResource(load);
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
      {exercise.state === 'ready' && <CandidatePreview exercise={exercise.data} />}
    </>
  );
}

function CandidatePreview({ exercise }: { exercise: CandidateExercise }) {
  return (
    <>
      <p className="preview-note">Preview: this is what a candidate sees. Nothing here can be changed.</p>
      <article className="candidate-view" aria-labelledby="exercise-title">
        <header>
          <h1 id="exercise-title">{exercise.title}</h1>
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
