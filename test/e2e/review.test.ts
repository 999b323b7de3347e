/**
 * The review workspace in real Chromium against the real server and the real exercise library
 * (team-invitations: a spec; booking-overlap: a bug hunt), with no API key, so the LLM criteria stay
 * pending and the reviewer scores them. Everything is seeded through the API as people would: an admin
 * creates the assessment and a reviewer, a candidate saves drafts and submits. Each test has its own data.
 */

import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { csvRecords } from '../helpers/csv.js';
import { ADMIN, killServers, ROOT, type Server, start } from '../helpers/server-process.js';
import { launchBrowser } from './browser.js';

let server: Server;
let browser: Browser;
let admin: string;

beforeAll(async () => {
  server = await start(mkdtempSync(join(tmpdir(), 'audition-e2e-review-')), { CONTENT_DIR: ROOT });
  browser = await launchBrowser();
  admin = await cookieOf(ADMIN.email, ADMIN.password);
});
afterAll(async () => {
  await browser?.close();
  killServers();
});

type QueueRow = { id: string; state: string; exercise: { id: string } };

async function call<T>(method: string, path: string, cookie: string | null, body?: unknown): Promise<T> {
  const res = await fetch(`${server.url}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
  return (text ? JSON.parse(text) : null) as T;
}

async function cookieOf(email: string, password: string): Promise<string> {
  const res = await fetch(`${server.url}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`login ${email}: ${res.status}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
}

/** A worked example from the library (exercises/<id>/examples/<name>.yaml). */
function example(exercise: string, name: string): unknown {
  const file = readFileSync(join(ROOT, 'exercises', exercise, 'examples', `${name}.yaml`), 'utf8');
  return (parse(file) as { submission: unknown }).submission;
}

/**
 * An assessment of the two exercises and one candidate who submits the bug hunt, then the spec (so the bug
 * hunt is the older, first in the queue). Waits until grading has finished: the LLM criteria end pending.
 */
async function submittedAttempt(answers: { spec: unknown; bug: unknown }) {
  const assessment = await call<{ id: string }>('POST', '/api/staff/assessments', admin, {
    name: `Review e2e ${Math.random().toString(36).slice(2, 8)}`,
    exerciseIds: ['team-invitations', 'booking-overlap'],
    minutes: 120,
  });
  const invite = await call<{ url: string }>('POST', `/api/staff/assessments/${assessment.id}/invites`, admin, {
    name: 'Ada Lovelace',
    email: 'ada@example.test',
  });
  const take = `/api/take/${invite.url.split('/take/')[1]}`;
  await call('POST', `${take}/start`, null, {});
  for (const [exercise, submission] of [
    ['booking-overlap', answers.bug],
    ['team-invitations', answers.spec],
  ] as const) {
    await call('PUT', `${take}/exercises/${exercise}/draft`, null, { baseRevision: 0, submission });
    await call('POST', `${take}/exercises/${exercise}/submit`, null, {});
  }
  let rows: QueueRow[] = [];
  await expect
    .poll(
      async () => {
        rows = (
          await call<{ submissions: QueueRow[] }>('GET', `/api/staff/submissions?assessment=${assessment.id}`, admin)
        ).submissions;
        return rows.map((r) => r.state);
      },
      { timeout: 30_000, interval: 250 },
    )
    .toEqual(['ready', 'ready']);
  const idOf = (exercise: string) => rows.find((r) => r.exercise.id === exercise)?.id ?? '';
  return { assessment: assessment.id, bug: idOf('booking-overlap'), spec: idOf('team-invitations') };
}

async function newReviewer(): Promise<{ email: string; password: string }> {
  const email = `reviewer-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const { password } = await call<{ password: string }>('POST', '/api/staff/users', admin, { email, role: 'reviewer' });
  return { email, password };
}

/** Signs in on the login page with the keyboard (the email field has focus when the page opens). */
async function signIn(page: Page, user: { email: string; password: string }) {
  await page.waitForURL(/\/login/);
  await page.locator('#login-email').waitFor();
  await page.keyboard.type(user.email);
  await page.keyboard.press('Tab');
  await page.keyboard.type(user.password);
  await page.keyboard.press('Enter');
}

/**
 * Page errors and console errors. The one expected failure is the 401 of the session check before signing
 * in, which Chromium logs as a failed resource; anything else (a CSP violation, a React error) is kept.
 */
function watchErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    const text = m.text();
    if (m.type() === 'error' && !/status of 401/.test(text)) errors.push(text);
  });
  return errors;
}

