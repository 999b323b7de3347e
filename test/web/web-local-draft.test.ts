/**
 * The browser's own copy of each draft (web/src/local-draft.ts), over a Map-backed stand-in for
 * localStorage: what is kept while the server does not have the text yet, and when a page that died before
 * its save reached the server offers that text back.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DraftSaver } from '../../web/src/autosave.js';
import {
  browserStorage,
  type LocalDraft,
  localDraftKey,
  localDraftStore,
  restoreOffer,
} from '../../web/src/local-draft.js';
import { type Submission, sameSubmission } from '../../web/src/submission.js';

/** localStorage as a Map; `fail` makes every call throw, as a full or disabled storage does. */
function memoryStorage(fail: Error | null = null): Storage & { items: Map<string, string> } {
  const items = new Map<string, string>();
  const guard = () => {
    if (fail) throw fail;
  };
  return {
    items,
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => {
      guard();
      return items.get(key) ?? null;
    },
    setItem: (key, value) => {
      guard();
      items.set(key, value);
    },
    removeItem: (key) => {
      guard();
      items.delete(key);
    },
  };
}

const KEY = localDraftKey('invite-token', 'ex-1');
const TAB_A = 'tab-a-0123456789abcdef';
const TAB_B = 'tab-b-0123456789abcdef';
const spec = (text: string): Submission => ({ kind: 'spec', text });
const bugHunt = (lines: [number, number][], explanation = ''): Submission => ({
  kind: 'bug-hunt',
  lines,
  explanation,
  fix: null,
});

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.restoreAllMocks();
});

describe('happy path: keeping the copy', () => {
  it('is kept per invite and per exercise', () => {
    expect(KEY).toBe('audition:draft:invite-token:ex-1');
    expect(localDraftKey('invite-token', 'ex-2')).not.toBe(KEY);
    expect(localDraftKey('other-token', 'ex-1')).not.toBe(KEY);
  });

  it('reads back what was written, with its base revision, when it was written and by which tab', () => {
    const storage = memoryStorage();
    const store = localDraftStore(storage, KEY, () => 1_700_000_000_000, TAB_A);
    store.write(bugHunt([[3, 4]], 'off by one'), 7);
    expect(store.read()).toEqual({
      submission: bugHunt([[3, 4]], 'off by one'),
      baseRevision: 7,
      savedAt: 1_700_000_000_000,
      tabId: TAB_A,
    });
    expect([...storage.items.keys()]).toEqual([KEY]);
  });

  it('a copy written before tabs were recorded reads with no tab', () => {
    const storage = memoryStorage();
    storage.setItem(KEY, '{"submission":{"kind":"spec","text":"a"},"baseRevision":1,"savedAt":5}');
    expect(localDraftStore(storage, KEY).read()).toEqual({
      submission: spec('a'),
      baseRevision: 1,
      savedAt: 5,
      tabId: null,
    });
  });

  it('cleared, there is nothing to read', () => {
    const store = localDraftStore(memoryStorage(), KEY);
    store.write(spec('a'), 1);
    store.clear();
    expect(store.read()).toBeNull();
  });

  it('autosave writes every change to it and clears it once the server holds the text', async () => {
    vi.useFakeTimers({ now: 0 });
    const storage = memoryStorage();
    const local = localDraftStore(storage, KEY);
    let answer: (revision: number) => void = () => undefined;
    const saver = new DraftSaver<Submission>({
      transport: () =>
        new Promise((resolve) => {
          answer = (revision) => resolve({ type: 'saved', revision, conflict: false });
        }),
      revision: 2,
      submission: spec(''),
      same: sameSubmission,
      local,
    });

    saver.change(spec('The endpoint returns 404 for'));
    expect(local.read()).toEqual({
      submission: spec('The endpoint returns 404 for'),
      baseRevision: 2,
      savedAt: 0,
      tabId: null,
    });
    saver.flush();
    answer(3);
    await vi.advanceTimersByTimeAsync(0);
    expect(storage.items.size).toBe(0);
  });
});

describe('bad input: a storage that fails or holds something else', () => {
  it('a full storage does not stop autosave: the failure is logged and nothing is thrown', () => {
    const full = new Error('QuotaExceededError');
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const store = localDraftStore(memoryStorage(full), KEY);
    expect(() => store.write(spec('a'), 1)).not.toThrow();
    expect(store.read()).toBeNull();
    expect(() => store.clear()).not.toThrow();
    expect(warned.mock.calls).toEqual([
      ['Could not write the local copy of the draft', full],
      ['Could not read the local copy of the draft', full],
      ['Could not clear the local copy of the draft', full],
    ]);
  });

  it('without storage (disabled by the browser) drafts are kept on the server only', () => {
    const store = localDraftStore(null, KEY);
    store.write(spec('a'), 1);
    expect(store.read()).toBeNull();
  });

  it('the browser’s localStorage is used when there is one', () => {
    const storage = memoryStorage();
    vi.stubGlobal('window', { localStorage: storage });
    expect(browserStorage()).toBe(storage);
  });

  it('a browser refusing localStorage (private mode) gives no storage, with a warning', () => {
    const refused = new Error('SecurityError');
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    vi.stubGlobal('window', {
      get localStorage(): Storage {
        throw refused;
      },
    });
    expect(browserStorage()).toBeNull();
    expect(warned).toHaveBeenCalledExactlyOnceWith(
      'Local storage is not available: drafts are kept on the server only.',
      refused,
    );
  });

  it.each([
    ['text that is not JSON', '{"submission":'],
    ['JSON of another shape', '{"text":"a"}'],
    ['a revision that is not a number', '{"submission":{"kind":"spec","text":"a"},"baseRevision":"1","savedAt":0}'],
    ['an answer of an unknown kind', '{"submission":{"kind":"essay","text":"a"},"baseRevision":1,"savedAt":0}'],
    [
      'a backwards line range',
      '{"submission":{"kind":"bug-hunt","lines":[[5,3]],"explanation":"","fix":null},"baseRevision":1,"savedAt":0}',
    ],
  ])('%s under the draft’s key reads as no copy', (_, raw) => {
    const storage = memoryStorage();
    storage.setItem(KEY, raw);
    expect(localDraftStore(storage, KEY).read()).toBeNull();
  });
});

