/**
 * An assessment's review settings (docs/review.md): anonymous candidates and blind scoring, each a checkbox
 * saved as soon as it changes, with a line saying what it does.
 */
import { useEffect, useId, useState } from 'react';
import { changeSettings, type Settings } from '../../admin-api';
import { ApiFailure } from '../../api-failure';
import { FieldError, type Problem } from './page-alert';

const SAVED_SHOWN_MS = 4000;

const SETTINGS = [
  {
    key: 'anonymous',
    label: 'Anonymous candidates',
    explanation:
      'Reviewers see “Candidate” and a code instead of the name and email until every submission of the attempt is confirmed.',
  },
  {
    key: 'blind',
    label: 'Blind scoring',
    explanation:
      'Reviewers see the pre-grade only after saving their own score for every criterion, so their scores are not anchored on it.',
  },
] as const satisfies readonly { key: keyof Settings; label: string; explanation: string }[];

export function ReviewSettings({
  assessmentId,
  settings,
  onSaved,
  onProblem,
}: {
  assessmentId: string;
  settings: Settings;
  onSaved: (settings: Settings) => void;
  onProblem: (problem: Problem | null) => void;
}) {
  return (
    <fieldset className="admin-review-settings">
      <legend>Review settings</legend>
      {SETTINGS.map((s) => (
        <SettingToggle
          key={s.key}
          label={s.label}
          explanation={s.explanation}
          checked={settings[s.key]}
          save={async (value) => {
            try {
              onSaved(await changeSettings(assessmentId, { [s.key]: value }));
              onProblem(null);
              return null;
            } catch (error) {
              if (!(error instanceof ApiFailure)) throw error;
              onProblem({ context: `Could not change “${s.label}”.`, failure: error });
              return error.message;
            }
          }}
        />
      ))}
    </fieldset>
  );
}

function SettingToggle({
  label,
  explanation,
  checked,
  save,
}: {
  label: string;
  explanation: string;
  checked: boolean;
  /** Saves the value; answers the problem to show next to the checkbox, or null. */
  save: (value: boolean) => Promise<string | null>;
}) {
  const id = useId();
  const [pending, setPending] = useState<boolean | null>(null);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!saved) return;
    const timer = setTimeout(() => setSaved(false), SAVED_SHOWN_MS);
    return () => clearTimeout(timer);
  }, [saved]);

  async function change(value: boolean) {
    if (pending !== null) return;
    setPending(value);
    setSaved(false);
    setError(null);
    const problem = await save(value);
    setPending(null);
    setError(problem);
    setSaved(problem === null);
  }

  return (
    <div className="admin-setting">
      <input
        id={id}
        type="checkbox"
        checked={pending ?? checked}
        onChange={(event) => void change(event.target.checked)}
        aria-describedby={`${id}-explanation${error ? ` ${id}-error` : ''}`}
      />
      <div>
        <label htmlFor={id}>{label}</label>
        <span className="admin-save-note" role="status">
          {pending !== null ? 'Saving…' : saved ? 'Saved' : ''}
        </span>
        <p id={`${id}-explanation`} className="admin-hint">
          {explanation}
        </p>
        <FieldError id={`${id}-error`} message={error} />
      </div>
    </div>
  );
}
