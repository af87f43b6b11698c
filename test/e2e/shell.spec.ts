import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from './fixtures';

const { version } = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as {
  version: string;
};

test('the app version arrives through the web transport', async ({ page, consoleHost }) => {
  await page.goto(consoleHost.url);
  await expect(page.getByTestId('app-version')).toHaveText(`XOi Console ${version}`);
  await expect(page.getByTestId('app-host')).toHaveText('Browser (web host)');
  expect(page.url()).not.toContain('token=');
});

test('the navigation offers every page and moves between them by keyboard', async ({ page, consoleHost }) => {
  await page.goto(consoleHost.url);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const label of ['Dashboard', 'Setup', 'Appointments', 'Technicians', 'Activity', 'Settings']) {
    await expect(nav.getByRole('link', { name: label })).toBeVisible();
  }
  await nav.getByRole('link', { name: 'Activity' }).focus();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#\/activity$/);
  await expect(nav.getByRole('link', { name: 'Activity' })).toHaveAttribute('aria-current', 'page');
  await expect(page).toHaveTitle(/Activity – XOi Console/);
});

test('light and dark themes follow the operating system', async ({ page, consoleHost }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(consoleHost.url);
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await page.emulateMedia({ colorScheme: 'dark' });
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(light).toBe('rgb(255, 255, 255)');
  expect(dark).not.toBe(light);
});

test('without the token the page is refused', async ({ page, consoleHost }) => {
  const response = await page.goto(`http://127.0.0.1:${consoleHost.port}/`);
  expect(response?.status()).toBe(401);
});

test('the page runs under the strict content security policy without violations', async ({ page, consoleHost }) => {
  const violations: string[] = [];
  page.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(consoleHost.url);
  expect(response?.headers()['content-security-policy']).toContain("default-src 'none'");
  await expect(page.getByTestId('app-version')).toBeVisible();
  expect(violations).toEqual([]);
});
