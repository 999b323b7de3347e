/**
 * The browser's autosave (web/src/autosave.ts) and the retries it shares with submitting (web/src/retry.ts),
 * driven by Vitest's fake clock (the saver's default timers read it) and a server the test answers by hand:
 * when a candidate's text is sent, which text, and what becomes of it when the network or the server fails.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiFailure } from '../../web/src/api-failure.js';
import {
  DraftSaver,
  type DraftSaverOptions,
  type LocalCopy,
  overallStatus,
  retryDelay,
  type SaveOutcome,
  SaverSet,
  type SaverState,
  type SaverStatus,
} from '../../web/src/autosave.js';
import { isTransient, untilDone } from '../../web/src/retry.js';

/** The server's revision of the draft when the page opened it. */
const OPENED_AT = 3;

type Sent = { at: number; baseRevision: number; submission: string; keepalive: boolean };

/**
 * A saver over plain text. Every request is recorded with the fake time it left (its sequence number apart,
 * in seqs) and waits until reply() answers it (oldest first); the local copy records what it was told.
 */
function setup(options: Partial<DraftSaverOptions<string>> = {}) {
  const sent: Sent[] = [];
  const seqs: number[] = [];
  const waiting: ((outcome: SaveOutcome) => void)[] = [];
  const local = { writes: [] as [text: string, baseRevision: number][], clears: 0 };
  const localCopy: LocalCopy<string> = {
    write: (text, baseRevision) => {
      local.writes.push([text, baseRevision]);
    },
    clear: () => {
      local.clears += 1;
    },
  };
  const onConflict = vi.fn();
  const onClosed = vi.fn();
  const saver = new DraftSaver<string>({
    transport: ({ baseRevision, submission, keepalive, seq }) => {
      sent.push({ at: Date.now(), baseRevision, submission, keepalive });
      seqs.push(seq);
      return new Promise((resolve) => waiting.push(resolve));
    },
    revision: OPENED_AT,
    submission: '',
    same: (a, b) => a === b,
    local: localCopy,
    onConflict,
    onClosed,
    ...options,
  });

  async function reply(outcome: SaveOutcome): Promise<void> {
    const answer = waiting.shift();
    if (!answer) throw new Error('No save is waiting for an answer');
    answer(outcome);
    // Lets the saver handle the answer (a few promise hops) without moving the clock.
    await vi.advanceTimersByTimeAsync(0);
  }

  const texts = () => sent.map((request) => request.submission);
  return { saver, sent, seqs, texts, reply, local, onConflict, onClosed };
}

