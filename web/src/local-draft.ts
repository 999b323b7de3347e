/**
 * The browser's own copy of each draft, in localStorage under the invite token and the exercise: written
 * on every change, cleared once the server has saved that text. If the page died before a save reached
 * the server, the next load offers the copy back; it never replaces the server's draft on its own.
 *
 * When the copy is offered (restoreOffer): never when its text is the server's latest or an answer of
 * another kind; otherwise when any of these says it is newer work than the server's latest revision:
 * 1. It was typed on top of that revision (its base is the server's latest, or later).
 * 2. That revision was saved by the same page load (tab) that wrote the copy. A tab's copy is its newest
 *    text, so the revision is older text of the same tab: typically a save in flight as the page died,
 *    which moved the server's revision past the copy's base. Base revisions alone would call this a race
 *    lost to another tab and drop the last seconds of typing.
 * 3. It was written after that revision was saved (the server's time, brought to this computer's clock
 *    with the offset measured on load): whichever tab saved last, the copy is the later work.
 * Not offered: a copy older than a revision another tab saved on top of its base. The other tab's text
 * stands, and offering the older copy over it would invite the candidate to throw newer work away.
 * Either way the server keeps every revision (ADR 011); the offer is a choice, never a silent replacement.
 */
import type { LocalCopy } from './autosave';
import { parseSubmission, type Submission, sameSubmission } from './submission';

export type LocalDraft = {
  submission: Submission;
  /** The server revision the text was typed on top of. */
  baseRevision: number;
  /** When it was written, local epoch milliseconds. */
  savedAt: number;
  /** The page load (tab) that wrote it; null for copies written before tabs were recorded. */
  tabId: string | null;
};

export type LocalDraftStore = LocalCopy<Submission> & { read(): LocalDraft | null };

/** The server's latest revision of the draft, as restoreOffer compares it with the local copy. */
export type ServerDraft = {
  revision: number;
  submission: Submission;
  /** When the server saved it, in this computer's epoch milliseconds; null when nothing was saved. */
  savedAt: number | null;
  /** The tab that saved it; null when unknown (no draft, or a client that did not say). */
  tabId: string | null;
};

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

export function localDraftStore(
  storage: Storage | null,
  key: string,
  now: () => number = Date.now,
  tabId: string | null = null,
): LocalDraftStore {
  return {
    read() {
      const raw = guard(() => storage?.getItem(key) ?? null, 'read');
      if (!raw) return null;
      return parseLocalDraft(raw);
    },
    write(submission, baseRevision) {
      const draft: LocalDraft = { submission, baseRevision, savedAt: now(), tabId };
      guard(() => storage?.setItem(key, JSON.stringify(draft)), 'write');
    },
    clear() {
      guard(() => storage?.removeItem(key), 'clear');
    },
  };
}

/** The local copy to offer back, if any, by the rule in the header of this module. */
export function restoreOffer(local: LocalDraft | null, server: ServerDraft): LocalDraft | null {
  if (!local || local.submission.kind !== server.submission.kind) return null;
  if (sameSubmission(local.submission, server.submission)) return null;
  if (local.baseRevision >= server.revision) return local;
  if (local.tabId !== null && local.tabId === server.tabId) return local;
  if (server.savedAt !== null && local.savedAt > server.savedAt) return local;
  return null;
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
  const tabId = 'tabId' in value && typeof value.tabId === 'string' ? value.tabId : null;
  return { submission, baseRevision, savedAt, tabId };
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
