import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import path from 'node:path';
import { expect, openConsole, test, waitForMirror } from './fixtures';

const tour = path.resolve(import.meta.dirname, '..', 'fixtures', 'scenarios', 'console-tour.json');
test.use({ sandboxArgs: ['--sandbox-scenario', tour] });

/** axe-core's WCAG 2.1 A and AA rules on what is on screen: every violation, with where it is. */
async function violations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.flatMap((violation) =>
    violation.nodes.map((node) => `${violation.id}: ${node.target.join(' ')} (${node.failureSummary ?? ''})`),
  );
}

const PAGES: Array<[string, string, (page: Page) => Promise<void>]> = [
  ['Dashboard', '#/dashboard', async (page) => void (await expect(page.getByText(/^Diagnosed/)).toBeVisible())],
  [
    'Appointments, legend open',
    '#/appointments',
    async (page) => {
      await expect(page.getByText(/^15 appointments/)).toBeVisible({ timeout: 20_000 });
      await page.getByText('What the states and the notes column mean').click();
    },
  ],
  [
    'Appointments, technician filter open',
    '#/appointments',
    async (page) => {
      await expect(page.getByText(/^15 appointments/)).toBeVisible({ timeout: 20_000 });
      await page.getByRole('combobox', { name: 'Technician' }).press('ArrowDown');
      await expect(page.getByRole('listbox', { name: 'Technician' }).getByRole('option')).not.toHaveCount(0);
    },
  ],
  [
    'Appointment detail',
    `#/appointments/${encodeURIComponent('TWO/OVERDUE/001')}`,
    async (page) => void (await expect(page.getByTestId('verdict-summary')).toBeVisible()),
  ],
  ['Technicians', '#/technicians', async (page) => void (await expect(page.getByRole('table')).toBeVisible())],
  [
    'Activity',
    '#/activity',
    async (page) => void (await expect(page.getByRole('heading', { level: 2 })).toBeVisible()),
  ],
  ['Settings', '#/settings', async (page) => void (await expect(page.getByText('Connection profiles')).toBeVisible())],
  [
    'Setup, Account Detail with errors',
    '#/setup',
    async (page) => {
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByText(/Enter a password/)).toBeVisible();
    },
  ],
];

test.describe('accessibility (axe-core, WCAG 2.1 A and AA)', () => {
  test('the check itself finds a planted violation (an unlabelled field, grey on white text)', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, '#/dashboard');
    await page.evaluate(() => {
      const input = document.createElement('input');
      const faint = document.createElement('p');
      faint.textContent = 'Faint text';
      faint.style.color = '#bbbbbb';
      faint.style.background = '#ffffff';
      document.querySelector('main')?.append(input, faint);
    });
    const found = await violations(page);
    expect(found.some((line) => line.startsWith('label:'))).toBe(true);
    expect(found.some((line) => line.startsWith('color-contrast:'))).toBe(true);
  });

  for (const [name, hash, ready] of PAGES) {
    test(`${name} has no violation`, async ({ page, consoleHost }) => {
      await openConsole(page, consoleHost, '#/dashboard');
      await waitForMirror(page);
      await page.goto(`${consoleHost.origin}/${hash}`);
      await ready(page);
      expect(await violations(page)).toEqual([]);
    });
  }

  for (const [name, hash] of [
    ['the setup sheet', '#/print/setup-sheet'],
    ['the troubleshooting report', `#/print/report/${encodeURIComponent('TWO/OVERDUE/001')}`],
  ] as const) {
    test(`the print view of ${name} has no violation, on screen and in print`, async ({ page, consoleHost }) => {
      await openConsole(page, consoleHost, '#/dashboard');
      await waitForMirror(page);
      await page.goto(`${consoleHost.origin}/${hash}`);
      await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
      await page.emulateMedia({ media: 'print' });
      expect(await violations(page)).toEqual([]);
    });
  }
});
