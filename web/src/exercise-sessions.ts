/**
 * The exercises of one attempt as the page holds them: each loaded once with its draft saver, which lives
 * as long as the page, not the screen: a save still retrying keeps retrying after the candidate moves to
 * another exercise, and the deadline can wait for every saver. The page is one tab to the server: a random
 * id for this page load, and one sequence for every save it sends (ADR 012).
 */
import { ApiFailure } from './api-failure';
import { DraftSaver, type SaveOutcome, SaverSet, type SaveTransport } from './autosave';
import {
  type LocalDraft,
  type LocalDraftStore,
  localDraftKey,
  localDraftStore,
  restoreOffer,
  type ServerDraft,
} from './local-draft';
import { isTransient } from './retry';
import type { ServerClock } from './server-clock';
import { emptySubmission, type Submission, sameSubmission } from './submission';
import { fetchTakeExercise, saveDraft, type TakeExercise } from './take-api';

export type ExerciseSession = {
  exercise: TakeExercise['exercise'];
  saver: DraftSaver<Submission>;
  local: LocalDraftStore;
  /** The text the screen opens with: the saver's newest. */
  initial: () => Submission;
  /** A local copy newer than the server's draft, until the candidate restores or discards it. */
  restoreOffer: LocalDraft | null;
  /** Set when the server said this exercise is submitted (by this tab or another). */
  submitted: { submittedAt: string; lateMs: number } | null;
};

export type SessionEvents = {
  onConflict: (exerciseId: string) => void;
  /** A save was refused with 409: the exercise was submitted or the attempt finished elsewhere. */
  onClosed: (exerciseId: string, message: string) => void;
};

export class ExerciseSessions {
  readonly savers = new SaverSet<Submission>();
  readonly #sessions = new Map<string, ExerciseSession>();
  readonly #loading = new Map<string, Promise<ExerciseSession>>();
  readonly #token: string;
  readonly #clock: ServerClock;
  readonly #events: SessionEvents;
  readonly #storage: Storage | null;
  readonly #tabId: string;
  #seq = 0;

  constructor(
    token: string,
    clock: ServerClock,
    events: SessionEvents,
    storage: Storage | null,
    tabId: string = newTabId(),
  ) {
    this.#token = token;
    this.#clock = clock;
    this.#events = events;
    this.#storage = storage;
    this.#tabId = tabId;
  }

  get(exerciseId: string): ExerciseSession | undefined {
    return this.#sessions.get(exerciseId);
  }

  /** The session, loading the exercise the first time. */
  load(exerciseId: string): Promise<ExerciseSession> {
    const loaded = this.#sessions.get(exerciseId);
    if (loaded) return Promise.resolve(loaded);
    let loading = this.#loading.get(exerciseId);
    if (!loading) {
      loading = this.#fetch(exerciseId).finally(() => this.#loading.delete(exerciseId));
      this.#loading.set(exerciseId, loading);
    }
    return loading;
  }

  /** Loads the exercise again from the server (after a 409): a new session, read-only if submitted. */
  async reload(exerciseId: string): Promise<ExerciseSession> {
    this.#sessions.get(exerciseId)?.saver.close();
    this.#sessions.delete(exerciseId);
    return this.load(exerciseId);
  }

  async #fetch(exerciseId: string): Promise<ExerciseSession> {
    const sentAt = Date.now();
    const data = await fetchTakeExercise(this.#token, exerciseId);
    this.#clock.observe(data.serverNow, sentAt, Date.now());
    const local = localDraftStore(this.#storage, localDraftKey(this.#token, exerciseId), Date.now, this.#tabId);
    // The server's clock, brought to this computer's: the local copy's time is this computer's.
    const offset = this.#clock.now() - Date.now();
    const server: ServerDraft = {
      revision: data.draft?.revision ?? 0,
      submission: data.draft?.submission ?? emptySubmission(data.exercise.kind),
      savedAt: data.draft ? Date.parse(data.draft.savedAt) - offset : null,
      tabId: data.draft?.tabId ?? null,
    };
    const saver = new DraftSaver<Submission>({
      transport: this.#transport(exerciseId),
      revision: server.revision,
      submission: server.submission,
      same: sameSubmission,
      local,
      closed: data.submitted !== null,
      nextSeq: () => ++this.#seq,
      onConflict: () => this.#events.onConflict(exerciseId),
      onClosed: (message) => this.#events.onClosed(exerciseId, message),
    });
    const session: ExerciseSession = {
      exercise: data.exercise,
      saver,
      local,
      initial: () => saver.latest(),
      restoreOffer: data.submitted ? null : restoreOffer(local.read(), server),
      submitted: data.submitted,
    };
    this.#sessions.set(exerciseId, session);
    this.savers.add(exerciseId, saver);
    return session;
  }

  #transport(exerciseId: string): SaveTransport<Submission> {
    return async ({ baseRevision, submission, keepalive, seq }) => {
      const sentAt = Date.now();
      try {
        const tab = { id: this.#tabId, seq };
        const saved = await saveDraft(this.#token, exerciseId, { baseRevision, submission, tab }, { keepalive });
        this.#clock.observe(saved.serverNow, sentAt, Date.now());
        // Overtaken by a newer save of this page, which is the latest: the base stays where that one leaves it.
        if (saved.superseded) return { type: 'saved', revision: baseRevision, conflict: false };
        return { type: 'saved', revision: saved.revision, conflict: saved.conflict };
      } catch (error) {
        if (!(error instanceof ApiFailure)) throw error;
        return saveOutcomeOf(error);
      }
    };
  }
}

/**
 * How the saver treats each failure: retry what can pass (not before the server's Retry-After), stop on 409,
 * hold back text the server refused.
 */
export function saveOutcomeOf(failure: ApiFailure): SaveOutcome {
  if (isTransient(failure)) {
    const { retryAfterMs } = failure.details;
    return { type: 'retry', message: failure.message, ...(retryAfterMs !== undefined ? { retryAfterMs } : {}) };
  }
  if (failure.status === 409) return { type: 'closed', message: failure.message };
  // 413 (too large), 400 (invalid), 404 (link revoked): the same text would be refused again.
  return { type: 'rejected', message: failure.message };
}

/**
 * 128 random bits, base64url: the page load's identity to the server. crypto.getRandomValues, not
 * randomUUID, because the latter exists only in secure contexts and the server may be reached over plain
 * HTTP on a local network.
 */
export function newTabId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}
