/**
 * "New assessment": a name, exercises from the library in the order candidates take them, and a time limit
 * that defaults to the sum of the exercises' minutes. On success the page goes to the new assessment.
 */
import { type FormEvent, useId, useState } from 'react';
import { createAssessment } from '../../admin-api';
import { defaultMinutes, type Pickable, readMinutes } from '../../admin-exercise-order';
import { fieldMessage } from '../../admin-form-errors';
import { ApiFailure } from '../../api-failure';
import { formatMinutes } from '../../take-format';
import { ExercisePicker } from './exercise-picker';
import { FieldError, fieldsProblem, type Problem } from './page-alert';
import { useFocusInvalid } from './use-focus-invalid';

type Problems = { name: string | null; exercises: string | null; minutes: string | null };
const NO_PROBLEMS: Problems = { name: null, exercises: null, minutes: null };

export function NewAssessmentForm({
  library,
  onCreated,
  onProblem,
}: {
  library: Pickable[];
  onCreated: (id: string) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  const id = useId();
  const [name, setName] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [minutesText, setMinutesText] = useState('');
  const [sending, setSending] = useState(false);
  const [problems, setProblems] = useState<Problems>(NO_PROBLEMS);
  const { formRef, focusInvalid } = useFocusInvalid();

  const byId = new Map(library.map((e) => [e.id, e]));
  const sum = defaultMinutes(chosen.flatMap((c) => byId.get(c) ?? []));

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending) return;
    const minutes = readMinutes(minutesText);
    const found: Problems = {
      name: name.trim() === '' ? 'Give the assessment a name, like “Backend engineer”.' : null,
      exercises: chosen.length === 0 ? 'Choose at least one exercise from the library.' : null,
      minutes: minutes.ok ? null : minutes.message,
    };
    setProblems(found);
    const before = fieldsProblem('The assessment is not created yet: fix the fields marked below.', [
      found.name,
      found.exercises,
      found.minutes,
    ]);
    onProblem(before);
    if (before || !minutes.ok) {
      focusInvalid();
      return;
    }
    setSending(true);
    try {
      const created = await createAssessment({
        name: name.trim(),
        exerciseIds: chosen,
        ...(minutes.minutes !== undefined ? { minutes: minutes.minutes } : {}),
      });
      onProblem(null);
      onCreated(created.id);
    } catch (error) {
      setSending(false);
      if (!(error instanceof ApiFailure)) throw error;
      setProblems({
        name: fieldMessage(error, 'name'),
        // An unknown or repeated exercise is refused with a message, without an issue path: it is about this field.
        exercises: fieldMessage(error, 'exerciseIds') ?? (error.details.issues ? null : error.message),
        minutes: fieldMessage(error, 'minutes'),
      });
      onProblem({ context: 'Could not create the assessment.', failure: error });
      focusInvalid();
    }
  }

  const describedBy = (field: keyof Problems, ...more: string[]) =>
    [problems[field] ? `${id}-${field}-error` : null, ...more].filter(Boolean).join(' ') || undefined;

  return (
    <form ref={formRef} className="admin-form" onSubmit={submit} noValidate aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>New assessment</h2>
      <div className="admin-field">
        <label htmlFor={`${id}-name`}>Name</label>
        <input
          id={`${id}-name`}
          className="admin-input-wide"
          value={name}
          maxLength={200}
          required
          autoComplete="off"
          onChange={(event) => setName(event.target.value)}
          aria-invalid={problems.name ? true : undefined}
          aria-describedby={describedBy('name', `${id}-name-hint`)}
        />
        <p id={`${id}-name-hint`} className="admin-hint">
          Candidates see it on their invitation page.
        </p>
        <FieldError id={`${id}-name-error`} message={problems.name} />
      </div>
      {library.length === 0 ? (
        <p className="empty">
          No exercise in the library is valid: fix them (see Exercises, or run <code>audition exercise check</code>)
          before creating an assessment.
        </p>
      ) : (
        <ExercisePicker
          library={library}
          chosen={chosen}
          onChange={setChosen}
          errorId={problems.exercises ? `${id}-exercises-error` : undefined}
          invalid={problems.exercises !== null}
        />
      )}
      <FieldError id={`${id}-exercises-error`} message={problems.exercises} />
      <div className="admin-field">
        <label htmlFor={`${id}-minutes`}>Time limit in minutes</label>
        <input
          id={`${id}-minutes`}
          className="admin-input-narrow"
          inputMode="numeric"
          autoComplete="off"
          value={minutesText}
          placeholder={`default: ${sum}`}
          onChange={(event) => setMinutesText(event.target.value)}
          aria-invalid={problems.minutes ? true : undefined}
          aria-describedby={describedBy('minutes', `${id}-minutes-hint`)}
        />
        <p id={`${id}-minutes-hint`} className="admin-hint">
          Leave it empty for the exercises’ own total
          {sum > 0 ? ` (${formatMinutes(sum)})` : ''}. The time runs from when the candidate starts.
        </p>
        <FieldError id={`${id}-minutes-error`} message={problems.minutes} />
      </div>
      <button type="submit" className="button button-primary" disabled={sending}>
        {sending ? 'Creating…' : 'Create assessment'}
      </button>
    </form>
  );
}