describe('happy path: offering the copy back after the page died', () => {
  const copy = (
    submission: Submission,
    baseRevision: number,
    savedAt = 0,
    tabId: string | null = null,
  ): LocalDraft => ({
    submission,
    baseRevision,
    savedAt,
    tabId,
  });
  const server = (
    revision: number,
    submission: Submission,
    savedAt: number | null = 0,
    tabId: string | null = null,
  ) => ({
    revision,
    submission,
    savedAt,
    tabId,
  });

  it('a copy typed on the server’s latest revision, with different text, is offered', () => {
    const local = copy(spec('newer text'), 4);
    expect(restoreOffer(local, server(4, spec('older text')))).toBe(local);
  });

  it('a copy based on a later revision than the server reports is offered', () => {
    const local = copy(spec('newer text'), 5);
    expect(restoreOffer(local, server(4, spec('older text')))).toBe(local);
  });

  it('a bug-hunt copy that differs only in its marked lines is offered', () => {
    const local = copy(bugHunt([[3, 4]], 'why'), 2);
    expect(restoreOffer(local, server(2, bugHunt([[3, 3]], 'why')))).toBe(local);
  });

  it('text typed while a save was in flight, then the page died, is offered on the next load', async () => {
    vi.useFakeTimers({ now: 1000 });
    const storage = memoryStorage();
    const local = localDraftStore(storage, KEY, Date.now, TAB_A);
    const saver = new DraftSaver<Submission>({
      // The save reaches the server, but its answer never comes back: the page dies first.
      transport: () => new Promise(() => undefined),
      revision: 3,
      submission: spec('The link'),
      same: sameSubmission,
      local,
    });
    saver.change(spec('The link expires'));
    saver.flush();
    vi.advanceTimersByTime(40);
    saver.change(spec('The link expires after 7 days'));
    await vi.advanceTimersByTimeAsync(0);

    // The save in flight became revision 4 a moment after the last keystroke (1,060 > 1,040).
    const latest = server(4, spec('The link expires'), 1060, TAB_A);
    const offered = restoreOffer(local.read(), latest);
    expect(offered?.submission).toEqual(spec('The link expires after 7 days'));
    expect(offered?.baseRevision).toBe(3);
  });

  it('a copy written after the server’s latest revision was saved is offered, whichever tab saved it', () => {
    const local = copy(spec('typed offline'), 3, 2000, TAB_A);
    expect(restoreOffer(local, server(5, spec('other tab'), 1500, TAB_B))).toBe(local);
    const untracked = copy(spec('typed offline'), 3, 2000, null);
    expect(restoreOffer(untracked, server(4, spec('in flight'), 1990, null))).toBe(untracked);
  });

  it('nothing is offered when there is no copy', () => {
    expect(restoreOffer(null, server(0, spec(''), null))).toBeNull();
  });

  it('nothing is offered when the server already has the same text', () => {
    expect(restoreOffer(copy(spec('same'), 4), server(4, spec('same')))).toBeNull();
    expect(restoreOffer(copy(bugHunt([[3, 4]], 'why'), 4), server(4, bugHunt([[3, 4]], 'why')))).toBeNull();
    // Even when the copy's own tab saved it, or saved it before the copy was written.
    expect(restoreOffer(copy(spec('same'), 3, 10, TAB_A), server(4, spec('same'), 5, TAB_A))).toBeNull();
  });

  it('nothing is offered when another tab saved on top of the copy’s revision after the copy was written', () => {
    expect(
      restoreOffer(copy(spec('stale text'), 3, 1000, TAB_A), server(4, spec('other tab'), 2000, TAB_B)),
    ).toBeNull();
    // Nor when the copy's tab is unknown: the later save stands.
    expect(restoreOffer(copy(spec('stale text'), 3, 1000), server(4, spec('other tab'), 2000))).toBeNull();
  });

  it('nothing is offered when the copy is an answer of another kind', () => {
    expect(restoreOffer(copy(spec('text'), 4), server(4, bugHunt([])))).toBeNull();
    expect(restoreOffer(copy(spec('text'), 3, 10, TAB_A), server(4, bugHunt([]), 5, TAB_A))).toBeNull();
  });
});