/**
 * The DOM as the page.evaluate callbacks below use it. They run in the browser, but this file is typechecked
 * with the server's tsconfig, which has no DOM library (and should not: server code must not see `document`),
 * so the few shapes they need are declared here and reached through globalThis.
 */
type DomElement = {
  tagName: string;
  id: string;
  textContent: string | null;
  outerHTML: string;
  value?: string;
  attributes: ArrayLike<{ name: string }>;
  shadowRoot: DomRoot | null;
  getAttribute(name: string): string | null;
};
type DomRoot = { querySelectorAll(selector: string): ArrayLike<DomElement> };
type DomGlobals = {
  document: DomRoot & {
    activeElement: DomElement | null;
    querySelector(selector: string): (DomElement & DomRoot) | null;
    addEventListener(type: string, listener: (event: { violatedDirective: string; blockedURI: string }) => void): void;
  };
  cspViolations?: string[];
};

const focused = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as unknown as DomGlobals).document.activeElement;
    return {
      tag: el?.tagName ?? null,
      id: el?.id ?? '',
      testId: el?.getAttribute('data-testid') ?? '',
      text: el?.textContent ?? '',
      value: el?.tagName === 'INPUT' ? (el.value ?? null) : null,
    };
  });

const selectedCriterion = (page: Page) =>
  page.locator('[data-testid="criteria"] > li[aria-current="true"]').getAttribute('data-criterion');