const saved = (revision: number, conflict = false): SaveOutcome => ({ type: 'saved', revision, conflict });
const OFFLINE = 'Could not reach the Audition server. Check your connection and try again.';
const offline: SaveOutcome = { type: 'retry', message: OFFLINE };

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('happy path: saving while the candidate types', () => {
  it('a change is saved 1.5 s after the candidate stops typing', () => {
    const { saver, sent } = setup();
    saver.change('a');
    expect(saver.getState()).toEqual({ status: 'pending', revision: OPENED_AT, message: null, retryAt: null });

    vi.advanceTimersByTime(1499);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ at: 1500, baseRevision: OPENED_AT, submission: 'a', keepalive: false }]);
    expect(saver.getState()).toEqual({ status: 'saving', revision: OPENED_AT, message: null, retryAt: null });
  });

  it('each keystroke restarts the 1.5 s wait', () => {
    const { saver, sent } = setup();
    saver.change('a');
    vi.advanceTimersByTime(1000);
    saver.change('ab');
    vi.advanceTimersByTime(1499);
    expect(sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(sent).toEqual([{ at: 2500, baseRevision: OPENED_AT, submission: 'ab', keepalive: false }]);
  });

  it('typing without a pause is still saved every 5 s, and the last text 1.5 s after typing stops', async () => {
    const { saver, sent, reply } = setup();
    let revision = OPENED_AT;
    // One keystroke a second for 12 s; every save is answered at once.
    for (let length = 1; length <= 12; length++) {
      saver.change('x'.repeat(length));
      vi.advanceTimersByTime(1000);
      if (sent.length > revision - OPENED_AT) {
        revision += 1;
        await reply(saved(revision));
      }
    }
    vi.advanceTimersByTime(500);

    expect(sent.map(({ at, baseRevision, submission }) => [at, baseRevision, submission])).toEqual([
      [5000, 3, 'xxxxx'],
      [10_000, 4, 'xxxxxxxxxx'],
      [12_500, 5, 'xxxxxxxxxxxx'],
    ]);
  });

  it('leaving the editor or switching exercise saves at once, and only once', () => {
    const { saver, sent } = setup();
    saver.change('a');
    vi.advanceTimersByTime(200);
    saver.flush();
    expect(sent).toEqual([{ at: 200, baseRevision: OPENED_AT, submission: 'a', keepalive: false }]);

    vi.advanceTimersByTime(10_000);
    expect(sent).toHaveLength(1);
  });

  it('leaving the editor with nothing new sends nothing', async () => {
    const { saver, sent, reply } = setup();
    saver.flush();
    expect(sent).toEqual([]);

    saver.change('a');
    saver.flush();
    await reply(saved(4));
    saver.flush();
    expect(sent).toHaveLength(1);
  });

  it('hiding the page sends the text as a keep-alive request that outlives the page', () => {
    const { saver, sent } = setup();
    saver.change('a');
    saver.flush('keepalive');
    expect(sent).toEqual([{ at: 0, baseRevision: OPENED_AT, submission: 'a', keepalive: true }]);
  });

  it('reads saved, at the revision the server gave, once the server has the text', async () => {
    const { saver, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(saved(4));
    expect(saver.getState()).toEqual({ status: 'saved', revision: 4, message: null, retryAt: null });
    expect(saver.latest()).toBe('a');
  });

  it('the status is announced once per change of status, not once per keystroke', async () => {
    const { saver, reply } = setup();
    const seen: SaverStatus[] = [];
    saver.subscribe(() => seen.push(saver.getState().status));
    saver.change('a');
    saver.change('ab');
    saver.change('abc');
    vi.advanceTimersByTime(1500);
    await reply(saved(4));
    expect(seen).toEqual(['pending', 'saving', 'saved']);
  });

  it('retyping the text already there is not a change', () => {
    const { saver, sent, local } = setup({ submission: 'same' });
    saver.change('same');
    vi.advanceTimersByTime(10_000);
    expect(sent).toEqual([]);
    expect(local.writes).toEqual([]);
    expect(saver.getState().status).toBe('saved');
  });
});

describe('happy path: one save at a time, and the newest text wins', () => {
  it('text typed while a save is in flight waits for it, then only the newest text is sent', async () => {
    const { saver, sent, texts, reply } = setup();
    saver.change('a');
    saver.flush();
    saver.change('ab');
    saver.change('abc');
    vi.advanceTimersByTime(10_000);
    expect(texts()).toEqual(['a']);
    expect(saver.getState().status).toBe('saving');

    await reply(saved(4));
    expect(sent[1]).toEqual({ at: 10_000, baseRevision: 4, submission: 'abc', keepalive: false });
    expect(saver.getState().status).toBe('saving');

    await reply(saved(5));
    expect(texts()).toEqual(['a', 'abc']);
    expect(saver.getState()).toEqual({ status: 'saved', revision: 5, message: null, retryAt: null });
  });

  it('text typed during a save that returns quickly goes on its own 1.5 s timer', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    saver.change('ab');
    vi.advanceTimersByTime(300);
    await reply(saved(4));
    expect(saver.getState()).toEqual({ status: 'pending', revision: 4, message: null, retryAt: null });
    expect(sent).toHaveLength(1);

    vi.advanceTimersByTime(1199);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent[1]).toEqual({ at: 1500, baseRevision: 4, submission: 'ab', keepalive: false });
  });

  it('leaving the editor during a save sends the newest text the moment that save returns', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    saver.change('ab');
    saver.flush();
    expect(sent).toHaveLength(1);

    vi.advanceTimersByTime(400);
    await reply(saved(4));
    expect(sent[1]).toEqual({ at: 400, baseRevision: 4, submission: 'ab', keepalive: false });
  });

  it('hiding the page during a save sends the newest text as keep-alive when that save returns', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    saver.change('ab');
    saver.flush('keepalive');
    saver.flush('now');
    await reply(saved(4));
    expect(sent[1]).toEqual({ at: 0, baseRevision: 4, submission: 'ab', keepalive: true });
  });

  it('closing the page during a save sends the newest text beside it, since the save may die with the page', () => {
    const { saver, sent, seqs } = setup();
    saver.change('a');
    saver.flush();
    saver.change('ab');
    saver.flush('unload');
    expect(sent).toEqual([
      { at: 0, baseRevision: OPENED_AT, submission: 'a', keepalive: false },
      { at: 0, baseRevision: OPENED_AT, submission: 'ab', keepalive: true },
    ]);
    // The newer text carries the higher number: the server makes it the latest whichever arrives first.
    expect(seqs).toEqual([1, 2]);
  });

  it('text superseded during a failed save is never sent after the newer text', async () => {
    const { saver, texts, reply } = setup();
    saver.change('a');
    saver.flush();
    saver.change('ab');
    await reply(offline);
    saver.change('abc');
    vi.advanceTimersByTime(1000);
    await reply(saved(4));
    saver.change('abcd');
    saver.flush();
    expect(texts()).toEqual(['a', 'abc', 'abcd']);
  });
});

