/**
 * A candidate in real Chromium against the real server: the whole attempt with a reload in the middle, a
 * server restart in the middle (no saved keystroke lost), and the automatic submission at the deadline.
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, killServers, type Server, start } from '../helpers/server-process.js';
import { launchBrowser } from './browser.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});
afterEach(killServers);

/** Creates an assessment of both fixture exercises and an invite; returns the invite's token. */
async function invite(server: Server, minutes = 40): Promise<string> {
  const login = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(ADMIN),
  });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const post = (path: string, body: unknown) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie },
      body: JSON.stringify(body),
    }).then((r) => r.json() as Promise<Record<string, string>>);
  const assessment = await post('/api/staff/assessments', {
    name: 'Browser test',
    exerciseIds: ['canary-spec', 'canary-bug'],
    minutes,
  });
  const created = await post(`/api/staff/assessments/${assessment.id}/invites`, { name: 'Ada' });
  return created.url?.split('/take/')[1] ?? '';
}

/** What the server holds for one exercise of the attempt. */
async function serverState(server: Server, token: string, exerciseId: string) {
  const res = await fetch(`${server.url}/api/take/${token}/exercises/${exerciseId}`);
  return (await res.json()) as {
    draft: { revision: number; submission: Record<string, unknown> } | null;
    submitted: { submittedAt: string; lateMs: number } | null;
  };
}

function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    const text = m.text();
    // Failed requests while the server is down are expected in the restart test; nothing else is.
    if (m.type() === 'error' && !text.startsWith('Failed to load resource') && !text.includes('Saving the draft')) {
      errors.push(text);
    }
  });
  return errors;
}

async function typeInto(page: Page, testId: string, text: string) {
  await page.locator(`[data-testid="${testId}"] .cm-content`).click();
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
}

const saveState = (page: Page) => page.getByTestId('save-state').textContent();

async function confirm(page: Page, testId: string) {
  await page.getByTestId(testId).click();
  await page.getByTestId('dialog-confirm').click();
}

describe('a candidate takes an assessment in the browser', () => {
  it('completes a spec and a bug-hunt, finds the draft after a reload, submits and finishes', async () => {
    const server = await start(mkdtempSync(join(tmpdir(), 'audition-e2e-')));
    const token = await invite(server);
    const page = await browser.newPage();
    const errors = watchErrors(page);

    await page.goto(`${server.url}/take/${token}`);
    await page.getByText('Browser test').first().waitFor();
    expect(await page.locator('body').textContent()).not.toContain('Let them reset it by email');
    await page.getByTestId('start-button').click();
    await page.getByTestId('time-left').waitFor();

    await page.getByTestId('nav-exercise-canary-spec').click();
    await typeInto(page, 'spec-editor', '# Behaviour\nReset links expire after 30 minutes.');
    await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('Saved');
    await expect
      .poll(async () => (await serverState(server, token, 'canary-spec')).draft?.submission.text)
      .toContain('Reset links expire after 30 minutes.');
    expect(await page.getByTestId('word-count').textContent()).toMatch(/\b8 words\b/);

    await page.reload();
    await page.getByTestId('nav-exercise-canary-spec').click();
    await expect
      .poll(() => page.locator('[data-testid="spec-editor"] .cm-content').textContent())
      .toContain('Reset links expire after 30 minutes.');
    await confirm(page, 'submit-button');
    await expect.poll(async () => (await serverState(server, token, 'canary-spec')).submitted).not.toBeNull();

    await page.getByTestId('nav-exercise-canary-bug').click();
    await page.locator('[data-testid="code-view"] .cm-lineNumbers .cm-gutterElement', { hasText: /^4$/ }).click();
    await expect.poll(() => page.getByTestId('marked-ranges').textContent()).toContain('Line 4');
    await typeInto(page, 'explanation-editor', 'The loop starts at index 1 and skips the first value.');
    await page.getByTestId('propose-fix-button').click();
    await page.locator('[data-testid="fix-editor"] .cm-content').click();
    await page.keyboard.press('Control+Home');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('End');
    await page.keyboard.type(' // start at 0');
    await expect.poll(() => page.getByTestId('diff-view').textContent()).toContain('start at 0');
    await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('Saved');
    const bug = await serverState(server, token, 'canary-bug');
    expect(bug.draft?.submission).toMatchObject({
      kind: 'bug-hunt',
      lines: [[4, 4]],
      explanation: 'The loop starts at index 1 and skips the first value.',
    });
    expect(bug.draft?.submission.fix).toContain('// start at 0');

    await confirm(page, 'finish-button');
    await page.getByTestId('done-page').waitFor();
    expect((await serverState(server, token, 'canary-bug')).submitted).toMatchObject({ lateMs: 0 });
    expect(errors).toEqual([]);
  });

  it('loses no saved keystroke when the server stops and starts again in the middle of the attempt', async () => {
    const port = await freePort();
    const dataDir = mkdtempSync(join(tmpdir(), 'audition-e2e-'));
    let server = await start(dataDir, { PORT: String(port) });
    const token = await invite(server);
    const page = await browser.newPage();
    await page.goto(`${server.url}/take/${token}`);
    await page.getByTestId('start-button').click();
    await page.getByTestId('nav-exercise-canary-spec').click();
    await typeInto(page, 'spec-editor', 'Before the restart.');
    await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('Saved');

    server.child.kill('SIGTERM');
    await server.exited;
    await typeInto(page, 'spec-editor', ' Typed while the server was down.');
    await expect.poll(() => saveState(page), { timeout: 20_000 }).toBe('Offline — will retry');

    server = await start(dataDir, { PORT: String(port) });
    await expect.poll(() => saveState(page), { timeout: 45_000 }).toBe('Saved');
    const state = await serverState(server, token, 'canary-spec');
    expect(state.draft?.submission.text).toBe('Before the restart. Typed while the server was down.');
  });

  it('submits every unsubmitted draft when the time runs out', async () => {
    const server = await start(mkdtempSync(join(tmpdir(), 'audition-e2e-')));
    const token = await invite(server, 1);
    const page = await browser.newPage();
    await page.clock.install();
    await page.goto(`${server.url}/take/${token}`);
    await page.getByTestId('start-button').click();
    await page.getByTestId('nav-exercise-canary-spec').click();
    await typeInto(page, 'spec-editor', 'Written just before the deadline.');
    await page.clock.fastForward('00:03');
    await expect.poll(() => saveState(page), { timeout: 15_000 }).toBe('Saved');

    await page.clock.fastForward('01:05');
    await page.getByTestId('done-page').waitFor({ timeout: 30_000 });
    const spec = await serverState(server, token, 'canary-spec');
    const bug = await serverState(server, token, 'canary-bug');
    expect(spec.submitted).not.toBeNull();
    expect(bug.submitted).not.toBeNull();
    expect(spec.draft?.submission.text).toBe('Written just before the deadline.');
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}
