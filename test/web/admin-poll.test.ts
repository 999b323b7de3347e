/**
 * How the assessment page asks the server again (web/src/admin-poll.ts): every 10 s while the tab is visible,
 * backing off after failures, stopping after a final refusal, and never letting an answer that predates a
 * change the page made overwrite it.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_POLL_WAIT_MS, POLL_EVERY_MS, type Poller, pollDelay, startPoller } from '../../web/src/admin-poll.js';

describe('the delay between polls', () => {
  it('is 10 seconds while all is well', () => {
    expect(POLL_EVERY_MS).toBe(10_000);
    expect(pollDelay(0)).toBe(10_000);
  });

  it('doubles after each failed poll, up to a minute', () => {
    expect([1, 2, 3, 4].map((failures) => pollDelay(failures))).toEqual([20_000, 40_000, 60_000, 60_000]);
    expect(MAX_POLL_WAIT_MS).toBe(60_000);
  });

  it('after a very long outage is still a minute, never Infinity', () => {
    expect(pollDelay(5000)).toBe(60_000);
  });
});

/** A load whose answers the test gives one by one, recording each request's abort signal. */
function scriptedLoad() {
  const calls: { signal: AbortSignal; resolve: (value: string) => void; reject: (error: unknown) => void }[] = [];
  const load = (signal: AbortSignal) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ signal, resolve, reject });
    });
  return { load, calls };
}

describe('polling', () => {
  let visible: boolean;
  let poller: Poller | null;
  let data: string[];
  let errors: unknown[];

  beforeEach(() => {
    vi.useFakeTimers();
    visible = true;
    poller = null;
    data = [];
    errors = [];
  });
  afterEach(() => {
    poller?.stop();
    vi.useRealTimers();
  });

  function start(
    load: (signal: AbortSignal) => Promise<string>,
    options: { pollMs?: number | undefined; final?: boolean } = {},
  ) {
    poller = startPoller({
      load,
      pollMs: 'pollMs' in options ? options.pollMs : POLL_EVERY_MS,
      isVisible: () => visible,
      onData: (d) => data.push(d),
      onError: (e) => {
        errors.push(e);
        return options.final ?? false;
      },
    });
    return poller;
  }

  it('asks at once, then every 10 seconds while the tab is visible', async () => {
    const { load, calls } = scriptedLoad();
    start(load);
    expect(calls).toHaveLength(1);
    calls[0]?.resolve('first');
    await vi.advanceTimersByTimeAsync(9_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('second');
    await vi.advanceTimersByTimeAsync(0);
    expect(data).toEqual(['first', 'second']);
  });

  it('a hidden tab is not polled; coming back asks at once', async () => {
    const { load, calls } = scriptedLoad();
    const p = start(load);
    visible = false;
    p.visibilityChanged();
    calls[0]?.resolve('first');
    await vi.advanceTimersByTimeAsync(5 * 60_000);
    expect(calls).toHaveLength(1);
    visible = true;
    p.visibilityChanged();
    expect(calls).toHaveLength(2);
  });

  it('waits longer after each failure, and every 10 seconds again once the server answers', async () => {
    const { load, calls } = scriptedLoad();
    start(load);
    calls[0]?.reject(new Error('down'));
    await vi.advanceTimersByTimeAsync(19_999);
    expect(calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(2);
    calls[1]?.reject(new Error('still down'));
    await vi.advanceTimersByTimeAsync(39_999);
    expect(calls).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(calls).toHaveLength(3);
    calls[2]?.resolve('back');
    await vi.advanceTimersByTimeAsync(10_000);
    expect(calls).toHaveLength(4);
    expect(errors).toHaveLength(2);
    expect(data).toEqual(['back']);
  });

  it('a final refusal stops the polling; a refresh still asks', async () => {
    const { load, calls } = scriptedLoad();
    const p = start(load, { final: true });
    calls[0]?.reject(new Error('404'));
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(1);
    p.refresh();
    expect(calls).toHaveLength(2);
  });

  it('a refresh during a poll drops that poll’s answer, which may predate the change, and asks again', async () => {
    const { load, calls } = scriptedLoad();
    const p = start(load);
    p.refresh();
    expect(calls).toHaveLength(1);
    calls[0]?.resolve('before the change');
    await vi.advanceTimersByTimeAsync(0);
    expect(calls).toHaveLength(2);
    calls[1]?.resolve('after the change');
    await vi.advanceTimersByTimeAsync(0);
    expect(data).toEqual(['after the change']);
  });

  it('without an interval it asks once, and again only when refreshed', async () => {
    const { load, calls } = scriptedLoad();
    const p = start(load, { pollMs: undefined });
    calls[0]?.resolve('once');
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(calls).toHaveLength(1);
    p.refresh();
    expect(calls).toHaveLength(2);
  });

  it('stopped (the page left), it aborts the request in flight and reports nothing more', async () => {
    const { load, calls } = scriptedLoad();
    const p = start(load);
    p.stop();
    expect(calls[0]?.signal.aborted).toBe(true);
    calls[0]?.reject(new DOMException('aborted', 'AbortError'));
    await vi.advanceTimersByTimeAsync(60_000);
    expect(calls).toHaveLength(1);
    expect(errors).toEqual([]);
  });
});
