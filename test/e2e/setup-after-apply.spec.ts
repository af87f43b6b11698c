import type { Page } from '@playwright/test';
import { expect, openConsole, test } from './fixtures';

async function toAccountStep(page: Page) {
  await expect(page.getByRole('heading', { name: 'Step 1 of 5: Prerequisites' })).toBeVisible();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Step 2 of 5: Account Detail' })).toBeVisible();
}

async function applyNewPassword(page: Page, password: string) {
  await toAccountStep(page);
  await page.getByLabel('Password', { exact: true }).fill(password);
  await page.getByLabel('Confirm Password').fill(password);
  for (let step = 0; step < 3; step++) await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Step 5 of 5: Apply' })).toBeVisible();
}

test.describe('the setup, before and after Apply', () => {
  test('a pasted long password reads "too long" in one place, and errors follow the typing', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, '#/setup');
    await toAccountStep(page);
    const long = 'p'.repeat(70);
    await page.getByLabel('Password', { exact: true }).fill(long);
    await page.getByLabel('Confirm Password').fill(long);
    await page.getByRole('button', { name: 'Continue' }).click();
    await expect(page.getByText('The password is too long: the server allows at most 64 characters.')).toBeVisible();
    await expect(page.getByText(/don't match/)).toHaveCount(0);
    // After the first attempt, the errors follow what is typed, with no need to press Continue again.
    await page.getByLabel('Password', { exact: true }).fill('p'.repeat(20));
    await expect(page.getByText(/too long/)).toHaveCount(0);
    await expect(page.getByText("The passwords don't match.")).toBeVisible();
    await page.getByLabel('Confirm Password').fill('p'.repeat(20));
    await expect(page.getByText("The passwords don't match.")).toHaveCount(0);
  });

  test('shows a summary and asks before replacing the password', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost, '#/setup');
    await applyNewPassword(page, 'Another-good-password-7');
    const summary = page.getByRole('definition').filter({ hasText: 'Replaces the integration password set' });
    await expect(summary).toBeVisible();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByText('Confirm that Apply replaces the current password, or go back.')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Setup applied' })).toHaveCount(0);
    await page.getByLabel('Replace the current password').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('heading', { name: 'Setup applied' })).toBeVisible();
  });

  test('the applied screen stays after printing and visiting other pages, until Done', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, '#/setup');
    await applyNewPassword(page, 'Yet-another-password-8');
    await page.getByLabel('Replace the current password').check();
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.getByRole('heading', { name: 'Setup applied' })).toBeVisible();
    // Printing in a browser opens the print view in this tab and comes back. The round trip can be over before a
    // poll of the address would see it, so the navigation is awaited as an event, set up before the click.
    const printView = page.waitForURL(/#\/print\/setup-sheet/);
    await page.getByRole('button', { name: 'Print setup sheet' }).first().click();
    await printView;
    await page.waitForURL(/#\/setup$/);
    await page.goto(`${consoleHost.origin}/#/dashboard`);
    await page.goto(`${consoleHost.origin}/#/setup`);
    await expect(page.getByRole('heading', { name: 'Setup applied' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Send the password to the simulated XOi' })).toBeVisible();
    await page.getByRole('button', { name: 'I have sent the sheet and the password to XOi' }).click();
    await expect(page.getByText('Noted: the first-run checklist counts the sheet as sent.')).toBeVisible();
    await page.getByRole('button', { name: 'Done' }).click();
    await expect(page.getByRole('heading', { name: 'Step 1 of 5: Prerequisites' })).toBeVisible();
  });

  test("prints the sheet any time, for the customer's companies, not the profile's name", async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost, '#/setup');
    await expect(page.getByRole('heading', { name: 'Setup sheet for XOi' })).toBeVisible();
    // In a browser the print view opens, prints, and goes back; the sheet is read here without printing, once the
    // round trip is over (its way back would otherwise land after the test's own visit to the print view).
    const printView = page.waitForURL(/#\/print\/setup-sheet/);
    await page.getByRole('button', { name: 'Save setup sheet as PDF' }).click();
    await printView;
    await page.waitForURL(/#\/setup$/);
    await page.goto(`${consoleHost.origin}/#/print/setup-sheet`);
    await expect(page.locator('body[data-print-ready="true"]')).toBeAttached();
    const customer = page.getByText(/Customer:/);
    await expect(customer).toContainText('Fabrikam, Inc.');
    await expect(customer).not.toContainText('Sandbox');
  });
});
