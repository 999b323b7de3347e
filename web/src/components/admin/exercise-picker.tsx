/**
 * Choosing an assessment's exercises and their order. The library is a list of checkboxes (valid exercises
 * only); the chosen ones form an ordered list with Move up / Move down / Remove buttons. Focus follows the
 * exercise being moved (the same button, pressed again, moves it further), and a status line says where it
 * went, so that the order can be set by keyboard alone.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { type Direction, moveItem, type Pickable } from '../../admin-exercise-order';
import { isExerciseKind, kindLabel } from '../../exercise-kind';

type Action = Direction | 'remove';
type FocusTarget = { id: string; action: Action } | { id: null; action: 'library' };

export function ExercisePicker({
  library,
  chosen,
  onChange,
  errorId,
  invalid,
}: {
  library: Pickable[];
  /** Ids, in the order candidates take them. */
  chosen: string[];
  onChange: (chosen: string[]) => void;
  /** The id of the message about this field, when there is one. */
  errorId: string | undefined;
  invalid: boolean;
}) {
  const id = useId();
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const firstCheckbox = useRef<HTMLInputElement>(null);
  const [focusTarget, setFocusTarget] = useState<FocusTarget | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const byId = new Map(library.map((e) => [e.id, e]));
  const titleOf = (exerciseId: string) => byId.get(exerciseId)?.title ?? exerciseId;

  // React moves list items' DOM nodes when the order changes, which drops the focus: put it back.
  useEffect(() => {
    if (!focusTarget) return;
    if (focusTarget.id === null) firstCheckbox.current?.focus();
    else buttons.current.get(`${focusTarget.id}:${focusTarget.action}`)?.focus();
    setFocusTarget(null);
  }, [focusTarget]);

  function toggle(exerciseId: string, include: boolean) {
    onChange(include ? [...chosen, exerciseId] : chosen.filter((c) => c !== exerciseId));
    setAnnouncement(
      include
        ? `${titleOf(exerciseId)} added as exercise ${chosen.length + 1} of ${chosen.length + 1}.`
        : `${titleOf(exerciseId)} removed.`,
    );
  }

  function move(index: number, direction: Direction) {
    const next = moveItem(chosen, index, direction);
    const exerciseId = chosen[index];
    if (exerciseId === undefined) return;
    const newIndex = next.indexOf(exerciseId);
    // At either end the button is marked disabled but keeps the focus (aria-disabled), and does nothing.
    if (newIndex === index) return;
    onChange(next);
    setFocusTarget({ id: exerciseId, action: direction });
    setAnnouncement(`${titleOf(exerciseId)} moved to position ${newIndex + 1} of ${next.length}.`);
  }

  function remove(index: number) {
    const exerciseId = chosen[index];
    if (exerciseId === undefined) return;
    const next = chosen.filter((c) => c !== exerciseId);
    onChange(next);
    // The row is gone: the exercise that took its place (or the one before) keeps the focus in the list.
    const neighbour = next[index] ?? next[index - 1];
    setFocusTarget(neighbour ? { id: neighbour, action: 'remove' } : { id: null, action: 'library' });
    setAnnouncement(`${titleOf(exerciseId)} removed.`);
  }

  const setButton = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  return (
    <fieldset
      className="admin-exercise-picker"
      aria-describedby={errorId}
      aria-invalid={invalid ? true : undefined}
      data-testid="exercise-picker"
    >
      <legend>Exercises</legend>
      <div className="admin-picker-columns">
        <div>
          <h3 id={`${id}-library`}>Library</h3>
          <ul className="admin-picker-library" aria-labelledby={`${id}-library`}>
            {library.map((exercise, index) => (
              <li key={exercise.id}>
                <input
                  id={`${id}-${exercise.id}`}
                  ref={index === 0 ? firstCheckbox : undefined}
                  type="checkbox"
                  checked={chosen.includes(exercise.id)}
                  onChange={(event) => toggle(exercise.id, event.target.checked)}
                />
                <label htmlFor={`${id}-${exercise.id}`}>
                  <span className="admin-picker-title">{exercise.title}</span>
                  <ExerciseFacts exercise={exercise} />
                </label>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h3 id={`${id}-chosen`}>In this assessment, in order</h3>
          {chosen.length === 0 ? (
            <p className="admin-picker-empty">
              Tick exercises in the library: candidates take them in the order listed here.
            </p>
          ) : (
            <ol className="admin-picker-chosen" aria-labelledby={`${id}-chosen`} data-testid="chosen-exercises">
              {chosen.map((exerciseId, index) => {
                const exercise = byId.get(exerciseId);
                const title = titleOf(exerciseId);
                return (
                  <li key={exerciseId} data-exercise={exerciseId}>
                    <span className="admin-picker-position" aria-hidden="true">
                      {index + 1}.
                    </span>
                    <span className="admin-picker-item">
                      <span className="admin-picker-title">{title}</span>
                      {exercise && <ExerciseFacts exercise={exercise} />}
                    </span>
                    <span className="admin-picker-buttons">
                      <button
                        type="button"
                        ref={setButton(`${exerciseId}:up`)}
                        className="button button-quiet button-small"
                        aria-label={`Move ${title} up`}
                        aria-disabled={index === 0}
                        onClick={() => move(index, 'up')}
                      >
                        ↑ Up
                      </button>
                      <button
                        type="button"
                        ref={setButton(`${exerciseId}:down`)}
                        className="button button-quiet button-small"
                        aria-label={`Move ${title} down`}
                        aria-disabled={index === chosen.length - 1}
                        onClick={() => move(index, 'down')}
                      >
                        ↓ Down
                      </button>
                      <button
                        type="button"
                        ref={setButton(`${exerciseId}:remove`)}
                        className="button button-quiet button-small"
                        aria-label={`Remove ${title}`}
                        onClick={() => remove(index)}
                      >
                        Remove
                      </button>
                    </span>
                  </li>
                );
              })}
            </ol>
          )}
        </div>
      </div>
      <p className="visually-hidden" role="status">
        {announcement}
      </p>
    </fieldset>
  );
}

function ExerciseFacts({ exercise }: { exercise: Pickable }) {
  return (
    <span className="admin-picker-facts">
      {exercise.kind && isExerciseKind(exercise.kind) ? kindLabel(exercise.kind) : exercise.kind} · {exercise.minutes}{' '}
      min · <code>{exercise.id}</code>
    </span>
  );
}
