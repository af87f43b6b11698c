import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openConsole, test } from './fixtures';

const tour = path.resolve(import.meta.dirname, '..', 'fixtures', 'scenarios', 'console-tour.json');

test.use({ sandboxArgs: ['--sandbox-scenario', tour, '--no-xoi-agent'] });

test.describe('the appointment list as an administrator reads it', () => {
  test.beforeEach(async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/appointments');
    await expect(page.getByText(/^15 appointments/)).toBeVisible({ timeout: 20_000 });
  });

  test('sorts from its headers, says so with aria-sort, and goes back to the top', async ({ page }) => {
    const header = (name: string) => page.getByRole('columnheader', { name: new RegExp(`^${name}`) });
    await expect(header('Task date')).toHaveAttribute('aria-sort', 'descending');
    await expect(header('Customer')).toHaveAttribute('aria-sort', 'none');
    await header('Customer').getByRole('button').click();
    await expect(header('Customer')).toHaveAttribute('aria-sort', 'ascending');
    await expect(header('Task date')).toHaveAttribute('aria-sort', 'none');
    const customers = async () => page.locator('.appointment-row:not(.header) .cell:nth-child(2)').allTextContents();
    await expect.poll(async () => (await customers()).slice(0, 3).join('|')).not.toBe('');
    const ascending = await customers();
    expect(ascending).toEqual([...ascending].sort((a, b) => a.localeCompare(b)));
    await header('Customer').getByRole('button').click();
    await expect(header('Customer')).toHaveAttribute('aria-sort', 'descending');
    await expect.poll(async () => (await customers())[0]).toBe(ascending.at(-1));
    // Status, notes and Why are not sortable: no button, no aria-sort.
    await expect(header('Status').getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId('appointment-scroller')).toHaveJSProperty('scrollTop', 0);
  });

  test('filters by technician through a searchable list, by keyboard alone', async ({ page }) => {
    const technician = page.getByRole('combobox', { name: 'Technician' });
    await technician.focus();
    await technician.press('ArrowDown');
    await expect(technician).toHaveAttribute('aria-expanded', 'true');
    const list = page.getByRole('listbox', { name: 'Technician' });
    await expect(list.getByRole('option')).toHaveCount(8); // All, then the seven technicians
    await technician.pressSequentially('okafor');
    await expect(list.getByRole('option')).toHaveText(['All', 'Ben Okafor (T101)']);
    await expect(page.getByRole('status').filter({ hasText: '1 match.' })).toBeVisible();
    await technician.press('Enter');
    await expect(technician).toHaveAttribute('aria-expanded', 'false');
    await expect(technician).toHaveValue('Ben Okafor (T101)');
    await expect(page.getByText(/^2 appointments/)).toBeVisible();
    // Escape closes without changing the choice; "All" takes the filter off.
    await technician.pressSequentially('ana');
    await technician.press('Escape');
    await expect(technician).toHaveValue('Ben Okafor (T101)');
    await expect(page.getByText(/^2 appointments/)).toBeVisible();
    await technician.press('ArrowDown');
    await expect(technician).toHaveAttribute('aria-activedescendant', /option-0$/);
    await technician.press('Enter');
    await expect(technician).toHaveValue('');
    await expect(page.getByText(/^15 appointments/)).toBeVisible();
  });

  test('refuses a From after To, names the field, and keeps the list', async ({ page }) => {
    await page.getByLabel('From', { exact: true }).fill('2026-03-05');
    await page.getByLabel('To', { exact: true }).fill('2026-03-01');
    await expect(
      page.getByRole('alert').filter({ hasText: 'To (2026-03-01) is before From (2026-03-05)' }),
    ).toBeVisible();
    await expect(page.getByLabel('To', { exact: true })).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText(/^15 appointments/)).toBeVisible();
  });

  test('says why a filtered list is empty and offers to clear the filter', async ({ page }) => {
    await page.getByRole('searchbox', { name: 'Search' }).fill('no such customer anywhere');
    const empty = page.getByTestId('empty-reason');
    await expect(empty).toContainText('No appointment matches search "no such customer anywhere"');
    await empty.getByRole('button', { name: 'Clear filters' }).click();
    await expect(page.getByText(/^15 appointments/)).toBeVisible();
    await expect(page.getByRole('searchbox', { name: 'Search' })).toHaveValue('');
  });

  test('explains the states and the notes columns in a legend', async ({ page }) => {
    await page.getByText('What the states and the notes column mean').click();
    const legend = page.locator('details.legend');
    await expect(legend).toContainText('Needs action');
    await expect(legend).toContainText('XOi Site History: a link to the Job Activity in Vision');
    await expect(legend).toContainText('XOi Transcripts');
  });

  test('shows the deleted-after-job list on its own', async ({ page }) => {
    await page.getByLabel('Deleted after their Vision job').check();
    await expect(page.getByText(/^0 deleted appointments/)).toBeVisible();
    await expect(page.getByTestId('empty-reason')).toContainText('No appointment was deleted in Schedule');
    await expect(page.getByRole('columnheader', { name: 'Deleted' })).toBeVisible();
  });

  test('exports an Excel workbook with text keys and a frozen header', async ({ page, consoleHost }) => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Excel' }).click();
    const file = path.join(consoleHost.dataDir, 'export.xlsx');
    await (await download).saveAs(file);
    await expect(page.getByText(/15 appointments exported to xoi-appointments-.*\.xlsx/)).toBeVisible();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(readFileSync(file) as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const sheet = workbook.getWorksheet('Appointments');
    expect(sheet?.rowCount).toBe(16);
    expect(sheet?.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet?.getRow(2).getCell(3).value).toBe('001');
  });
});