describe('happy path: the order of this tab’s saves', () => {
  it('every save carries a sequence number higher than the one before, retries included', async () => {
    const { saver, seqs, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(offline);
    vi.advanceTimersByTime(1000);
    await reply(saved(4));
    saver.change('ab');
    saver.flush();
    await reply(saved(5));
    expect(seqs).toEqual([1, 2, 3]);
  });

  it('savers sharing the page’s sequence number their saves after one another’s', async () => {
    let last = 0;
    const nextSeq = () => ++last;
    const before = setup({ nextSeq });
    before.saver.change('a');
    before.saver.flush();
    await before.reply(saved(4));
    // The exercise is loaded again (after a 409): a new saver, the same page.
    const after = setup({ nextSeq, revision: 4, submission: 'a' });
    after.saver.change('ab');
    after.saver.flush();
    expect([...before.seqs, ...after.seqs]).toEqual([1, 2]);
  });
});

describe('happy path: revisions and other tabs', () => {
  it('each save is based on the revision the previous save returned', async () => {
    const { saver, sent, reply } = setup();
    for (const [text, revision] of [
      ['a', 4],
      ['ab', 5],
      ['abc', 6],
    ] as const) {
      saver.change(text);
      saver.flush();
      await reply(saved(revision));
    }
    expect(sent.map((request) => request.baseRevision)).toEqual([3, 4, 5]);
    expect(saver.getState().revision).toBe(6);
  });

  it('a save that raced another tab warns the candidate, and this tab goes on from the new revision', async () => {
    const { saver, sent, reply, onConflict } = setup();
    saver.change('a');
    saver.flush();
    await reply(saved(9, true));
    expect(onConflict).toHaveBeenCalledTimes(1);
    expect(saver.getState()).toEqual({ status: 'saved', revision: 9, message: null, retryAt: null });

    saver.change('ab');
    saver.flush();
    expect(sent[1]?.baseRevision).toBe(9);
  });

  it('an ordinary save does not warn about another tab', async () => {
    const { saver, reply, onConflict } = setup();
    saver.change('a');
    saver.flush();
    await reply(saved(4));
    expect(onConflict).not.toHaveBeenCalled();
  });
});

describe('bad network: failing saves are retried until they succeed', () => {
  it('the wait between retries is 1, 2, 4, 8, 16, then 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20, 2000].map((failures) => retryDelay(failures))).toEqual([
      1000, 2000, 4000, 8000, 16_000, 30_000, 30_000, 30_000, 30_000,
    ]);
  });

  it('the wait is never shorter than the server’s Retry-After, which counts for at most a minute', () => {
    const cases = [
      [0, 10_000],
      [3, 5000],
      [0, 0],
      [0, 90_000],
      [5, 45_000],
      [0, -5],
      [0, Number.NaN],
    ] as const;
    expect(cases.map(([failures, after]) => retryDelay(failures, undefined, after))).toEqual([
      10_000, 8000, 1000, 60_000, 45_000, 1000, 1000,
    ]);
  });

  it('a save that keeps failing is sent again after 1, 2, 4, 8, 16, 30 and 30 s, reading offline until one succeeds', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    for (const delay of [1000, 2000, 4000, 8000, 16_000, 30_000, 30_000]) {
      const before = sent.length;
      await reply(offline);
      expect(saver.getState()).toEqual({
        status: 'offline',
        revision: OPENED_AT,
        message: OFFLINE,
        retryAt: Date.now() + delay,
      });
      vi.advanceTimersByTime(delay - 1);
      expect(sent).toHaveLength(before);
      vi.advanceTimersByTime(1);
      expect(sent).toHaveLength(before + 1);
      // No flicker to "saving" while the network is down.
      expect(saver.getState().status).toBe('offline');
    }
    expect(sent.map((request) => request.at)).toEqual([0, 1000, 3000, 7000, 15_000, 31_000, 61_000, 91_000]);

    await reply(saved(4));
    expect(saver.getState()).toEqual({ status: 'saved', revision: 4, message: null, retryAt: null });
  });

  it('a retry carries the newest text, and typing while offline does not send it sooner', async () => {
    const { saver, sent, reply, local } = setup();
    saver.change('a');
    saver.flush();
    saver.change('ab');
    await reply(offline);
    vi.advanceTimersByTime(500);
    saver.change('abc');
    vi.advanceTimersByTime(499);
    expect(sent).toHaveLength(1);
    expect(saver.getState().status).toBe('offline');

    vi.advanceTimersByTime(1);
    expect(sent[1]).toEqual({ at: 1000, baseRevision: OPENED_AT, submission: 'abc', keepalive: false });
    await reply(saved(4));
    expect(saver.getState()).toEqual({ status: 'saved', revision: 4, message: null, retryAt: null });
    expect(local.clears).toBe(1);
  });

  it('after a success the next failure waits 1 s again', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(offline);
    vi.advanceTimersByTime(1000);
    await reply(offline);
    vi.advanceTimersByTime(2000);
    await reply(saved(4));

    saver.change('ab');
    saver.flush();
    await reply(offline);
    expect(saver.getState().retryAt).toBe(Date.now() + 1000);
    vi.advanceTimersByTime(1000);
    expect(sent.map((request) => request.at)).toEqual([0, 1000, 3000, 3000, 4000]);
  });

  it('the browser coming back online retries at once instead of waiting out the backoff', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(offline);
    vi.advanceTimersByTime(1000);
    await reply(offline);
    vi.advanceTimersByTime(500);
    saver.retryNow();
    expect(sent.map((request) => request.at)).toEqual([0, 1000, 1500]);

    // The retry that was waiting is gone: nothing more goes out while the request is in flight.
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(3);
  });

  it('retrying now does nothing when no retry is waiting', () => {
    const { saver, sent } = setup();
    saver.change('a');
    saver.retryNow();
    expect(sent).toEqual([]);
  });

  it('a save that throws is logged and retried like a lost connection', async () => {
    const error = new Error('transport bug');
    const transport = vi.fn(() => Promise.reject(error));
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const { saver } = setup({ transport });
    saver.change('a');
    saver.flush();
    await vi.advanceTimersByTimeAsync(0);
    expect(logged).toHaveBeenCalledWith('Saving the draft failed unexpectedly', error);
    expect(saver.getState()).toEqual({
      status: 'offline',
      revision: OPENED_AT,
      message: 'Saving failed unexpectedly; trying again.',
      retryAt: 1000,
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(transport).toHaveBeenCalledTimes(2);
  });

  it('waiting for the saver (at the deadline) sends at once and resolves only when the server has the text', async () => {
    const { saver, reply } = setup();
    saver.change('a');
    let settled: string | null = null;
    const waiting = saver.settled().then((how) => {
      settled = how;
    });
    await reply(offline);
    vi.advanceTimersByTime(1000);
    await reply(offline);
    expect(settled).toBeNull();
    vi.advanceTimersByTime(2000);
    await reply(saved(4));
    await waiting;
    expect(settled).toBe('saved');
  });

  it('waiting for a saver with nothing unsaved resolves at once', async () => {
    const { saver, sent } = setup();
    await expect(saver.settled()).resolves.toBe('saved');
    expect(sent).toEqual([]);
  });
});

