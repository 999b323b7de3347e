/**
 * An admin in real Chromium against the real server: adds a reviewer (whose one-time password works, once
 * read off the page) and deactivates them (their next page is the sign-in); creates an assessment from the
 * library with the keyboard, invites a candidate, copies the link, watches the state move, and revokes it.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN, killServers, type Server, start } from '../helpers/server-process.js';
import { launchBrowser } from './browser.js';

let server: Server;
let browser: Browser;

beforeAll(async () => {
  server = await start(mkdtempSync(join(tmpdir(), 'audition-e2e-')));
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  killServers();
});

/** A fresh browser profile (its own cookies) with a page that records script errors and console errors. */
async function newPage(): Promise<{ page: Page; errors: string[]; context: BrowserContext }> {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // Refused requests (401 after deactivation, 404 for a revoked link) are logged by Chromium as failed
  // resources and are expected here; anything else (a CSP violation, a React error) fails the test.
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
  });
  return { page, errors, context };
}

async function signIn(page: Page, email: string, password: string) {
  await page.goto(`${server.url}/login`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/exercises$/);
}

const focusedLabel = (page: Page) => page.locator(':focus').getAttribute('aria-label');

describe('an admin manages the team', () => {
  it('adds a reviewer who signs in with the password shown once; deactivated, their next page is the sign-in', async () => {
    const admin = await newPage();
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    await admin.page.getByRole('link', { name: 'Users' }).click();
    await admin.page.waitForURL(/\/users$/);
    const myRow = admin.page.getByTestId(`user-${ADMIN.email}`);
    await expect.poll(() => myRow.textContent()).toContain('you');

    await admin.page.getByLabel('Email', { exact: true }).fill('rita@example.test');
    await admin.page.getByLabel('Role', { exact: true }).selectOption('reviewer');
    await admin.page.getByRole('button', { name: 'Add user' }).click();
    const panel = admin.page.getByTestId('new-password');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('shown only this once: pass it on securely');
    const password = await admin.page.getByTestId('new-password-value').inputValue();
    expect(password.length).toBeGreaterThanOrEqual(16);
    const ritaRow = admin.page.getByTestId('user-rita@example.test');
    expect(await ritaRow.getByLabel('Role of rita@example.test').inputValue()).toBe('reviewer');
    expect(await ritaRow.textContent()).not.toContain('you');

    // Adding the same email again is refused next to the field and in the alert; the password stays shown.
    await admin.page.getByLabel('Email', { exact: true }).fill('rita@example.test');
    await admin.page.getByRole('button', { name: 'Add user' }).click();
    await expect
      .poll(() => admin.page.locator('.alert-slot').textContent())
      .toContain('A user with the email rita@example.test already exists.');
    expect(await admin.page.locator('.admin-add-user-form .admin-field-error').textContent()).toContain(
      'already exists',
    );

    const reviewer = await newPage();
    await signIn(reviewer.page, 'rita@example.test', password);
    expect(await reviewer.page.locator('.session').textContent()).toContain('reviewer');

    await admin.page.getByRole('button', { name: 'Deactivate rita@example.test' }).click();
    const dialog = admin.page.getByTestId('confirm-dialog');
    expect(await dialog.textContent()).toContain('Their sessions end at once');
    await admin.page.getByTestId('dialog-confirm').click();
    await expect.poll(() => ritaRow.textContent()).toContain('deactivated');
    expect(await ritaRow.getByRole('button', { name: 'Reactivate rita@example.test' }).count()).toBe(1);

    await reviewer.page.goto(`${server.url}/exercises`);
    await reviewer.page.waitForURL(/\/login/);
    await reviewer.page.getByLabel('Email').fill('rita@example.test');
    await reviewer.page.getByLabel('Password').fill(password);
    await reviewer.page.keyboard.press('Enter');
    await expect.poll(() => reviewer.page.getByRole('alert').textContent()).toContain('Wrong email or password.');

    // Leaving the page forgets the password: coming back shows the list without it.
    await admin.page.getByRole('link', { name: 'Exercises' }).click();
    await admin.page.getByRole('link', { name: 'Users' }).click();
    await admin.page.getByTestId('user-rita@example.test').waitFor();
    expect(await admin.page.getByTestId('new-password').count()).toBe(0);
    expect(await admin.page.locator('main').textContent()).not.toContain(password);

    expect([...admin.errors, ...reviewer.errors]).toEqual([]);
  });
});

