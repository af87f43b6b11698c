import type { Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openConsole, test, waitForMirror } from './fixtures';
import { pdfPages } from '../support/pdf-tools';
import { SANDBOX_ADMIN_AUTHORIZATION } from '../support/sandbox';

const tour = path.resolve(import.meta.dirname, '..', 'fixtures', 'scenarios', 'console-tour.json');

test.use({ sandboxArgs: ['--sandbox-scenario', tour, '--no-xoi-agent'] });

async function openList(page: Page, host: Parameters<typeof openConsole>[1]) {
  await openConsole(page, host, '#/appointments');
  await expect(page.getByText(/^15 appointments/)).toBeVisible({ timeout: 20_000 });
}

test.describe('finding appointments that need attention', () => {
  test('searches by customer, service call and technician', async ({ page, consoleHost }) => {
    await openList(page, consoleHost);
    const search = page.getByRole('searchbox', { name: 'Search' });
    await search.fill('riverbend');
    await expect(page.getByText(/^2 appointments/)).toBeVisible();
    await expect(page.getByRole('link', { name: 'TWO/NOT-XOI/001' })).toBeVisible();
    await search.fill('res-overdue');
    await expect(page.getByText(/^1 appointments/)).toBeVisible();
    await search.fill('ben okafor');
    await expect(page.getByText(/^2 appointments/)).toBeVisible();
  });

  test('filters by state and by reason, with counts per state', async ({ page, consoleHost }) => {
    await openList(page, consoleHost);
    const needsAction = page.getByRole('button', { name: /Needs action 7/ });
    await expect(needsAction).toHaveAttribute('aria-pressed', 'false');
    await needsAction.click();
    await expect(needsAction).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByText(/^7 appointments/)).toBeVisible();
    await needsAction.click();
    await page.getByLabel('Reason').selectOption({ label: "The technician's email is not an XOi Vision user (2)" });
    await expect(page.getByText(/^2 appointments/)).toBeVisible();
    const rows = page.getByRole('row').filter({ has: page.getByRole('link', { name: /NOT-XOI/ }) });
    await expect(rows).toHaveCount(2);
    await expect(rows.first()).toContainText('Needs action');
  });

  test('shows the notes matrix in text, not colour alone', async ({ page, consoleHost }) => {
    await openList(page, consoleHost);
    await page.getByRole('searchbox', { name: 'Search' }).fill('two/complete');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: 'TWO/COMPLETE/001' }) });
    await expect(row).toContainText('XOi Site History present');
    await expect(row).toContainText('XOi Resolution present');
    await expect(row).toContainText('XOi Transcripts 2 of 3');
  });

  test('exports the current list as CSV', async ({ page, consoleHost }) => {
    await openList(page, consoleHost);
    await page.getByRole('button', { name: /Needs action/ }).click();
    await expect(page.getByText(/^7 appointments/)).toBeVisible();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const file = path.join(consoleHost.dataDir, 'export.csv');
    await (await download).saveAs(file);
    const lines = readFileSync(file, 'utf8').trim().split('\r\n');
    expect(lines[0]).toContain('Company,Service Call,Appointment,Customer');
    expect(lines).toHaveLength(8);
    expect(lines.slice(1).every((line) => line.includes(',Needs action,'))).toBe(true);
  });
});

