/**
 * The bar that stays on screen during the attempt: the assessment, the time left on the server's clock,
 * whether everything is saved, and Finish; under it, the warnings at 10 and 2 minutes, and the notices that
 * must be seen wherever the candidate has scrolled to (another tab saved first, a refused save, the deadline).
 */
import type { ReactNode, Ref } from 'react';
import type { OverallSaveStatus } from '../../autosave';
import type { ServerClock } from '../../server-clock';
import { formatCountdown } from '../../take-format';
import { useServerNow } from '../../use-server-now';

const TEN_MINUTES = 10 * 60_000;
const TWO_MINUTES = 2 * 60_000;

const SAVE_LABELS = {
  saved: 'Saved',
  saving: 'Saving…',
  offline: 'Offline — will retry',
  rejected: 'Not saved — see the exercise',
} as const satisfies Record<OverallSaveStatus, string>;

export function AttemptHeader({
  name,
  clock,
  deadlineAt,
  saveStatus,
  finishing,
  onFinish,
  children,
  exerciseNotices,
}: {
  name: string;
  clock: ServerClock;
  /** The server's deadline, epoch milliseconds. */
  deadlineAt: number;
  saveStatus: OverallSaveStatus;
  finishing: boolean;
  onFinish: () => void;
  /** The attempt's own notices (the deadline, a failed finish). */
  children: ReactNode;
  /** Where the current exercise puts its notices (through a portal). */
  exerciseNotices: Ref<HTMLDivElement>;
}) {
  const msLeft = deadlineAt - useServerNow(clock);
  const timeUp = msLeft <= 0;
  const warning = deadlineWarning(msLeft);
  return (
    <header className="take-header">
      <a className="skip-link" href="#main">
        Skip to the exercise
      </a>
      <div className="take-header-bar">
        <p className="take-header-name">
          <span className="brand">Audition</span> <span className="muted">·</span> {name}
        </p>
        <p className={`time-left${msLeft <= TEN_MINUTES ? ' time-left-low' : ''}`}>
          <span className="muted">{timeUp ? 'Time is up' : 'Time left'}</span>{' '}
          {/* role=timer is not announced on every tick; the warnings below are. */}
          <span role="timer" data-testid="time-left" aria-label={`Time left: ${spokenTime(msLeft)}`}>
            {formatCountdown(msLeft)}
          </span>
        </p>
        <p
          className={`save-state save-state-${saveStatus}`}
          aria-live="polite"
          data-testid="save-state"
          data-state={saveStatus}
        >
          {SAVE_LABELS[saveStatus]}
        </p>
        <button
          type="button"
          className="button button-primary"
          onClick={onFinish}
          disabled={finishing || timeUp}
          data-testid="finish-button"
        >
          {finishing ? 'Finishing…' : 'Finish'}
        </button>
      </div>
      <div
        className={`deadline-warning${warning ? ' deadline-warning-shown' : ''}`}
        aria-live="assertive"
        data-testid="deadline-warning"
      >
        {warning}
      </div>
      <div className="header-notices">
        {children}
        <div ref={exerciseNotices} />
      </div>
    </header>
  );
}

/** The text of the warning banner; it changes only when a threshold is crossed, so it is announced once. */
function deadlineWarning(msLeft: number): string | null {
  if (msLeft <= 0) return 'Time is up. Your drafts are being submitted as they are.';
  if (msLeft <= TWO_MINUTES)
    return 'Less than 2 minutes left. Your drafts will be submitted automatically at the deadline.';
  if (msLeft <= TEN_MINUTES)
    return 'Less than 10 minutes left. Your drafts will be submitted automatically at the deadline.';
  return null;
}

function spokenTime(ms: number): string {
  const minutes = Math.max(0, Math.ceil(ms / 60_000));
  if (minutes >= 60) {
    const hours = Math.floor(minutes / 60);
    const rest = minutes % 60;
    return `${hours} hour${hours === 1 ? '' : 's'}${rest ? ` ${rest} minute${rest === 1 ? '' : 's'}` : ''}`;
  }
  return `about ${minutes} minute${minutes === 1 ? '' : 's'}`;
}