describe('an admin runs an assessment', () => {
  it('creates one from the library by keyboard, invites a candidate whose link works, and revoking ends it', async () => {
    const admin = await newPage();
    await admin.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.url });
    await signIn(admin.page, ADMIN.email, ADMIN.password);
    const page = admin.page;
    await page.goto(`${server.url}/assessments`);

    await page.getByRole('button', { name: 'New assessment' }).focus();
    await page.keyboard.press('Enter');
    await page.getByLabel('Name').focus();
    await page.keyboard.type('Backend engineer');
    // Ticked in the order opposite to the one wanted, then put right with the move buttons.
    await page.getByRole('checkbox', { name: /Sum of a list/ }).focus();
    await page.keyboard.press('Space');
    await page.getByRole('checkbox', { name: /Password reset/ }).focus();
    await page.keyboard.press('Space');
    const minutes = page.getByLabel('Time limit in minutes');
    expect(await minutes.getAttribute('placeholder')).toBe('default: 40');

    await page.getByRole('button', { name: 'Move Password reset up' }).focus();
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('chosen-exercises').locator('li').allTextContents())
      .toEqual([expect.stringContaining('Password reset'), expect.stringContaining('Sum of a list')]);
    // The focus followed the exercise it moved, so that Enter again would move it further.
    expect(await focusedLabel(page)).toBe('Move Password reset up');

    await page.getByLabel('Name').focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/assessments\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop() ?? '';
    await page.getByRole('heading', { name: 'Backend engineer' }).waitFor();
    const stored = await (await page.request.get(`${server.url}/api/staff/assessments/${id}`)).json();
    expect(stored.assessment).toMatchObject({ exerciseIds: ['canary-spec', 'canary-bug'], minutes: 40 });
    // The titles come with the exercise library, which may answer after the assessment.
    await expect
      .poll(() => page.locator('.admin-assessment-exercises li').allTextContents())
      .toEqual([expect.stringContaining('Password reset'), expect.stringContaining('Sum of a list')]);
    expect(await page.getByRole('link', { name: /Review this assessment/ }).getAttribute('href')).toBe(
      `/review?assessment=${id}`,
    );

    await page.getByLabel('Name').fill('Ada Lovelace');
    await page.getByRole('button', { name: 'Create invite link' }).click();
    const panel = page.getByTestId('new-invite');
    await panel.waitFor();
    expect(await panel.textContent()).toContain('shown only this once: pass it on securely');
    expect(await panel.textContent()).toContain('It works until');
    const link = await page.getByTestId('new-invite-value').inputValue();
    expect(link).toMatch(new RegExp(`^${server.url}/take/[A-Za-z0-9_-]+$`));
    await panel.getByRole('button', { name: 'Copy' }).click();
    await expect.poll(() => panel.getByRole('status').textContent()).toBe('Copied to the clipboard.');
    // A string, not a function: this file is typechecked without the DOM library (the server's tsconfig).
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(link);

    const row = page.getByRole('row', { name: /Ada Lovelace/ });
    await expect.poll(() => row.getByTestId('invite-state').textContent()).toBe('invited');
    expect(await row.textContent()).toContain('0/2');

    const candidate = await newPage();
    await candidate.page.goto(link);
    await candidate.page.getByRole('heading', { name: 'Backend engineer' }).waitFor();
    await candidate.page.getByTestId('start-button').click();
    await candidate.page.getByTestId('time-left').waitFor();
    // The admin's page polls: the state moves without a reload.
    await expect.poll(() => row.getByTestId('invite-state').textContent(), { timeout: 15_000 }).toBe('started');

    await row.getByRole('button', { name: 'Revoke the invite for Ada Lovelace' }).click();
    expect(await page.getByTestId('confirm-dialog').textContent()).toContain('The link stops working at once');
    await page.getByTestId('dialog-confirm').click();
    await expect.poll(() => row.textContent()).toContain('revoked');
    expect(await row.getByRole('button', { name: /Revoke/ }).count()).toBe(0);

    await candidate.page.goto(link);
    const problem = candidate.page.getByTestId('link-problem');
    await problem.waitFor();
    expect(await problem.textContent()).toContain('This link was withdrawn by the team that sent it.');
    expect(await candidate.page.getByTestId('time-left').count()).toBe(0);

    expect([...admin.errors, ...candidate.errors]).toEqual([]);
  });
});
