/**
 * The browser's own copy of each draft, in localStorage under the invite token and the exercise: written
 * on every change, cleared once the server has saved that text. If the page died before a save reached
 * the server, the next load offers the copy back; it never replaces the server's draft on its own.
 */
import type { LocalCopy } from './autosave';
import { parseSubmission, type Submission, sameSubmission } from './submission';

export type LocalDraft = {
  submission: Submission;
  /** The server revision the text was typed on top of. */
  baseRevision: number;
  /** When it was written, local epoch milliseconds. */
  savedAt: number;
};

export type LocalDraftStore = LocalCopy<Submission> & { read(): LocalDraft | null };

export function localDraftKey(token: string, exerciseId: string): string {
  return `audition:draft:${token}:${exerciseId}`;
}

/** localStorage, or null where the browser refuses it (storage disabled, some private modes). */
export function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch (error) {
    console.warn('Local storage is not available: drafts are kept on the server only.', error);
    return null;
  }
}

export function localDraftStore(storage: Storage | null, key: string, now: () => number = Date.now): LocalDraftStore {
  return {
    read() {
      const raw = guard(() => storage?.getItem(key) ?? null, 'read');
      if (!raw) return null;
      return parseLocalDraft(raw);
    },
    write(submission, baseRevision) {
      const draft: LocalDraft = { submission, baseRevision, savedAt: now() };
      guard(() => storage?.setItem(key, JSON.stringify(draft)), 'write');
    },
    clear() {
      guard(() => storage?.removeItem(key), 'clear');
    },
  };
}

/**
 * The local copy to offer back, if any: one typed on top of the server's latest revision (or a later one)
 * whose text differs from the server's. An older copy lost the race to a save from another tab.
 */
export function restoreOffer(
  local: LocalDraft | null,
  server: { revision: number; submission: Submission },
): LocalDraft | null {
  if (!local || local.baseRevision < server.revision) return null;
  if (local.submission.kind !== server.submission.kind) return null;
  return sameSubmission(local.submission, server.submission) ? null : local;
}

function parseLocalDraft(raw: string): LocalDraft | null {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    // Not ours (or cut short by a full disk): nothing to offer.
    return null;
  }
  if (typeof value !== 'object' || value === null) return null;
  if (!('submission' in value && 'baseRevision' in value && 'savedAt' in value)) return null;
  const submission = parseSubmission(value.submission);
  const { baseRevision, savedAt } = value;
  if (!submission || typeof baseRevision !== 'number' || typeof savedAt !== 'number') return null;
  return { submission, baseRevision, savedAt };
}

/** A full or disabled storage must not stop autosave to the server; it is logged for whoever debugs. */
function guard<T>(run: () => T, what: string): T | undefined {
  try {
    return run();
  } catch (error) {
    console.warn(`Could not ${what} the local copy of the draft`, error);
    return undefined;
  }
}
