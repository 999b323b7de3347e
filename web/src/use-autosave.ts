/**
 * React's view of autosave (autosave.ts): the state of one exercise's saver, the state of all of them for
 * the header, and the page-lifecycle moments when every saver must send at once.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { DraftSaver, OverallSaveStatus, SaverSet, SaverState } from './autosave';

export function useSaverState<S>(saver: DraftSaver<S>): SaverState {
  return useSyncExternalStore(saver.subscribe, saver.getState);
}

export function useOverallSaveStatus<S>(savers: SaverSet<S>): OverallSaveStatus {
  return useSyncExternalStore(savers.subscribe, savers.status);
}

/**
 * Sends every unsaved change when the page is hidden (another tab, a closed lid, the app switcher on a
 * phone) or unloaded, as keep-alive requests that outlive the page; retries at once when the browser
 * reports the network is back.
 */
export function usePageExitSaves<S>(savers: SaverSet<S>): void {
  useEffect(() => {
    const onVisibility = () => {
      if (document.visibilityState === 'hidden') savers.flushAll('keepalive');
    };
    // persisted: the page goes into the back/forward cache and may come back, so nothing is sent twice.
    const onPageHide = (event: PageTransitionEvent) => savers.flushAll(event.persisted ? 'keepalive' : 'unload');
    const onOnline = () => savers.retryAll();
    document.addEventListener('visibilitychange', onVisibility);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('online', onOnline);
    return () => {
      document.removeEventListener('visibilitychange', onVisibility);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('online', onOnline);
    };
  }, [savers]);
}
