/**
 * The keyboard shortcuts of the review queue and the review page, as pure functions from a key press to an
 * action, so that the rules (and the list the page shows) live in one place. A shortcut never fires while
 * the reviewer types in a field, except Ctrl+Enter (confirm), Ctrl+S (save) and Escape (back to the list).
 */

/** The parts of a KeyboardEvent the mapping reads, plus whether focus is in a field that takes typing. */
export type KeyPress = {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  typing: boolean;
  /** Focus is on a button or link that Enter activates (a criterion's own title button does not count). */
  onControl: boolean;
};

export type ReviewAction =
  | { type: 'next-criterion' }
  | { type: 'previous-criterion' }
  /** Focus the selected criterion's score field; a digit then goes into it (the browser types it there). */
  | { type: 'focus-score' }
  | { type: 'confirm' }
  | { type: 'save' }
  | { type: 'next-submission' }
  | { type: 'toggle-shortcuts' }
  | { type: 'leave-field' };

export type QueueAction = { type: 'next-row' } | { type: 'previous-row' } | { type: 'open-row' };

/** The shortcuts as the page lists them (the review page's "Shortcuts" box). */
export const REVIEW_SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ['j', '↓'], does: 'next criterion' },
  { keys: ['k', '↑'], does: 'previous criterion' },
  { keys: ['0–9', 'Enter'], does: 'score the selected criterion (a digit is typed into its score)' },
  { keys: ['Tab'], does: 'from the score to its reason, then on to the note and the buttons' },
  { keys: ['Esc'], does: 'leave a field, back to the criteria' },
  { keys: ['Ctrl+Enter', 'c'], does: 'confirm the review' },
  { keys: ['Ctrl+S'], does: 'save without confirming' },
  { keys: ['n'], does: 'next submission waiting for review' },
  { keys: ['?'], does: 'show or hide this list' },
];

export const QUEUE_SHORTCUTS: readonly { keys: string[]; does: string }[] = [
  { keys: ['j', '↓'], does: 'next submission' },
  { keys: ['k', '↑'], does: 'previous submission' },
  { keys: ['Enter'], does: 'open it' },
];

export function reviewKeyAction(press: KeyPress): ReviewAction | null {
  const command = press.ctrlKey || press.metaKey;
  if (command && !press.altKey && press.key === 'Enter') return { type: 'confirm' };
  if (command && !press.altKey && (press.key === 's' || press.key === 'S')) return { type: 'save' };
  if (press.key === 'Escape') return press.typing ? { type: 'leave-field' } : null;
  if (press.typing || command || press.altKey) return null;
  switch (press.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'next-criterion' };
    case 'k':
    case 'ArrowUp':
      return { type: 'previous-criterion' };
    case 'Enter':
      return press.onControl ? null : { type: 'focus-score' };
    case 'c':
      return { type: 'confirm' };
    case 'n':
      return { type: 'next-submission' };
    case '?':
      return { type: 'toggle-shortcuts' };
    default:
      return /^[0-9]$/.test(press.key) ? { type: 'focus-score' } : null;
  }
}

export function queueKeyAction(press: KeyPress): QueueAction | null {
  if (press.typing || press.ctrlKey || press.metaKey || press.altKey) return null;
  switch (press.key) {
    case 'j':
    case 'ArrowDown':
      return { type: 'next-row' };
    case 'k':
    case 'ArrowUp':
      return { type: 'previous-row' };
    case 'Enter':
      return press.onControl ? null : { type: 'open-row' };
    default:
      return null;
  }
}

/** The element parts that decide whether a key press is typing, or activates a control. */
export type TargetLike = {
  tagName?: string;
  type?: string;
  isContentEditable?: boolean;
  hasAttribute?: (name: string) => boolean;
} | null;

const NOT_TYPING_INPUTS = new Set([
  'button',
  'checkbox',
  'radio',
  'submit',
  'reset',
  'image',
  'file',
  'color',
  'range',
]);

/**
 * Focus is in something that takes keys for itself: a text-like input, a textarea, a select (its arrows
 * change the value), or editable content (CodeMirror's, whose arrows move through the code).
 */
export function isTyping(target: TargetLike): boolean {
  if (!target) return false;
  if (target.isContentEditable) return true;
  switch (target.tagName?.toUpperCase()) {
    case 'TEXTAREA':
    case 'SELECT':
      return true;
    case 'INPUT':
      return !NOT_TYPING_INPUTS.has((target.type ?? 'text').toLowerCase());
    default:
      return false;
  }
}

/** Marks the criterion title buttons: Enter on one focuses its score rather than pressing the button. */
export const CRITERION_BUTTON_ATTRIBUTE = 'data-criterion-button';

/** Focus is on a button, link or summary, whose own Enter the page must leave alone. */
export function isControl(target: TargetLike): boolean {
  if (!target || target.hasAttribute?.(CRITERION_BUTTON_ATTRIBUTE)) return false;
  const tag = target.tagName?.toUpperCase();
  if (tag === 'BUTTON' || tag === 'A' || tag === 'SUMMARY') return true;
  return tag === 'INPUT' && NOT_TYPING_INPUTS.has((target.type ?? 'text').toLowerCase());
}

/**
 * The element a key press really came from: events from inside a shadow root (the CodeMirror views) reach
 * the document retargeted to the shadow host, so the first element of the composed path is read instead.
 */
export function keyTarget(event: Pick<Event, 'composedPath' | 'target'>): TargetLike {
  const first = event.composedPath()[0] ?? event.target;
  return first && typeof first === 'object' && 'tagName' in first ? (first as TargetLike) : null;
}

export function keyPressOf(
  event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'altKey' | 'composedPath' | 'target'>,
): KeyPress {
  const target = keyTarget(event);
  return {
    key: event.key,
    ctrlKey: event.ctrlKey,
    metaKey: event.metaKey,
    altKey: event.altKey,
    typing: isTyping(target),
    onControl: isControl(target),
  };
}
