/**
 * The exercises of one attempt as the page holds them: each loaded once with its draft saver, which lives
 * as long as the page, not the screen: a save still retrying keeps retrying after the candidate moves to
 * another exercise, and the deadline can wait for every saver.
 */
import { ApiFailure } from './api-failure';
import { DraftSaver, type SaveOutcome, SaverSet, type SaveTransport } from './autosave';
import { type LocalDraft, type LocalDraftStore, localDraftKey, localDraftStore, restoreOffer } from './local-draft';
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

  constructor(token: string, clock: ServerClock, events: SessionEvents, storage: Storage | null) {
    this.#token = token;
    this.#clock = clock;
    this.#events = events;
    this.#storage = storage;
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
    const local = localDraftStore(this.#storage, localDraftKey(this.#token, exerciseId));
    const server = {
      revision: data.draft?.revision ?? 0,
      submission: data.draft?.submission ?? emptySubmission(data.exercise.kind),
    };
    const saver = new DraftSaver<Submission>({
      transport: this.#transport(exerciseId),
      revision: server.revision,
      submission: server.submission,
      same: sameSubmission,
      local,
      closed: data.submitted !== null,
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
    return async ({ baseRevision, submission, keepalive }) => {
      const sentAt = Date.now();
      try {
        const saved = await saveDraft(this.#token, exerciseId, { baseRevision, submission }, { keepalive });
        this.#clock.observe(saved.serverNow, sentAt, Date.now());
        return { type: 'saved', revision: saved.revision, conflict: saved.conflict };
      } catch (error) {
        if (!(error instanceof ApiFailure)) throw error;
        return saveOutcomeOf(error);
      }
    };
  }
}

/** How the saver treats each failure: retry what can pass, stop on 409, hold back text the server refused. */
export function saveOutcomeOf(failure: ApiFailure): SaveOutcome {
  if (isTransient(failure)) return { type: 'retry', message: failure.message };
  if (failure.status === 409) return { type: 'closed', message: failure.message };
  // 413 (too large), 400 (invalid), 404 (link revoked): the same text would be refused again.
  return { type: 'rejected', message: failure.message };
}
