import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openConsole, test, waitForMirror } from './fixtures';

const tour = JSON.parse(
  readFileSync(path.resolve(import.meta.dirname, '..', 'fixtures', 'scenarios', 'console-tour.json'), 'utf8'),
) as { appointments: Array<Record<string, unknown>> };

/** The tour, plus one appointment whose notes are hostile (written for this run: one is a megabyte). */
const hostileScenario = (() => {
  const first = tour.appointments.find((appointment) => appointment.serviceCall === 'COMPLETE') as Record<
    string,
    unknown
  >;
  const at = '2026-03-02T10:00:00Z';
  const hostile = {
    ...first,
    serviceCall: 'HOSTILE',
    notes: [
      {
        name: 'Dispatcher note',
        createdAt: at,
        text: '<script>window.__xoiHacked = true</script><img src=x onerror="window.__xoiHacked = true"><b>bold?</b>',
      },
      { name: 'Dispatcher note', createdAt: at, text: 'Click me', url: 'javascript:window.__xoiHacked = true' },
      { name: 'Dispatcher note', createdAt: at, text: 'Spoof \u202eexe.txt\u202c and zero\u200bwidth and emoji 🔧' },
      { name: 'Dispatcher note', createdAt: at, text: `${'A very long note. '.repeat(58_000)}THE END` },
    ],
  };
  return { ...tour, appointments: [...tour.appointments, hostile] };
})();

test.describe('hostile notes from the server', () => {
  test.use({ sandboxScenario: hostileScenario, sandboxArgs: ['--no-xoi-agent'] });

  test('are shown as text: nothing executes, no javascript: link, a megabyte note does not break the page', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, `#/appointments/${encodeURIComponent('TWO/HOSTILE/001')}`);
    await expect(page.getByRole('heading', { name: 'Appointment TWO/HOSTILE/001' })).toBeVisible();
    // The page opens before the first sync has finished with the megabyte note; it fills in when the mirror has it.
    await waitForMirror(page);
    const notes = page.locator('.notes-list');
    await expect(notes.getByText('<script>window.__xoiHacked = true</script>', { exact: false })).toBeVisible();
    await expect(notes.locator('script, img, b')).toHaveCount(0);
    await expect(page.getByRole('link', { name: /javascript/ })).toHaveCount(0);
    await expect(
      notes.getByText('javascript:window.__xoiHacked = true (not opened: only trusted http(s) links open)'),
    ).toBeVisible();
    // The megabyte note shows its beginning at once, and the rest when asked for.
    await expect(notes.getByText(/THE END$/)).toHaveCount(0);
    await notes.getByRole('button', { name: /^Show the whole note \(1,044,007 characters\)$/ }).click();
    await expect(notes.getByText(/THE END$/)).toBeAttached();
    expect(await page.evaluate(() => (window as unknown as { __xoiHacked?: boolean }).__xoiHacked)).toBeUndefined();
    await expect(page.getByTestId('verdict-summary')).toBeVisible();
  });
});

test.describe('a damaged mirror file', () => {
  test.use({ dataDirFiles: { 'mirrors/sandbox.db': 'this is not a database, just text left by something else' } });

  test('is detected at open, explained, and rebuilt from the server on request', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/activity');
    await expect(page.getByRole('alert').filter({ hasText: 'The local mirror cannot be used' })).toContainText(
      'is damaged (it is not a SQLite database)',
    );
    await page.getByRole('button', { name: 'Rebuild mirror' }).first().click();
    await page
      .getByRole('dialog', { name: 'Rebuild the mirror?' })
      .getByRole('button', { name: 'Rebuild mirror' })
      .click();
    await expect(page.getByRole('alert').filter({ hasText: 'The local mirror cannot be used' })).toHaveCount(0, {
      timeout: 30_000,
    });
    await expect(page.getByTestId('sync-state').first()).toContainText(/Synced|Syncing/);
    await page.goto(`${consoleHost.origin}/#/appointments`);
    await expect(page.getByText(/^400 appointments/)).toBeVisible({ timeout: 30_000 });
  });
});