test.describe('one appointment, explained', () => {
  test('opens the detail: verdict, evidence, timeline, notes and the deep link', async ({ page, consoleHost }) => {
    await openList(page, consoleHost);
    await page.getByRole('link', { name: 'TWO/REASSIGNED/001' }).click();
    await expect(page.getByRole('heading', { name: 'Appointment TWO/REASSIGNED/001' })).toBeVisible();
    await expect(page.getByTestId('verdict-summary')).toHaveText(
      'The technician changed after XOi made the job, so the Vision job belongs to someone else.',
    );
    await expect(page.locator('.verdict p.next-step')).toContainText('reassign the job in XOi Vision');
    const evidence = page.getByRole('table', { name: 'Evidence' });
    await expect(evidence).toContainText('Technician when XOi made the job');
    await expect(evidence).toContainText('T105');
    const timeline = page.getByRole('list', { name: 'Timeline' });
    await expect(timeline).toContainText('Assigned');
    await expect(timeline).toContainText('XOi Site History arrived');
    const link = page.getByRole('link', { name: /vision\.xoi\.io\/jobactivity/ });
    await expect(link).toHaveAttribute('target', '_blank');
    await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
    await expect(page.getByLabel(/XOi Vision link/)).toHaveValue(
      /^xoi-vision:\/\/activity\/view\?payload=%7B%22jobId%22%3A%22cjob-/,
    );
  });

  test('prints the troubleshooting report with the verdict and the evidence', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost);
    await waitForMirror(page);
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${consoleHost.origin}/#/print/report/${encodeURIComponent('TWO/OVERDUE/001')}`);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached({ timeout: 20_000 });
    const file = path.join(consoleHost.dataDir, 'report.pdf');
    // A small sheet, so the report runs over several pages.
    writeFileSync(file, await page.pdf({ format: 'A6', preferCSSPageSize: true }));
    const pages = pdfPages(file);
    expect(pages.length).toBeGreaterThan(2);
    // Every sheet says which appointment it is about, and its number among the others.
    pages.forEach((sheet, index) => {
      const words = sheet.replace(/\s+/g, ' ');
      expect(words).toContain('Appointment TWO/OVERDUE/001');
      expect(words).toContain(`Page ${index + 1} of ${pages.length}`);
    });
    const text = pages.join('\n').replace(/\s+/g, ' ');
    for (const expected of [
      'XOi notes troubleshooting report',
      'TWO/OVERDUE/001',
      'Summit Office Park',
      'XOi Site History and XOi Workflow have not arrived 3 h after the appointment became eligible, so the "XOi Site History" and "XOi Workflow" fields do not show in MobileTech.',
      'Next step:',
      'JOB_NOTES_OVERDUE',
      'Evidence',
      'Missing',
      'XOi Site History and XOi Workflow',
      'Timeline',
    ]) {
      expect(text).toContain(expected);
    }
  });

  test('follows the mirror: a note written on the server appears in the open detail after the next sync', async ({
    page,
    consoleHost,
  }) => {
    await openList(page, consoleHost);
    await page.getByRole('link', { name: 'TWO/OVERDUE/001' }).click();
    await expect(page.getByTestId('verdict-summary')).toHaveText(
      /^XOi Site History and XOi Workflow have not arrived \d+ h( \d+ min)? after the appointment became eligible/,
    );
    const text = `Customer called: gate code ${randomBytes(3).toString('hex')}`;
    const written = await fetch(`${consoleHost.sandboxUrl}/v1/appointments/TWO/OVERDUE/001/notes`, {
      method: 'POST',
      headers: {
        Authorization: SANDBOX_ADMIN_AUTHORIZATION,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ name: 'Dispatcher note', text, internal: false }),
    });
    expect(written.status).toBe(201);
    await expect(page.locator('.notes-list')).not.toContainText(text);
    expect(await consoleHost.api.call('sync.now')).toEqual({ ok: true, value: { outcome: 'ok' } });
    await expect(page.locator('.notes-list')).toContainText(text);
  });

  test('explains an unknown key instead of failing silently', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, `#/appointments/${encodeURIComponent('TWO/NOPE/001')}`);
    await expect(page.getByRole('alert')).toContainText('There is no appointment TWO/NOPE/001 in the mirror.');
  });
});

test('the technicians page shows who is not an XOi user at a glance', async ({ page, consoleHost }) => {
  await openConsole(page, consoleHost, '#/technicians');
  const row = page.getByRole('row').filter({ hasText: 'Ben Okafor' });
  await expect(row).toContainText('Not an XOi user');
  await expect(page.getByRole('row').filter({ hasText: 'Marcus Lee' })).toContainText(
    'Email differs by case or spaces',
  );
  await expect(page.getByRole('row').filter({ hasText: 'Carla Lindqvist' })).toContainText('XOi user disabled');
});
