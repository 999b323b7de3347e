/**
 * Authors and admins in real Chromium against the real server: an author reads a bug-hunt's key and bug diff
 * and tries an answer (graded, stored nowhere); a reviewer gets the candidate's view only; an admin reads
 * Calibration, empty and then with one review confirmed through the API. The server's judge talks to a fake
 * Messages API (ANTHROPIC_BASE_URL), so that a spec's LLM score is seen arriving after the checks', and the
 * judge being down is seen too. (Without an API key: test/web/author-try-state.test.ts and test/api.)
 */
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, killServers, type Server, start } from '../helpers/server-process.js';
import { launchBrowser } from './browser.js';

let server: Server;
let browser: Browser;
let adminCookie: string;
let fake: FakeMessagesApi;

type Credentials = { email: string; password: string };

beforeAll(async () => {
  fake = await fakeMessagesApi();
  server = await start(mkdtempSync(join(tmpdir(), 'audition-e2e-author-')), {
    ANTHROPIC_API_KEY: 'test-key',
    ANTHROPIC_BASE_URL: fake.url,
  });
  browser = await launchBrowser();
  adminCookie = await signIn(ADMIN);
});
afterAll(async () => {
  await browser?.close();
  killServers();
  await fake?.close();
});

async function signIn(credentials: Credentials): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(credentials),
  });
  expect(res.status).toBe(200);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A JSON request that must succeed; answers the body. */
async function api<T>(method: string, path: string, options: { body?: unknown; cookie?: string } = {}): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(options.cookie ? { cookie: options.cookie } : {}) },
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
  return JSON.parse(text) as T;
}