describe('bad network: the server asks to wait (429 with Retry-After)', () => {
  const BUSY = 'Too many saves at once. Try again in a moment.';
  const busy = (retryAfterMs: number): SaveOutcome => ({ type: 'retry', message: BUSY, retryAfterMs });

  it('the retry waits at least the server’s Retry-After, reading offline with the time of the retry', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(busy(10_000));
    expect(saver.getState()).toEqual({ status: 'offline', revision: OPENED_AT, message: BUSY, retryAt: 10_000 });
    vi.advanceTimersByTime(9999);
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sent[1]).toEqual({ at: 10_000, baseRevision: OPENED_AT, submission: 'a', keepalive: false });
    await reply(saved(4));
    expect(saver.getState()).toEqual({ status: 'saved', revision: 4, message: null, retryAt: null });
  });

  it('leaving the editor, hiding the page or coming back online does not send before the server’s time', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(busy(10_000));
    vi.advanceTimersByTime(4000);
    saver.change('ab');
    saver.flush();
    saver.flush('keepalive');
    saver.retryNow();
    expect(sent).toHaveLength(1);
    vi.advanceTimersByTime(6000);
    // The page was hidden meanwhile: the retry goes as a request that may outlive it.
    expect(sent.map(({ at, submission, keepalive }) => [at, submission, keepalive])).toEqual([
      [0, 'a', false],
      [10_000, 'ab', true],
    ]);
  });

  it('after the wait, the backoff goes on from where it was, and a success ends the wait for good', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(busy(2500));
    vi.advanceTimersByTime(2500);
    await reply(offline);
    // The second failure waits 2 s: the server's 2.5 s counted once.
    vi.advanceTimersByTime(2000);
    await reply(saved(4));
    saver.change('ab');
    saver.flush();
    expect(sent.map((request) => request.at)).toEqual([0, 2500, 4500, 4500]);
  });

  it('a Retry-After of an hour waits a minute', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(busy(3_600_000));
    expect(saver.getState().retryAt).toBe(60_000);
    vi.advanceTimersByTime(60_000);
    expect(sent.map((request) => request.at)).toEqual([0, 60_000]);
  });

  it('closing the page while the server asked to wait still sends the newest text, once, as keep-alive', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(busy(30_000));
    saver.change('ab');
    saver.flush('unload');
    expect(sent[1]).toEqual({ at: 0, baseRevision: OPENED_AT, submission: 'ab', keepalive: true });
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(2);
  });
});

