import type { Page } from '@playwright/test';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, openConsole, test } from './fixtures';

async function toAccountStep(page: Page) {
  await expect(page.getByRole('heading', { name: 'Step 1 of 5: Prerequisites' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2 of 5: Account Detail' })).toBeVisible();
}

function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? everyFile(full) : [full];
  });
}

test.describe('the XOi Integration Setup wizard', () => {
  test('shows the prerequisites, then the Account Detail with a read-only User Name', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/setup');
    for (const label of [
      'See feature registered for MobileTech',
      'XOi Deep Linking enabled in MobileTech Admin',
      'MobileTech 8 or later',
      'Signature 2016 or later',
      'Schedule 4.5 or later',
    ]) {
      await expect(page.getByText(label)).toBeVisible();
    }
    await toAccountStep(page);
    await expect(page.getByLabel('User Name')).toHaveValue('XOI_INTEGRATION');
    await expect(page.getByLabel('User Name')).toHaveAttribute('readonly', '');
    await expect(page.getByLabel('Password', { exact: true })).toBeVisible();
    await expect(page.getByLabel('Confirm Password')).toBeVisible();
  });

  test("says under Confirm Password that the passwords don't match, and saves nothing", async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, '#/setup');
    await toAccountStep(page);
    await page.getByLabel('Password', { exact: true }).fill('First-password-123');
    await page.getByLabel('Confirm Password').fill('Second-password-456');
    await page.getByRole('button', { name: 'Continue' }).click();
    const confirm = page.getByLabel('Confirm Password');
    await expect(confirm).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await confirm.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${describedBy?.split(' ').pop()}"]`)).toHaveText("The passwords don't match.");
    await expect(page.getByRole('heading', { name: 'Step 2 of 5: Account Detail' })).toBeVisible();
  });

  test('refuses an empty or whitespace-only password and one over the limit, each with its own message', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, '#/setup');
    await toAccountStep(page);
    await page.getByLabel('Password', { exact: true }).fill('    ');
    await page.getByLabel('Confirm Password').fill('    ');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('Enter a password: it cannot be empty or only spaces.')).toBeVisible();
    const long = 'L'.repeat(65);
    await page.getByLabel('Password', { exact: true }).fill(long);
    await page.getByLabel('Confirm Password').fill(long);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('The password is too long: the server allows at most 64 characters.')).toBeVisible();
    await expect(page.getByText(long)).toHaveCount(0);
  });

  test('shows the strength hint without echoing the password', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/setup');
    await toAccountStep(page);
    await page.getByLabel('Password', { exact: true }).fill('Correct-Horse-Battery-9');
    await expect(page.getByText(/Strength: (Strong|Very strong)/)).toBeVisible();
    await expect(page.locator('body')).not.toContainText('Correct-Horse-Battery-9');
  });

  test('shows the read-only Integration Details and every active company', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/setup');
    await toAccountStep(page);
    await page.getByLabel('Password', { exact: true }).fill('A-good-password-42');
    await page.getByLabel('Confirm Password').fill('A-good-password-42');
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByLabel('API URL')).toHaveValue(
      consoleHost.origin.replace(/:\d+$/, '') + /:\d+/.exec(await page.getByLabel('API URL').inputValue())?.[0],
    );
    await expect(page.getByLabel('API URL')).toHaveAttribute('readonly', '');
    await expect(page.getByLabel('Signature Version')).toHaveValue('2018');
    await page.getByRole('button', { name: 'Continue' }).click();
    const table = page.getByRole('table', { name: 'Active Dynamics Companies' });
    await expect(table.getByRole('columnheader')).toHaveText(['Company Name', 'Company ID']);
    await expect(table.getByRole('row')).toHaveCount(3);
    await expect(table).toContainText('Fabrikam, Inc.');
    await expect(table).not.toContainText('Northwind HVAC (closed)');
  });

  test('completes by keyboard alone, and the password appears nowhere but the keychain (canary)', async ({
    page,
    consoleHost,
  }) => {
    const canary = `Canary-${Date.now().toString(36)}-Pw!`;
    const tabTo = async (name: string) => {
      for (let presses = 0; presses < 12; presses++) {
        if (await page.getByRole('button', { name }).evaluate((button) => button === document.activeElement)) return;
        await page.keyboard.press('Tab');
      }
      throw new Error(`Tab never reached the ${name} button`);
    };
    await openConsole(page, consoleHost, '#/setup');
    await expect(page.getByRole('heading', { name: 'Step 1 of 5: Prerequisites' })).toBeFocused();
    await tabTo('Continue');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Step 2 of 5: Account Detail' })).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('User Name')).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Password', { exact: true })).toBeFocused();
    await page.keyboard.type(canary);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('Confirm Password')).toBeFocused();
    await page.keyboard.type(canary);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Step 3 of 5: Integration Details' })).toBeFocused();
    await tabTo('Continue');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Step 4 of 5: Active Dynamics Companies' })).toBeFocused();
    await tabTo('Continue');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Step 5 of 5: Apply' })).toBeFocused();
    // The sandbox is configured already: Apply replaces a password XOi uses, so it asks first.
    await tabTo('Apply');
    await page.keyboard.press('Enter');
    await expect(page.getByText('Confirm that Apply replaces the current password, or go back.')).toBeVisible();
    await page.getByLabel('Replace the current password').focus();
    await page.keyboard.press('Space');
    await tabTo('Apply');
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { name: 'Setup applied' })).toBeVisible();
    await expect(page.getByText(/Updated the integration password/)).toBeVisible();
    await expect(page.getByText("The integration password is stored in this computer's keychain.")).toBeVisible();
    await expect(page.getByRole('alert').filter({ hasText: 'The password changed' })).toBeVisible();

    // The printed sheet (the web host prints through the browser: render it to PDF here).
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${consoleHost.origin}/#/print/setup-sheet`);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
    const sheetText = await page.locator('body').innerText();
    const pdf = await page.pdf({ format: 'Letter' });
    writeFileSync(path.join(consoleHost.dataDir, 'printed-sheet.pdf'), pdf);

    const hits: string[] = [];
    if (sheetText.includes(canary)) hits.push('printed sheet text');
    if (consoleHost.output().includes(canary)) hits.push('host output');
    for (const file of everyFile(consoleHost.dataDir)) {
      if (readFileSync(file).includes(Buffer.from(canary))) hits.push(path.relative(consoleHost.dataDir, file));
    }
    expect(hits).toEqual([]);
    expect(everyFile(consoleHost.dataDir).some((file) => file.endsWith('.log'))).toBe(true);
  });
});

test.describe('when See is not registered', () => {
  test.use({
    sandboxArgs: [
      '--sandbox-scenario',
      path.resolve(import.meta.dirname, '..', 'fixtures', 'scenarios', 'codes', 'SEE_NOT_REGISTERED.json'),
    ],
  });

  test('the setup is unavailable, exactly as Schedule hides the tab, and the screen says why', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, '#/setup');
    await expect(page.getByRole('heading', { name: 'The XOi Integration Setup is not available' })).toBeVisible();
    await expect(
      page.getByText(/The See feature is not registered for MobileTech on this server, so Schedule hides/),
    ).toBeVisible();
    await expect(page.getByLabel('Password', { exact: true })).toHaveCount(0);
    await expect(page.getByText(/See feature registered for MobileTech: not met/)).toBeVisible();
  });
});
