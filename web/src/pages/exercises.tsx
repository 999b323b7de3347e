/** /exercises: the exercise library with each exercise's kind, rubric, version and check status. */
import { listExercises } from '../api';
import { ExerciseTable } from '../components/exercise-table';
import { LoadFailure } from '../components/load-failure';
import { Loading } from '../components/loading';
import { useDocumentTitle } from '../use-document-title';
import { useResource } from '../use-resource';

export function ExercisesPage() {
  useDocumentTitle('Exercises');
  const library = useResource(listExercises);
  return (
    <>
      <div className="page-heading">
        <h1>Exercises</h1>
        {library.state === 'ready' && <LibraryCount exercises={library.data} />}
      </div>
      {library.state === 'loading' && <Loading>Loading the exercise library…</Loading>}
      {library.state === 'failed' && <LoadFailure failure={library.failure} />}
      {library.state === 'ready' &&
        (library.data.length === 0 ? (
          <p className="empty">
            The library is empty. Add an exercise under <code>exercises/</code> and check it with{' '}
            <code>audition exercise check</code>.
          </p>
        ) : (
          <ExerciseTable exercises={library.data} />
        ))}
    </>
  );
}

function LibraryCount({ exercises }: { exercises: { status: 'ok' | 'invalid' }[] }) {
  const invalid = exercises.filter((e) => e.status === 'invalid').length;
  return (
    <p className="count">
      {exercises.length === 1 ? '1 exercise' : `${exercises.length} exercises`}
      {invalid > 0 && `, ${invalid} with problems`}
    </p>
  );
}
