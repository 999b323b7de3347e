/**
 * The review shortcuts (web/src/review-keys.ts): what each key does, and that none fires while the reviewer
 * types in a field, except Ctrl+Enter, Ctrl+S and Escape.
 */
import { describe, expect, it } from 'vitest';
import {
  CRITERION_BUTTON_ATTRIBUTE,
  isControl,
  isTyping,
  type KeyPress,
  keyPressOf,
  queueKeyAction,
  reviewKeyAction,
} from '../../web/src/review-keys.js';

const press = (key: string, patch: Partial<KeyPress> = {}): KeyPress => ({
  key,
  ctrlKey: false,
  metaKey: false,
  altKey: false,
  typing: false,
  onControl: false,
  ...patch,
});

describe('review page, outside a field', () => {
  it.each([
    ['j', 'next-criterion'],
    ['ArrowDown', 'next-criterion'],
    ['k', 'previous-criterion'],
    ['ArrowUp', 'previous-criterion'],
    ['Enter', 'focus-score'],
    ['0', 'focus-score'],
    ['7', 'focus-score'],
    ['c', 'confirm'],
    ['n', 'next-submission'],
    ['?', 'toggle-shortcuts'],
  ])('%s → %s', (key, type) => {
    expect(reviewKeyAction(press(key))).toEqual({ type });
  });

  it('Ctrl+Enter or ⌘+Enter confirms, Ctrl+S saves', () => {
    expect(reviewKeyAction(press('Enter', { ctrlKey: true }))).toEqual({ type: 'confirm' });
    expect(reviewKeyAction(press('Enter', { metaKey: true }))).toEqual({ type: 'confirm' });
    expect(reviewKeyAction(press('s', { ctrlKey: true }))).toEqual({ type: 'save' });
  });

  it('leaves other keys, modified letters and Enter on a button or link to the browser', () => {
    for (const p of [
      press('x'),
      press('j', { ctrlKey: true }),
      press('c', { altKey: true }),
      press('n', { metaKey: true }),
      press('Escape'),
      press('Enter', { onControl: true }),
    ]) {
      expect(reviewKeyAction(p)).toBeNull();
    }
  });
});

describe('review page, typing in a field', () => {
  it('letters, digits, arrows and Enter belong to the field', () => {
    for (const key of ['j', 'k', 'c', 'n', '3', 'ArrowDown', 'Enter', '?']) {
      expect(reviewKeyAction(press(key, { typing: true }))).toBeNull();
    }
  });

  it('Ctrl+Enter still confirms, Ctrl+S still saves, Escape leaves the field', () => {
    expect(reviewKeyAction(press('Enter', { typing: true, ctrlKey: true }))).toEqual({ type: 'confirm' });
    expect(reviewKeyAction(press('S', { typing: true, ctrlKey: true }))).toEqual({ type: 'save' });
    expect(reviewKeyAction(press('Escape', { typing: true }))).toEqual({ type: 'leave-field' });
  });
});

describe('queue', () => {
  it('j/k and the arrows move, Enter opens unless a link or button takes it', () => {
    expect(queueKeyAction(press('j'))).toEqual({ type: 'next-row' });
    expect(queueKeyAction(press('ArrowDown'))).toEqual({ type: 'next-row' });
    expect(queueKeyAction(press('k'))).toEqual({ type: 'previous-row' });
    expect(queueKeyAction(press('ArrowUp'))).toEqual({ type: 'previous-row' });
    expect(queueKeyAction(press('Enter'))).toEqual({ type: 'open-row' });
    expect(queueKeyAction(press('Enter', { onControl: true }))).toBeNull();
  });

  it('does nothing while a filter menu or a field has focus', () => {
    expect(queueKeyAction(press('ArrowDown', { typing: true }))).toBeNull();
    expect(queueKeyAction(press('j', { typing: true }))).toBeNull();
  });
});

describe('where focus is', () => {
  const element = (tagName: string, patch: Record<string, unknown> = {}) => ({
    tagName,
    hasAttribute: (name: string) => name in patch,
    ...patch,
  });

  it('text inputs, textareas, menus and editable content take typing; buttons and checkboxes do not', () => {
    expect(isTyping(element('INPUT', { type: 'number' }))).toBe(true);
    expect(isTyping(element('INPUT', { type: 'text' }))).toBe(true);
    expect(isTyping(element('input'))).toBe(true);
    expect(isTyping(element('TEXTAREA'))).toBe(true);
    expect(isTyping(element('SELECT'))).toBe(true);
    expect(isTyping(element('DIV', { isContentEditable: true }))).toBe(true);
    expect(isTyping(element('INPUT', { type: 'checkbox' }))).toBe(false);
    expect(isTyping(element('BUTTON'))).toBe(false);
    expect(isTyping(null)).toBe(false);
  });

  it('a criterion’s title button is not a control (Enter there scores it); other buttons and links are', () => {
    expect(isControl(element('BUTTON', { [CRITERION_BUTTON_ATTRIBUTE]: '' }))).toBe(false);
    expect(isControl(element('BUTTON'))).toBe(true);
    expect(isControl(element('A'))).toBe(true);
    expect(isControl(element('INPUT', { type: 'checkbox' }))).toBe(true);
    expect(isControl(element('INPUT', { type: 'number' }))).toBe(false);
  });

  it('reads the element inside a shadow root (CodeMirror), not the host the event was retargeted to', () => {
    const host = element('DIV');
    const content = element('DIV', { isContentEditable: true });
    const event = {
      key: 'j',
      ctrlKey: false,
      metaKey: false,
      altKey: false,
      target: host,
      composedPath: () => [content, host],
    };
    expect(keyPressOf(event as unknown as KeyboardEvent)).toMatchObject({ typing: true, onControl: false });
    expect(reviewKeyAction(keyPressOf(event as unknown as KeyboardEvent))).toBeNull();
  });
});
