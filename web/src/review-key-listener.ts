/**
 * useKeyActions: the review pages' shortcuts, heard on the whole page while the page is mounted. Installs one
 * keydown listener and always calls the newest handler, so that the handler can read the page's current state
 * without the listener being removed and added again on every render.
 */
import { useEffect, useLayoutEffect, useRef } from 'react';
import { type KeyPress, keyPressOf } from './review-keys';

export function useKeyActions<A>(
  toAction: (press: KeyPress) => A | null,
  handle: (action: A, event: KeyboardEvent) => void,
): void {
  const latest = useRef({ toAction, handle });
  useLayoutEffect(() => {
    latest.current = { toAction, handle };
  });
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.defaultPrevented) return;
      const action = latest.current.toAction(keyPressOf(event));
      if (action) latest.current.handle(action, event);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}