describe('bad input: the server refuses the text or closes the exercise', () => {
  const TOO_LARGE = 'A draft may be at most 256 KB. Shorten it to save.';

  it('a draft too large (413) is reported as refused and is not sent again', async () => {
    const { saver, sent, reply, local } = setup();
    saver.change('huge');
    saver.flush();
    await reply({ type: 'rejected', message: TOO_LARGE });
    expect(saver.getState()).toEqual({ status: 'rejected', revision: OPENED_AT, message: TOO_LARGE, retryAt: null });

    vi.advanceTimersByTime(120_000);
    saver.flush();
    saver.retryNow();
    expect(sent).toHaveLength(1);
    await expect(saver.settled()).resolves.toBe('rejected');
    // The refused text is still only in the browser: its local copy stays.
    expect(local.clears).toBe(0);
    expect(local.writes.at(-1)).toEqual(['huge', OPENED_AT]);
  });

  it('new text after a refusal is saved again', async () => {
    const { saver, sent, reply } = setup();
    saver.change('huge');
    saver.flush();
    await reply({ type: 'rejected', message: TOO_LARGE });

    saver.change('short');
    expect(saver.getState()).toEqual({ status: 'pending', revision: OPENED_AT, message: null, retryAt: null });
    vi.advanceTimersByTime(1500);
    expect(sent[1]).toEqual({ at: 1500, baseRevision: OPENED_AT, submission: 'short', keepalive: false });
    await reply(saved(4));
    expect(saver.getState()).toEqual({ status: 'saved', revision: 4, message: null, retryAt: null });
  });

  it('text shortened while the refused text was in flight is saved on its own timer', async () => {
    const { saver, sent, reply } = setup();
    saver.change('huge');
    saver.flush();
    saver.change('short');
    await reply({ type: 'rejected', message: TOO_LARGE });
    expect(saver.getState().status).toBe('rejected');

    vi.advanceTimersByTime(1500);
    expect(sent[1]).toEqual({ at: 1500, baseRevision: OPENED_AT, submission: 'short', keepalive: false });
  });

  it('text shortened and flushed while the refused text was in flight is sent as soon as the refusal comes', async () => {
    const { saver, sent, reply } = setup();
    saver.change('huge');
    saver.flush();
    saver.change('short');
    saver.flush();
    vi.advanceTimersByTime(300);
    await reply({ type: 'rejected', message: TOO_LARGE });
    expect(sent[1]).toEqual({ at: 300, baseRevision: OPENED_AT, submission: 'short', keepalive: false });
    await reply(saved(4));
    expect(saver.getState()).toEqual({ status: 'saved', revision: 4, message: null, retryAt: null });
  });

  it('an exercise submitted elsewhere (409) stops saving for good and tells the page', async () => {
    const SUBMITTED = 'This exercise was already submitted.';
    const { saver, sent, reply, onClosed } = setup();
    saver.change('a');
    saver.flush();
    await reply({ type: 'closed', message: SUBMITTED });
    expect(saver.getState()).toEqual({ status: 'closed', revision: OPENED_AT, message: SUBMITTED, retryAt: null });
    expect(onClosed).toHaveBeenCalledExactlyOnceWith(SUBMITTED);

    saver.change('ab');
    saver.flush();
    saver.flush('unload');
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(1);
    expect(saver.latest()).toBe('a');
    await expect(saver.settled()).resolves.toBe('closed');
  });

  it('submitting from this tab stops a retry that was waiting', async () => {
    const { saver, sent, reply } = setup();
    saver.change('a');
    saver.flush();
    await reply(offline);
    saver.close();
    vi.advanceTimersByTime(60_000);
    expect(sent).toHaveLength(1);
    expect(saver.getState()).toEqual({ status: 'closed', revision: OPENED_AT, message: null, retryAt: null });
  });

  it('an answer arriving after this tab submitted changes nothing', async () => {
    const { saver, reply, local } = setup();
    saver.change('a');
    saver.flush();
    saver.close();
    await reply(saved(4));
    expect(saver.getState()).toEqual({ status: 'closed', revision: OPENED_AT, message: null, retryAt: null });
    expect(local.clears).toBe(0);
  });

  it('an exercise opened after it was submitted takes no changes', () => {
    const { saver, sent, local } = setup({ closed: true });
    expect(saver.getState().status).toBe('closed');
    saver.change('a');
    saver.flush();
    expect(sent).toEqual([]);
    expect(local.writes).toEqual([]);
    expect(saver.latest()).toBe('');
  });
});

