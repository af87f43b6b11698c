import { closedPort, expect, openConsole, sandboxControl, test, waitForMirror } from './fixtures';

test.describe('settings: bad input gets a message naming the field, and changes nothing', () => {
  test('the profile form checks the URL and the required fields', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/settings');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a connection profile' });
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form.getByText('Enter a name for this connection, for example Production.')).toBeVisible();
    await expect(
      form.getByText('Enter the Schedule API URL, for example https://schedule.example.com/ScheduleAPI.'),
    ).toBeVisible();
    await form.getByLabel('Profile name').fill('Production');
    await form.getByLabel('Schedule API URL').fill('https://admin:pw@schedule.fabrikam.test/api');
    await form.getByLabel('Administrator user name').fill('admin');
    await form.getByLabel('Administrator password').fill('whatever');
    await form.getByRole('button', { name: 'Save profile' }).click();
    await expect(form.getByLabel('Schedule API URL')).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByText(/Do not put a user name or password in the Schedule API URL/)).toBeVisible();
    await form.getByLabel('Schedule API URL').fill('ftp://schedule.fabrikam.test');
    await form.getByRole('button', { name: 'Test connection' }).click();
    await expect(form.getByText(/must use https:\/\/ or http:\/\/, not ftp:\/\//)).toBeVisible();
    await expect(page.getByRole('table', { name: 'Connection profiles' }).getByRole('row')).toHaveCount(2);
  });

  test('Test connection tells a name that does not resolve, with a next step', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/settings');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a connection profile' });
    await form.getByLabel('Profile name').fill('Nowhere');
    await form.getByLabel('Schedule API URL').fill('https://schedule.nowhere.invalid/api');
    await form.getByLabel('Administrator user name').fill('admin');
    await form.getByLabel('Administrator password').fill('x');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failure = form.getByRole('alert').filter({ hasText: 'Connection failed' });
    await expect(failure).toContainText('The server name schedule.nowhere.invalid could not be found.');
    await expect(failure).toContainText('Check the spelling of the URL');
    await expect(failure).toContainText('DNS_NOT_FOUND');
  });

  test('Test connection names a refused port, not a connection cut off', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/settings');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    const form = page.getByRole('form', { name: 'Add a connection profile' });
    await form.getByLabel('Profile name').fill('Closed');
    await form.getByLabel('Schedule API URL').fill(`http://127.0.0.1:${await closedPort()}/api`);
    await form.getByLabel('Administrator user name').fill('admin');
    await form.getByLabel('Administrator password').fill('x');
    await form.getByRole('button', { name: 'Test connection' }).click();
    const failure = form.getByRole('alert').filter({ hasText: 'Connection failed' });
    await expect(failure).toContainText('refused the connection');
    await expect(failure).not.toContainText(/cut off|tries again by itself/);
  });

  test('the sync settings refuse values out of range, naming the field', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/settings');
    const interval = page.getByLabel('Sync interval (minutes)');
    await interval.fill('0');
    await page.getByLabel('Transcript window (hours)').fill('twelve');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(interval).toHaveAttribute('aria-invalid', 'true');
    await expect(page.getByText('This must be at least 1 minute.')).toBeVisible();
    await expect(page.getByText('Enter a whole number.')).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Sync interval (minutes)')).toHaveValue('2');
    await page.getByLabel('Expected XOi polling delay (minutes)').fill('30');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Expected XOi polling delay (minutes)')).toHaveValue('30');
  });

  test('a status can be given another category', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/settings');
    await page.getByLabel('Category for Waiting for Parts').selectOption('scheduled');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await expect(page.getByRole('status').filter({ hasText: 'Saved.' })).toBeVisible();
    await page.reload();
    await expect(page.getByLabel('Category for Waiting for Parts')).toHaveValue('scheduled');
  });

  test('the status list fills in by itself when the mirror reads it after the page was opened', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, '#/dashboard');
    await waitForMirror(page);
    // The server stops answering and the mirror is emptied: Settings opens with no status to map yet.
    expect((await sandboxControl(consoleHost, 'PUT', '/sandbox/faults', { spec: '5xx=1' })).status).toBe(200);
    expect((await consoleHost.api.call('mirror.rebuild', {})).ok).toBe(true);
    await page.goto(`${consoleHost.origin}/#/settings`);
    const statusRows = page.getByRole('table', { name: 'Status categories' }).getByRole('row');
    await expect(statusRows).toHaveCount(1);
    await page.getByLabel('Sync interval (minutes)').fill('7');

    // The server answers again and a sync reads the statuses: they appear on the open page, the edit kept.
    expect((await sandboxControl(consoleHost, 'PUT', '/sandbox/faults', { spec: '' })).status).toBe(200);
    expect((await consoleHost.api.call('sync.now', {})).ok).toBe(true);
    await expect(page.getByLabel('Category for Waiting for Parts')).toBeVisible();
    await expect(page.getByLabel('Sync interval (minutes)')).toHaveValue('7');
  });
});

test.describe('settings: confirmations and long work say what happened', () => {
  test('the add-profile form opens titled and focused; Remove names its profile and asks in the page', async ({
    page,
    consoleHost,
  }) => {
    await consoleHost.api.call('profiles.save', {
      name: 'Staging',
      apiUrl: 'https://schedule.fabrikam.test/api',
      userName: 'admin',
      password: 'Staging-password-1',
    });
    await openConsole(page, consoleHost, '#/settings');
    await page.getByRole('button', { name: 'Add a profile' }).click();
    await expect(page.getByRole('heading', { name: 'Add a connection profile' })).toBeFocused();
    const rows = page.getByRole('table', { name: 'Connection profiles' }).getByRole('row');
    await expect(rows).toHaveCount(3);
    await page.getByRole('button', { name: 'Remove Staging' }).click();
    const dialog = page.getByRole('dialog', { name: 'Remove the profile "Staging"?' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(rows).toHaveCount(3);
    await page.getByRole('button', { name: 'Remove Staging' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Remove profile' }).click();
    await expect(rows).toHaveCount(2);
  });

  test('Rebuild asks first, then says when the mirror has been read again', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/dashboard');
    await waitForMirror(page);
    await page.goto(`${consoleHost.origin}/#/settings`);
    await page.getByRole('button', { name: 'Rebuild mirror' }).click();
    await page
      .getByRole('dialog', { name: 'Rebuild the mirror?' })
      .getByRole('button', { name: 'Rebuild mirror' })
      .click();
    await expect(page.getByText(/^Rebuilt: the mirror was read again in full/)).toBeVisible({ timeout: 30_000 });
  });
});
