/**
 * The page's exercises and their savers (web/src/exercise-sessions.ts) over a stubbed fetch: what each save
 * tells the server about the tab that sent it, and how the server's draft and a local copy meet on load.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ExerciseSessions, newTabId } from '../../web/src/exercise-sessions.js';
import { localDraftKey } from '../../web/src/local-draft.js';
import { ServerClock } from '../../web/src/server-clock.js';

const TOKEN = 't'.repeat(43);
const TAB = 'this-page-0123456789';

type ServerDraft = { revision: number; submission: unknown; savedAt: string; tabId: string | null } | null;

/** A server answering GET exercise with `drafts[id]` and every PUT draft with the next revision. */
function stubServer(drafts: Record<string, ServerDraft>, serverNow: string) {
  const puts: { exerciseId: string; body: Record<string, unknown> }[] = [];
  let revision = 10;
  const fetch = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input instanceof Request ? input.url : input);
    const exerciseId = decodeURIComponent(url.split('/exercises/')[1]?.split('/')[0] ?? '');
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    if (method === 'PUT') {
      const body = JSON.parse(String(init?.body ?? (input instanceof Request ? await input.text() : '')));
      puts.push({ exerciseId, body });
      revision += 1;
      return Response.json({
        revision,
        conflict: false,
        superseded: false,
        latestBefore: revision - 1,
        savedAt: serverNow,
        late: false,
        serverNow,
      });
    }
    return Response.json({
      exercise: { id: exerciseId, kind: 'spec', title: exerciseId, minutes: 10, brief: '', files: [] },
      draft: drafts[exerciseId] ?? null,
      submitted: null,
      serverNow,
      deadlineAt: '2026-11-25T12:00:00.000Z',
    });
  });
  vi.stubGlobal('fetch', fetch);
  return { puts };
}

function memoryStorage(items = new Map<string, string>()): Storage {
  return {
    get length() {
      return items.size;
    },
    clear: () => items.clear(),
    key: (index) => [...items.keys()][index] ?? null,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

const events = { onConflict: () => undefined, onClosed: () => undefined };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('happy path: each save says which tab sent it', () => {
  it('saves of every exercise carry this page’s tab id and one rising sequence', async () => {
    const { puts } = stubServer({}, '2026-11-25T10:00:00.000Z');
    const sessions = new ExerciseSessions(TOKEN, new ServerClock(), events, memoryStorage(), TAB);
    const spec = await sessions.load('spec-1');
    const other = await sessions.load('spec-2');
    spec.saver.change({ kind: 'spec', text: 'first' });
    await spec.saver.settled();
    other.saver.change({ kind: 'spec', text: 'second' });
    await other.saver.settled();
    spec.saver.change({ kind: 'spec', text: 'first, more' });
    await spec.saver.settled();

    expect(puts.map(({ exerciseId, body }) => [exerciseId, body.tab])).toEqual([
      ['spec-1', { id: TAB, seq: 1 }],
      ['spec-2', { id: TAB, seq: 2 }],
      ['spec-1', { id: TAB, seq: 3 }],
    ]);
  });

  it('each page load gets its own random tab id, of a form the server accepts', () => {
    const ids = Array.from({ length: 50 }, newTabId);
    expect(new Set(ids).size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});

describe('happy path: a local copy meets the server’s draft on load', () => {
  const copy = (text: string, baseRevision: number, savedAt: number, tabId: string | null) =>
    JSON.stringify({ submission: { kind: 'spec', text }, baseRevision, savedAt, tabId });

  it('a copy typed while its tab’s save was in flight is offered, though the save moved the revision on', async () => {
    stubServer(
      {
        'spec-1': {
          revision: 4,
          submission: { kind: 'spec', text: 'The link' },
          savedAt: '2026-11-25T10:00:05.000Z',
          tabId: 'the-page-that-died-01',
        },
      },
      '2026-11-25T10:01:00.000Z',
    );
    vi.useFakeTimers({ now: Date.parse('2026-11-25T10:01:00.000Z'), toFake: ['Date'] });
    const storage = memoryStorage();
    // Written at 10:00:04, a second before the server stored the older text.
    const written = Date.parse('2026-11-25T10:00:04.000Z');
    storage.setItem(localDraftKey(TOKEN, 'spec-1'), copy('The link expires', 3, written, 'the-page-that-died-01'));
    const sessions = new ExerciseSessions(TOKEN, new ServerClock(), events, storage, TAB);
    const session = await sessions.load('spec-1');
    expect(session.restoreOffer?.submission).toEqual({ kind: 'spec', text: 'The link expires' });
  });

  it('the server’s save time is read on this computer’s clock, however far off that clock is', async () => {
    // The server's clock is 5 minutes ahead of this computer's.
    const draft = (savedAt: string) => ({
      'spec-1': { revision: 4, submission: { kind: 'spec', text: 'other tab' }, savedAt, tabId: 'another-tab-0123456' },
    });
    const localNow = Date.parse('2026-11-25T10:00:30.000Z');
    const written = Date.parse('2026-11-25T10:00:10.000Z');
    const load = async () => {
      const storage = memoryStorage();
      storage.setItem(localDraftKey(TOKEN, 'spec-1'), copy('typed offline', 3, written, 'the-page-that-died-01'));
      const sessions = new ExerciseSessions(TOKEN, new ServerClock(), events, storage, TAB);
      return (await sessions.load('spec-1')).restoreOffer;
    };
    vi.useFakeTimers({ now: localNow, toFake: ['Date'] });

    // Saved at 10:00:05 here (10:05:05 there): before the copy was written, so the copy is the later work.
    stubServer(draft('2026-11-25T10:05:05.000Z'), '2026-11-25T10:05:30.000Z');
    expect((await load())?.submission).toEqual({ kind: 'spec', text: 'typed offline' });

    // Saved at 10:00:15 here: after the copy, so the other tab's text stands.
    stubServer(draft('2026-11-25T10:05:15.000Z'), '2026-11-25T10:05:30.000Z');
    expect(await load()).toBeNull();
  });
});
