/** Names the browser tab after the page, so that tabs and history entries say where they lead. */
import { useEffect } from 'react';

export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · Audition`;
  }, [title]);
}
