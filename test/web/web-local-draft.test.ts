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

  it('reads back what was written, with its base revision and when it was written', () => {
    const storage = memoryStorage();
    const store = localDraftStore(storage, KEY, () => 1_700_000_000_000);
    store.write(bugHunt([[3, 4]], 'off by one'), 7);
    expect(store.read()).toEqual({
      submission: bugHunt([[3, 4]], 'off by one'),
      baseRevision: 7,
      savedAt: 1_700_000_000_000,
    });
    expect([...storage.items.keys()]).toEqual([KEY]);
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
    expect(local.read()).toEqual({ submission: spec('The endpoint returns 404 for'), baseRevision: 2, savedAt: 0 });
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
  const copy = (submission: Submission, baseRevision: number): LocalDraft => ({ submission, baseRevision, savedAt: 0 });

  it('a copy typed on the server’s latest revision, with different text, is offered', () => {
    const local = copy(spec('newer text'), 4);
    expect(restoreOffer(local, { revision: 4, submission: spec('older text') })).toBe(local);
  });

  it('a copy based on a later revision than the server reports is offered', () => {
    const local = copy(spec('newer text'), 5);
    expect(restoreOffer(local, { revision: 4, submission: spec('older text') })).toBe(local);
  });

  it('a bug-hunt copy that differs only in its marked lines is offered', () => {
    const local = copy(bugHunt([[3, 4]], 'why'), 2);
    expect(restoreOffer(local, { revision: 2, submission: bugHunt([[3, 3]], 'why') })).toBe(local);
  });

  it('nothing is offered when there is no copy', () => {
    expect(restoreOffer(null, { revision: 0, submission: spec('') })).toBeNull();
  });

  it('nothing is offered when the server already has the same text', () => {
    expect(restoreOffer(copy(spec('same'), 4), { revision: 4, submission: spec('same') })).toBeNull();
    expect(
      restoreOffer(copy(bugHunt([[3, 4]], 'why'), 4), { revision: 4, submission: bugHunt([[3, 4]], 'why') }),
    ).toBeNull();
  });

  it('nothing is offered when another tab saved on top of the copy’s revision', () => {
    expect(restoreOffer(copy(spec('stale text'), 3), { revision: 4, submission: spec('other tab') })).toBeNull();
  });

  it('nothing is offered when the copy is an answer of another kind', () => {
    expect(restoreOffer(copy(spec('text'), 4), { revision: 4, submission: bugHunt([]) })).toBeNull();
  });
});
