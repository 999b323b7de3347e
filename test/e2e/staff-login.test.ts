import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
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

describe('a staff user signs in and sees the exercise library', () => {
  it('signs in with the keyboard, lists the library, and previews an exercise as a candidate sees it', async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // Expected 401s (signed out, wrong password) are logged by Chromium as failed resources; anything
    // else on the console (a CSP violation, a React error) fails the test.
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text());
    });

    await page.goto(`${server.url}/exercises`);
    await page.waitForURL(/\/login/);
    await page.keyboard.type(ADMIN.email);
    await page.getByLabel('Password').fill('not the password');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Wrong email or password.');

    await page.getByLabel('Password').fill(ADMIN.password);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/exercises$/);
    await page.getByRole('heading', { name: 'Exercises' }).waitFor();
    const rows = page.locator('table tbody tr');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
    const table = (await page.locator('table').textContent()) ?? '';
    expect(table).toContain('Sum of a list');
    expect(table).toContain('Password reset');
    expect(table).toContain('fixture-bug');

    await page.getByRole('link', { name: 'Sum of a list' }).click();
    await page.waitForURL(/\/exercises\/canary-bug$/);
    await expect
      .poll(() => page.locator('main').textContent())
      .toContain('Write a function that adds up a list of numbers.');
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('for (let i = 1; i < values.length; i++)');
    expect(main).not.toContain('PRIVATE-CANARY');

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/login/);
    await page.goto(`${server.url}/exercises`);
    await page.waitForURL(/\/login/);
    expect(errors).toEqual([]);
  });
});