describe('the local copy kept in case the page dies', () => {
  it('every change is written locally at once, with the revision it was typed on', () => {
    const { saver, sent, local } = setup();
    saver.change('a');
    saver.change('ab');
    expect(local.writes).toEqual([
      ['a', OPENED_AT],
      ['ab', OPENED_AT],
    ]);
    expect(sent).toEqual([]);
  });

  it('is cleared once the server holds the newest text', async () => {
    const { saver, reply, local } = setup();
    saver.change('a');
    saver.flush();
    expect(local.clears).toBe(0);
    await reply(saved(4));
    expect(local.clears).toBe(1);
  });

  it('text typed during a save stays, rebased on the revision that save returned', async () => {
    const { saver, reply, local } = setup();
    saver.change('a');
    saver.flush();
    saver.change('ab');
    await reply(saved(4));
    expect(local.writes).toEqual([
      ['a', OPENED_AT],
      ['ab', OPENED_AT],
      ['ab', 4],
    ]);
    expect(local.clears).toBe(0);
  });

  it('stays while the network is down', async () => {
    const { saver, reply, local } = setup();
    saver.change('a');
    saver.flush();
    await reply(offline);
    vi.advanceTimersByTime(1000);
    await reply(offline);
    expect(local.clears).toBe(0);
  });
});