async function addStaff(role: 'author' | 'reviewer'): Promise<Credentials> {
  const email = `${role}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const { password } = await api<{ password: string }>('POST', '/api/staff/users', {
    body: { email, role },
    cookie: adminCookie,
  });
  return { email, password };
}

/** A page that fails the test on a script error or a console error (expected 4xx resources aside). */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return { page, errors };
}

/** Opens a staff page signed out, signs in on the login page, and lands back on it. */
async function signInAs(page: Page, credentials: Credentials, path: string, search = '') {
  await page.goto(`${server.url}${path}${search}`);
  await page.waitForURL(/\/login/);
  await page.getByLabel('Email').fill(credentials.email);
  await page.getByLabel('Password').fill(credentials.password);
  await page.keyboard.press('Enter');
  await page.waitForURL((url) => url.pathname === path && url.search === search);
}

const text = async (page: Page, testId: string) => (await page.getByTestId(testId).textContent()) ?? '';

describe('an author previews a bug-hunt exercise', () => {
  it('sees the key and the bug as a diff, and tries an answer that finds the bug, stored nowhere', async () => {
    const author = await addStaff('author');
    const { page, errors } = await openPage();
    await signInAs(page, author, '/exercises');
    await page.getByRole('link', { name: 'Sum of a list' }).click();
    await page.waitForURL(/\/exercises\/canary-bug$/);
    await expect
      .poll(() => page.getByRole('tab').allTextContents())
      .toEqual(['Candidate view', 'Key', 'Try an answer']);
    expect(await page.getByRole('tab', { name: 'Candidate view' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.locator('main').textContent()).toContain('Write a function that adds up a list of numbers.');

    // The tabs follow the keyboard (arrow keys), as the ARIA tabs pattern has it.
    await page.getByRole('tab', { name: 'Candidate view' }).focus();
    await page.keyboard.press('ArrowRight');
    await page.waitForURL(/\?view=key$/);
    await page.getByTestId('key-view').waitFor();
    const key = await text(page, 'key-view');
    expect(key).toContain('The loop starts at index 1 and skips the first value.');
    expect(key).toContain('off[- ]by[- ]one');
    expect(key).toContain('Location');
    expect(await text(page, 'bug-lines')).toContain('Bug lines in buggy.ts: 4');
    const diff = page.getByTestId('bug-diff');
    expect(await diff.locator('.diff-remove').allTextContents()).toEqual([
      '4-  for (let i = 1; i < values.length; i++) total += values[i] ?? 0;',
    ]);
    expect(await diff.locator('.diff-add').allTextContents()).toEqual([
      '+  for (let i = 0; i < values.length; i++) total += values[i] ?? 0; // PRIVATE-CANARY-fixed',
    ]);

    await page.getByRole('tab', { name: 'Try an answer' }).click();
    await page.waitForURL(/\?view=try$/);
    expect(await text(page, 'nothing-stored')).toContain('Nothing here is stored.');

    // Bad input first: a line past the end of the file is refused, beside the field and in an alert.
    const lines = page.getByLabel('Lines of buggy.ts the answer marks');
    await lines.fill('4, 9');
    await page.getByRole('button', { name: 'Grade' }).click();
    await expect
      .poll(() => page.getByRole('alert').allTextContents())
      .toContain('The answer cannot be graded yet.Marked lines: “9”: the file has 6 lines.');
    expect(await lines.getAttribute('aria-invalid')).toBe('true');
    expect(await page.locator('#try-lines:focus').count()).toBe(1);

    await lines.fill('4');
    await page.locator('[data-testid="try-explanation"] .cm-content').click();
    await page.keyboard.type('The loop starts at index 1, an off-by-one that skips the first value.');
    await page.getByRole('button', { name: 'Grade' }).click();
    await page.getByTestId('pregrade').waitFor();
    expect(await text(page, 'pregrade-bug-found')).toBe('yes');
    expect(await text(page, 'pregrade-total')).toBe('8 / 10');
    expect(await text(page, 'score-location')).toBe('4 / 4');
    expect(await text(page, 'score-concept')).toBe('4 / 4');
    expect(await text(page, 'score-fix')).toBe('0 / 2');
    expect(await text(page, 'llm-status')).toContain('This rubric has no LLM criteria');
    expect(await page.getByTestId('pregrade').textContent()).toContain('marked line 4 covers the bug');

    // Editing after a grade says the grade is of the earlier answer.
    await lines.fill('1-2');
    await page.getByTestId('pregrade-edited').waitFor();

    // Nothing stored: no submission exists for a reviewer to see.
    const queue = await api<{ submissions: unknown[] }>('GET', '/api/staff/submissions', { cookie: adminCookie });
    expect(queue.submissions).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a reviewer the candidate’s view only: no tabs, no key', async () => {
    const reviewer = await addStaff('reviewer');
    const { page, errors } = await openPage();
    await signInAs(page, reviewer, '/exercises/canary-bug');
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Write a function that adds up a list of numbers.');
    expect(await page.getByRole('tab').count()).toBe(0);
    expect(await page.locator('main').textContent()).not.toContain('PRIVATE-CANARY');
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an admin reads calibration', () => {
  it('shows the empty state, then n = 1 once a reviewer confirms a bug-hunt submission', async () => {
    const { page, errors } = await openPage();
    await signInAs(page, ADMIN, '/calibration');
    await expect
      .poll(() => page.getByTestId('calibration-empty').textContent())
      .toContain('No confirmed reviews yet: calibration appears once reviewers confirm submissions.');

    const assessmentId = await confirmOneBugHunt();

    await page.reload();
    const figures = page.getByTestId('figures-canary-bug');
    await figures.waitFor();
    const row = (id: string) => figures.locator(`tr[data-row="${id}"]`);
    expect(await row('location').locator('[data-figure="n"]').textContent()).toBe('1');
    expect(await row('concept').locator('[data-figure="n"]').textContent()).toBe('1');
    // The exercise's row pools its three criteria's scores.
    expect(await row('overall').locator('[data-figure="n"]').textContent()).toBe('3');
    // The reviewer took a point off the concept: the pre-grader was generous there, and nowhere else.
    expect(await row('concept').textContent()).toContain('+1pre-grader generous');
    expect(await row('location').textContent()).toContain('100%');
    expect(await text(page, 'reviewed-count')).toBe('1 confirmed submission compared');
    const heat = page.getByTestId('heatmap-concept');
    expect(await heat.locator('td[title="pre-grade 4, reviewer 3: 1"]').textContent()).toBe('1');
    expect(await heat.locator('.heat-diagonal').count()).toBe(5);
    expect(await heat.textContent()).toContain('pre-grade');
    expect(await heat.textContent()).toContain('reviewer');

    // One assessment: the figures and the export links follow the choice, and the address keeps it.
    await page.getByLabel('Assessment').selectOption(assessmentId);
    await page.waitForURL((url) => url.searchParams.get('assessment') === assessmentId);
    await expect.poll(() => row('location').locator('[data-figure="n"]').textContent()).toBe('1');
    expect(await page.getByRole('link', { name: 'CSV' }).getAttribute('href')).toBe(
      `/api/staff/export?format=csv&assessment=${assessmentId}`,
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('an author tries a spec answer with the LLM judge configured', () => {
  it('shows the checks at once, "asking the LLM judge…", then its score; and the 503 when the judge is down', async () => {
    const { page, errors } = await openPage();
    try {
      await signInAs(page, ADMIN, '/exercises/canary-spec', '?view=try');
      await page.locator('[data-testid="try-spec"] .cm-content').click();
      await page.keyboard.type(SPEC);

      fake.next = 'answer';
      const answer = fake.holdAnswers();
      await page.getByRole('button', { name: 'Grade' }).click();
      // The fake judge answers when told: the checks' scores are on the page while it thinks.
      await page.getByText('Asking the LLM judge…').waitFor();
      expect(await text(page, 'score-length')).toBe('0 / 1');
      expect(await text(page, 'score-judgement')).toBe('— / 3');
      answer();
      await page.getByText('The LLM judge has scored its criteria.').waitFor();
      expect(await text(page, 'score-judgement')).toBe('3 / 3');
      expect(await page.locator('[data-criterion="judgement"]').textContent()).toContain('Sound scoping');
      expect(fake.requests).toBe(1);

      fake.next = 'overloaded';
      await page.locator('[data-testid="try-spec"] .cm-content').click();
      await page.keyboard.type(' Reset links are single-use.');
      await page.getByRole('button', { name: 'Grade' }).click();
      await expect
        .poll(() => page.getByTestId('llm-status').textContent(), { timeout: 20_000 })
        .toContain('The LLM judge is unavailable');
      expect(await text(page, 'llm-status')).toContain('the deterministic grade stands');
      expect(await text(page, 'score-coverage')).toMatch(/^\d \/ 4$/);
      expect(await text(page, 'score-judgement')).toBe('— / 3');
      expect(errors).toEqual([]);
    } finally {
      await page.close();
    }
  });
});

const SPEC = '# Password reset\n\nTokens expire after an hour. Requests are rate limited per email.';

/**
 * Just enough of Anthropic's Messages API (POST /v1/messages) for the judge: an answer to the spec rubric's
 * one LLM criterion when the test lets it (holdAnswers), or 529 Overloaded (with retry-after-ms, so the SDK's retries are quick).
 */
type FakeMessagesApi = Awaited<ReturnType<typeof fakeMessagesApi>>;

async function fakeMessagesApi() {
  const state = {
    next: 'answer' as 'answer' | 'overloaded',
    requests: 0,
    answerGate: Promise.resolve(),
    /** Holds answers back until the function returned is called, so that the test sees the page meanwhile. */
    holdAnswers(): () => void {
      let release!: () => void;
      state.answerGate = new Promise<void>((resolve) => (release = resolve));
      return () => release();
    },
  };
  const http = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => {
      body += chunk.toString();
    });
    req.on('end', () => {
      state.requests++;
      if (state.next === 'overloaded') {
        res.writeHead(529, { 'content-type': 'application/json', 'retry-after-ms': '1', 'request-id': 'req_fake' });
        res.end(JSON.stringify({ type: 'error', error: { type: 'overloaded_error', message: 'Overloaded' } }));
        return;
      }
      const { model } = JSON.parse(body) as { model: string };
      const output = {
        judgement: {
          score: 3,
          rationale: 'Sound scoping decisions: expiry and rate limits are stated.',
          quotes: ['Tokens expire after an hour.'],
        },
      };
      void state.answerGate.then(() => {
        res.writeHead(200, { 'content-type': 'application/json', 'request-id': 'req_fake' });
        res.end(
          JSON.stringify({
            id: 'msg_fake',
            type: 'message',
            role: 'assistant',
            model,
            content: [{ type: 'text', text: JSON.stringify(output) }],
            stop_reason: 'end_turn',
            stop_sequence: null,
            usage: {
              input_tokens: 900,
              output_tokens: 120,
              cache_creation_input_tokens: 0,
              cache_read_input_tokens: 0,
            },
          }),
        );
      });
    });
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return Object.assign(state, {
    url: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  });
}

/**
 * Through the candidate's and the reviewer's APIs: an assessment of the bug-hunt, a candidate who finds the
 * bug (pre-grade: location 4, concept 4, fix 0), and a reviewer who confirms with one point off the concept.
 */
async function confirmOneBugHunt(): Promise<string> {
  const assessment = await api<{ id: string }>('POST', '/api/staff/assessments', {
    body: { name: 'Calibration e2e', exerciseIds: ['canary-bug'], minutes: 20 },
    cookie: adminCookie,
  });
  const invite = await api<{ url: string }>('POST', `/api/staff/assessments/${assessment.id}/invites`, {
    body: { name: 'Grace' },
    cookie: adminCookie,
  });
  const token = invite.url.split('/take/')[1] ?? '';
  await api('POST', `/api/take/${token}/start`);
  await api('PUT', `/api/take/${token}/exercises/canary-bug/draft`, {
    body: {
      baseRevision: 0,
      submission: {
        kind: 'bug-hunt',
        lines: [[4, 4]],
        explanation: 'The loop starts at index 1, an off-by-one that skips the first value.',
        fix: null,
      },
    },
  });
  await api('POST', `/api/take/${token}/exercises/canary-bug/submit`);

  const reviewer = await signIn(await addStaff('reviewer'));
  const queue = await api<{ submissions: { id: string }[] }>('GET', '/api/staff/submissions', { cookie: reviewer });
  expect(queue.submissions).toHaveLength(1);
  const id = queue.submissions[0]?.id ?? '';
  const detail = await api<{
    review: { version: number };
    pregrade: { criteria: { id: string; score: number; status: string }[] };
  }>('GET', `/api/staff/submissions/${id}`, { cookie: reviewer });
  expect(detail.pregrade.criteria.map((c) => [c.id, c.status, c.score])).toEqual([
    ['location', 'scored', 4],
    ['concept', 'scored', 4],
    ['fix', 'scored', 0],
  ]);
  await api('POST', `/api/staff/submissions/${id}/review`, {
    body: {
      version: detail.review.version,
      criteria: [
        { id: 'location', score: 4 },
        { id: 'concept', score: 3, reason: 'Names the off-by-one but not why index 0 matters.' },
        { id: 'fix', score: 0 },
      ],
      confirm: true,
    },
    cookie: reviewer,
  });
  return assessment.id;
}