describe('a reviewer works through the queue with the keyboard', () => {
  it('opens a pre-graded submission, overrides a score with a reason, confirms, goes on, and finds it in the CSV', async () => {
    const attempt = await submittedAttempt({
      spec: example('team-invitations', 'middling'),
      bug: example('booking-overlap', 'strong'),
    });
    const reviewer = await newReviewer();
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);

    // From here on: keyboard only, no clicks.
    await page.goto(`${server.url}/review?assessment=${attempt.assessment}`);
    await signIn(page, reviewer);
    await page.waitForURL(new RegExp(`/review\\?assessment=${attempt.assessment}$`));
    const rows = page.locator('[data-testid="queue"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await rows.first().getAttribute('data-submission')).toBe(attempt.bug);
    expect(await rows.first().textContent()).toContain('Ready');

    await page.keyboard.press('j');
    expect((await focused(page)).tag).toBe('A');
    await page.keyboard.press('j');
    await page.keyboard.press('k');
    await expect.poll(() => page.locator('.queue-row-selected').getAttribute('data-submission')).toBe(attempt.bug);
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/review/${attempt.bug}\\?assessment=${attempt.assessment}$`));
    await page.getByRole('heading', { name: 'Criteria' }).waitFor();
    expect(await selectedCriterion(page)).toBe('location');
    await expect.poll(() => page.getByTestId('shortcuts').textContent()).toContain('confirm the review');

    // j/k move between criteria; selecting one with evidence in the explanation highlights it in the source view.
    await page.keyboard.press('j');
    await expect.poll(() => selectedCriterion(page)).toBe('concept');
    await expect.poll(() => page.locator('[data-testid="submission"] mark').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('view-source').getAttribute('aria-pressed')).toBe('true');
    await page.keyboard.press('k');
    await expect.poll(() => selectedCriterion(page)).toBe('location');
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => selectedCriterion(page)).toBe('concept');

    // A digit goes into the selected criterion's score, over the pre-grade's 4; its reason field comes next.
    expect(await page.getByTestId('score-concept').inputValue()).toBe('4');
    await page.keyboard.press('1');
    expect(await focused(page)).toMatchObject({ testId: 'score-concept', value: '1' });
    await page.keyboard.press('Tab');
    expect((await focused(page)).testId).toBe('reason-concept');
    await page.keyboard.press('Shift+Tab');

    // Confirming now is refused before anything is sent: the reason and the pending criterion's score are
    // missing, said next to each field and in the alert, and focus goes to the first field to fix.
    await page.keyboard.press('Control+Enter');
    await expect
      .poll(() => page.getByTestId('review-alert').textContent())
      .toContain('Score every criterion before confirming; missing: Explains mechanism and impact.');
    expect(await page.locator('.field-error').allTextContents()).toEqual([
      'Give a short reason for changing the score from 4 to 1.',
      'Score this criterion before confirming.',
    ]);
    expect((await focused(page)).testId).toBe('reason-concept');
    await page.keyboard.type('Names the symptom, not the half-open interval.');
    await page.keyboard.press('Escape');
    expect((await focused(page)).text).toContain('Names the concept behind the bug');

    // The LLM criterion is pending (no API key): the reviewer's score needs no reason.
    await page.keyboard.press('j');
    await page.keyboard.press('j');
    await expect.poll(() => selectedCriterion(page)).toBe('mechanism');
    await page.keyboard.press('Enter');
    await page.keyboard.type('3');
    expect(await focused(page)).toMatchObject({ testId: 'score-mechanism', value: '3' });
    await page.keyboard.press('Escape');
    await page.keyboard.press('Control+Enter');

    await page.getByTestId('next-notice').waitFor();
    await expect.poll(() => page.getByTestId('review-state').textContent()).toContain(`by ${reviewer.email}`);
    expect(await focused(page)).toMatchObject({ tag: 'A', testId: 'next-link' });
    const audit = (await page.getByTestId('audit').textContent()) ?? '';
    expect(audit).toContain('Names the symptom, not the half-open interval.');
    expect(audit).toContain('confirmed');
    await page.keyboard.press('Enter');
    await page.waitForURL(new RegExp(`/review/${attempt.spec}\\?assessment=${attempt.assessment}$`));
    await page.getByRole('heading', { name: 'Criteria' }).waitFor();
    await expect.poll(() => selectedCriterion(page)).toBe('structure');

    // The export link of the queue, fetched with the reviewer's session, holds the final scores.
    await page.goto(`${server.url}/review?assessment=${attempt.assessment}`);
    const href = await page.getByRole('link', { name: 'Export CSV' }).getAttribute('href');
    expect(href).toBe(`/api/staff/export?format=csv&assessment=${attempt.assessment}`);
    const response = await page.request.get(`${server.url}${href}`);
    expect(response.status()).toBe(200);
    const records = csvRecords(await response.text());
    const row = (criterion: string) =>
      records.find((r) => r.exercise_id === 'booking-overlap' && r.criterion_id === criterion);
    expect(row('concept')).toMatchObject({
      pre_score: '4',
      final_score: '1',
      review_state: 'confirmed',
      reviewed_by: reviewer.email,
    });
    expect(row('mechanism')).toMatchObject({ pre_status: 'pending', final_score: '3' });
    expect(row('location')).toMatchObject({ pre_score: '4', final_score: '4' });
    expect(records.filter((r) => r.exercise_id === 'team-invitations').every((r) => r.final_score === '')).toBe(true);

    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('two reviewers, blind mode', () => {
  it('hides the pre-grade until the reviewer has scored, and a stale save keeps their inputs beside the new values', async () => {
    const attempt = await submittedAttempt({
      spec: example('team-invitations', 'middling'),
      bug: example('booking-overlap', 'strong'),
    });
    await call('PATCH', `/api/staff/assessments/${attempt.assessment}`, admin, { blind: true });
    const reviewer = await newReviewer();
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(`${server.url}/review/${attempt.bug}`);
    await signIn(page, reviewer);
    await page.getByRole('heading', { name: 'Criteria' }).waitFor();

    // Blind: no pre-grade, no default scores, until this reviewer has saved a score for every criterion.
    await page.getByTestId('blind-note').waitFor();
    expect(await page.getByTestId('pregrade-summary').count()).toBe(0);
    expect(await page.getByTestId('score-location').inputValue()).toBe('');
    for (const [criterion, score] of [
      ['location', '4'],
      ['concept', '3'],
      ['fix', '2'],
      ['mechanism', '4'],
    ] as const) {
      await page.getByTestId(`score-${criterion}`).fill(score);
    }
    await page.getByTestId('save-button').click();
    await page.getByTestId('pregrade-summary').waitFor();
    expect(await page.getByTestId('pregrade-summary').textContent()).toContain('Pre-grade total 10 / 15');
    expect(await page.getByTestId('review-message').textContent()).toBe('Saved.');

    // Another reviewer saves meanwhile; this reviewer's save is refused, not applied over theirs.
    await page.getByTestId('score-location').fill('3');
    await page.getByTestId('reason-location').fill('Marked two lines too many.');
    const before = await call<{ review: { version: number } }>('GET', `/api/staff/submissions/${attempt.bug}`, admin);
    await call('POST', `/api/staff/submissions/${attempt.bug}/review`, admin, {
      version: before.review.version,
      criteria: [{ id: 'concept', score: 1, reason: 'Only the symptom.' }],
      confirm: false,
    });
    await page.getByTestId('save-button').click();
    await expect
      .poll(() => page.getByTestId('review-alert').textContent())
      .toContain(`${ADMIN.email} saved this review since you opened it`);
    await expect
      .poll(() => page.locator('.field-notice').allTextContents())
      .toEqual([`Saved meanwhile by ${ADMIN.email}: 3 → 1.`]);
    expect(await page.getByTestId('score-concept').inputValue()).toBe('1');
    expect(await page.getByTestId('score-location').inputValue()).toBe('3');
    expect(await page.getByTestId('reason-location').inputValue()).toBe('Marked two lines too many.');
    const mid = await call<{ review: { scores: Record<string, { score: number }> } }>(
      'GET',
      `/api/staff/submissions/${attempt.bug}`,
      admin,
    );
    expect(mid.review.scores.location?.score).toBe(4);

    // Saving again, now against the current version, applies the reviewer's change on top of the other's.
    await page.getByTestId('save-button').click();
    await expect.poll(() => page.getByTestId('review-message').textContent()).toBe('Saved.');
    const after = await call<{ review: { scores: Record<string, { score: number; reason: string | null }> } }>(
      'GET',
      `/api/staff/submissions/${attempt.bug}`,
      admin,
    );
    expect(after.review.scores.location).toMatchObject({ score: 3, reason: 'Marked two lines too many.' });
    expect(after.review.scores.concept?.score).toBe(1);
    // The 409 itself is logged by Chromium as a failed resource: expected here, and nothing else.
    expect(errors.filter((e) => !/status of 409/.test(e))).toEqual([]);
    await context.close();
  });
});

describe('security: a hostile submission renders as harmless text', () => {
  const HOSTILE = [
    '# Goals <script>alert(1)</script>',
    'Links should <img src=x onerror=alert(2)> expire quickly.',
    '[click me](javascript:alert(3)) and <a href="javascript:alert(4)">raw link</a>',
    '<iframe src="javascript:alert(5)"></iframe>',
    '<svg onload=alert(6)><circle r="5"/></svg>',
    '<javascript:alert(7)> <JaVaScRiPt:alert(8)>',
    '![tracker](http://evil.example/pixel.png) <img src="http://evil.example/raw.png">',
    '[reference link][evil]\n\n[evil]: javascript:alert(9)',
    '<div onclick="alert(10)" style="background:url(http://evil.example/bg.png)">div</div>',
    '<style>body { background: url(http://evil.example/css.png) }</style>',
    '<form action="http://evil.example/steal"><input name=x autofocus onfocus=alert(11)></form>',
    '<math><mi xlink:href="javascript:alert(12)">x</mi></math>',
    '## Non-goals\n```html\n<script>alert(13)</script>\n```',
    '## Acceptance\n- The invite MUST expire after 7 days <b onmouseover=alert(14)>bold</b>.',
  ].join('\n\n');

  const HOSTILE_BUG = {
    kind: 'bug-hunt',
    lines: [[39, 39]],
    explanation: `The end is exclusive (half-open interval), so back-to-back bookings clash.\n\n${HOSTILE}`,
    fix: `// <script>alert(15)</script>\n<img src=x onerror=alert(16)>\n${readFileSync(join(ROOT, 'exercises/booking-overlap/buggy.ts'), 'utf8')}`,
  };

  /** Everything the page could have let through, gathered from the live DOM (open shadow roots included). */
  const inspect = (page: Page) =>
    page.evaluate(() => {
      const globals = globalThis as unknown as DomGlobals;
      const { document } = globals;
      const container = document.querySelector('[data-testid="submission"]');
      const elements: DomElement[] = [];
      const walk = (root: DomRoot) => {
        for (const el of Array.from(root.querySelectorAll('*'))) {
          elements.push(el);
          if (el.shadowRoot) walk(el.shadowRoot);
        }
      };
      walk(document);
      const attr = (el: DomElement, name: string) => el.getAttribute(name) ?? '';
      return {
        container: container !== null,
        text: container?.textContent ?? '',
        injected: container
          ? Array.from(
              container.querySelectorAll(
                'script, img, iframe, svg, math, object, embed, style, link, form, input, base',
              ),
            ).map((el) => el.outerHTML.slice(0, 80))
          : [],
        handlers: elements.flatMap((el) =>
          Array.from(el.attributes)
            .filter((a) => /^on/i.test(a.name))
            .map((a) => `${el.tagName} ${a.name}`),
        ),
        javascriptUrls: elements
          .filter((el) =>
            ['href', 'src', 'action', 'xlink:href', 'formaction'].some((n) => /^\s*javascript:/i.test(attr(el, n))),
          )
          .map((el) => el.outerHTML.slice(0, 80)),
        scripts: Array.from(document.querySelectorAll('script')).map((s) => s.getAttribute('src') ?? 'inline'),
        marks: container?.querySelectorAll('mark').length ?? 0,
        csp: globals.cspViolations ?? [],
      };
    });

  it('runs no script, injects no element, follows no javascript: link and requests nothing elsewhere', async () => {
    const attempt = await submittedAttempt({ spec: { kind: 'spec', text: HOSTILE }, bug: HOSTILE_BUG });
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    const elsewhere: string[] = [];
    page.on('request', (request) => {
      if (!request.url().startsWith(`${server.url}/`)) elsewhere.push(request.url());
    });
    await page.addInitScript(() => {
      const globals = globalThis as unknown as DomGlobals;
      globals.document.addEventListener('securitypolicyviolation', (event) => {
        globals.cspViolations = [...(globals.cspViolations ?? []), `${event.violatedDirective} ${event.blockedURI}`];
      });
    });

    await page.goto(`${server.url}/review/${attempt.spec}`);
    await signIn(page, ADMIN);
    await page.waitForURL(new RegExp(`/review/${attempt.spec}$`));
    await page.getByRole('heading', { name: 'Criteria' }).waitFor();

    const expectHarmless = async (view: string) => {
      const found = await inspect(page);
      expect({ view, ...found, text: undefined }).toEqual({
        view,
        container: true,
        text: undefined,
        injected: [],
        handlers: [],
        javascriptUrls: [],
        scripts: [expect.stringMatching(/^\/assets\/index-[\w-]+\.js$/)],
        marks: found.marks,
        csp: [],
      });
      return found;
    };

    // Rendered: raw HTML dropped, the Markdown links' javascript: URLs emptied, images shown as text.
    const rendered = await expectHarmless('spec, rendered');
    expect(rendered.text).toContain('click me');
    expect(rendered.text).toContain('[image: tracker (http://evil.example/pixel.png)]');
    expect(rendered.text).not.toContain('alert(2)');

    // Source: every character as typed, as text.
    await page.getByTestId('view-source').click();
    const source = await expectHarmless('spec, source');
    expect(source.text).toContain('<script>alert(1)</script>');
    expect(source.text).toContain('<svg onload=alert(6)>');

    // A criterion with evidence in the text: the highlighted passages are text too.
    await page.locator('[data-criterion="structure"] [data-criterion-button]').click();
    await expect.poll(async () => (await inspect(page)).marks).toBeGreaterThan(0);
    const highlighted = await expectHarmless('spec, evidence highlighted');
    expect(await page.locator('[data-testid="submission"] mark').first().textContent()).toContain('Goals');
    expect(highlighted.text).toContain('<script>alert(1)</script>');

    // The bug hunt: the explanation rendered and as source with evidence, the fix as a diff and as source.
    await page.goto(`${server.url}/review/${attempt.bug}`);
    await page.getByRole('heading', { name: 'Criteria' }).waitFor();
    await page.getByTestId('fix-diff').waitFor();
    const bugRendered = await expectHarmless('bug hunt, rendered');
    expect(bugRendered.text).toContain('<script>alert(15)</script>');
    await page.locator('[data-criterion="concept"] [data-criterion-button]').click();
    await expect.poll(async () => (await inspect(page)).marks).toBeGreaterThan(0);
    await expectHarmless('bug hunt, evidence highlighted');
    await page.getByTestId('view-rendered').click();
    await expectHarmless('bug hunt, rendered again');

    expect(dialogs).toEqual([]);
    expect(elsewhere).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });
});