describe('the page header: one status for every exercise', () => {
  const state = (status: SaverStatus): SaverState => ({ status, revision: 1, message: null, retryAt: null });

  it('offline beats refused, refused beats saving, and submitted exercises count as saved', () => {
    expect(overallStatus([])).toBe('saved');
    expect(overallStatus([state('saved'), state('closed')])).toBe('saved');
    expect(overallStatus([state('saved'), state('pending')])).toBe('saving');
    expect(overallStatus([state('saved'), state('saving')])).toBe('saving');
    expect(overallStatus([state('saving'), state('rejected')])).toBe('rejected');
    expect(overallStatus([state('rejected'), state('offline'), state('saving')])).toBe('offline');
    expect(overallStatus([state('closed'), state('offline')])).toBe('offline');
  });

  it('follows its exercises: saving while one has unsaved text, saved once all are saved', async () => {
    const spec = setup();
    const bugHunt = setup();
    const savers = new SaverSet<string>();
    savers.add('spec', spec.saver);
    savers.add('bug-hunt', bugHunt.saver);
    const seen: string[] = [];
    savers.subscribe(() => seen.push(savers.status()));

    spec.saver.change('a');
    expect(savers.status()).toBe('saving');
    savers.flushAll('now');
    expect(spec.sent).toHaveLength(1);
    expect(bugHunt.sent).toEqual([]);
    await spec.reply(saved(4));
    expect(seen).toEqual(['saving', 'saved']);
    expect(savers.get('spec')).toBe(spec.saver);
    expect(savers.all()).toEqual([spec.saver, bugHunt.saver]);
  });

  it('reads offline while any exercise is offline, and coming back online retries every one of them', async () => {
    const spec = setup();
    const bugHunt = setup();
    const savers = new SaverSet<string>();
    savers.add('spec', spec.saver);
    savers.add('bug-hunt', bugHunt.saver);

    spec.saver.change('a');
    bugHunt.saver.change('b');
    savers.flushAll('keepalive');
    expect([spec.sent[0]?.keepalive, bugHunt.sent[0]?.keepalive]).toEqual([true, true]);
    await spec.reply(offline);
    await bugHunt.reply(saved(4));
    expect(savers.status()).toBe('offline');

    vi.advanceTimersByTime(200);
    savers.retryAll();
    expect(spec.sent.map((request) => request.at)).toEqual([0, 200]);
    expect(bugHunt.sent).toHaveLength(1);
    await spec.reply(saved(4));
    expect(savers.status()).toBe('saved');
  });
});

describe('submitting and finishing: calls retried until they get through', () => {
  const failure = (status: number) =>
    new ApiFailure(status, status === 0 ? 'network' : 'unexpected_response', `status ${status}`);

  it('a lost connection, a timeout, a rate limit and server errors can pass; refusals cannot', () => {
    const statuses = [0, 408, 429, 500, 502, 503, 400, 401, 403, 404, 409, 410, 413];
    expect(statuses.map((status) => [status, isTransient(failure(status))])).toEqual([
      [0, true],
      [408, true],
      [429, true],
      [500, true],
      [502, true],
      [503, true],
      [400, false],
      [401, false],
      [403, false],
      [404, false],
      [409, false],
      [410, false],
      [413, false],
    ]);
  });

  it('submitting through a dropped connection, a 429 and a 503 succeeds after 1, 2 and 4 s', async () => {
    const failures = [failure(0), failure(429), failure(503)];
    const calls: number[] = [];
    const retried: number[] = [];
    const done = untilDone(
      async () => {
        calls.push(Date.now());
        const next = failures.shift();
        if (next) throw next;
        return 'submitted';
      },
      (error) => retried.push(error.status),
    );
    await vi.advanceTimersByTimeAsync(7000);
    await expect(done).resolves.toBe('submitted');
    expect(calls).toEqual([0, 1000, 3000, 7000]);
    expect(retried).toEqual([0, 429, 503]);
  });

  it('a 429 is retried no sooner than its Retry-After', async () => {
    const busy = new ApiFailure(429, 'rate_limited', 'Too many requests.', { retryAfterMs: 5000 });
    const failures = [busy, failure(503)];
    const calls: number[] = [];
    const done = untilDone(
      async () => {
        calls.push(Date.now());
        const next = failures.shift();
        if (next) throw next;
        return 'finished';
      },
      () => undefined,
    );
    await vi.advanceTimersByTimeAsync(7000);
    await expect(done).resolves.toBe('finished');
    expect(calls).toEqual([0, 5000, 7000]);
  });

  it('a refusal (409) or an unexpected error is thrown at once, not retried', async () => {
    const onRetry = vi.fn();
    const conflict = failure(409);
    const refused = vi.fn(() => Promise.reject(conflict));
    await expect(untilDone(refused, onRetry)).rejects.toBe(conflict);
    expect(refused).toHaveBeenCalledTimes(1);

    const bug = new TypeError('not an ApiFailure');
    const broken = vi.fn(() => Promise.reject(bug));
    await expect(untilDone(broken, onRetry)).rejects.toBe(bug);
    expect(broken).toHaveBeenCalledTimes(1);
    expect(onRetry).not.toHaveBeenCalled();
  });
});
