import path from 'node:path';
import type { Page } from '@playwright/test';
import type { ProfileView } from '../../shared/contract';
import { expect, openConsole, sandboxControl, test, waitForMirror, type ConsoleHost, closedPort } from './fixtures';

const scenario = (name: string) => path.resolve(import.meta.dirname, '..', 'fixtures', 'scenarios', 'codes', name);
const alerts = (page: Page) => page.locator('.health-banners [role="alert"]');
const banner = (page: Page, title: string | RegExp) => page.locator('.health-banner').filter({ hasText: title });

async function valueOf<T>(host: ConsoleHost, method: string, args: unknown = {}): Promise<T> {
  const result = await host.api.call<T>(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

/** A server profile pointed at the embedded sandbox (or elsewhere), made the active one. */
async function activateServerProfile(host: ConsoleHost, apiUrl: string, password: string): Promise<ProfileView> {
  const profile = await valueOf<ProfileView>(host, 'profiles.save', {
    name: 'Production',
    apiUrl,
    userName: 'admin',
    password,
  });
  await valueOf(host, 'profiles.activate', { id: profile.id });
  return profile;
}

test.describe('a healthy integration', () => {
  test.use({ sandboxArgs: ['--sandbox-scenario', scenario('NOTES_COMPLETE.json'), '--no-xoi-agent'] });

  test('shows no alert on the Dashboard, and says so in the status bar', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost);
    await waitForMirror(page);
    await expect(page.getByTestId('health-worst')).toHaveText('Integration: no problems found');
    await expect(alerts(page)).toHaveCount(0);
    await expect(page.locator('.health-banner')).toHaveCount(0);
  });
});

test.describe("XOi's polls rejected", () => {
  test('the Dashboard opens with the alert and its fix, and it clears once XOi has the password', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost);
    await waitForMirror(page);
    // A new integration password, not sent to XOi: XOi's next poll is refused.
    await valueOf(consoleHost, 'setup.apply', {
      password: 'Changed-Password-7',
      confirmPassword: 'Changed-Password-7',
    });
    expect((await sandboxControl(consoleHost, 'POST', '/sandbox/xoi/poll')).status).toBe(200);
    // "Sync now" joins a pass already under way (Apply starts one); the second starts after XOi's refused poll.
    await valueOf(consoleHost, 'sync.now');
    await valueOf(consoleHost, 'sync.now');
    const rejected = banner(page, "XOi's calls to Schedule are being rejected");
    await expect(rejected).toHaveAttribute('role', 'alert');
    await expect(rejected.getByText(/appointments affected/)).toBeVisible();
    await expect(page.getByTestId('health-worst')).toHaveText(
      /^Needs action: XOi's calls to Schedule are being rejected/,
    );

    await rejected.getByRole('button', { name: 'Open Setup' }).click();
    await expect(page.getByRole('heading', { name: 'XOi Integration Setup' })).toBeVisible();

    await valueOf(consoleHost, 'setup.tellSandboxXoi');
    expect((await sandboxControl(consoleHost, 'POST', '/sandbox/xoi/poll')).status).toBe(200);
    await valueOf(consoleHost, 'sync.now');
    await valueOf(consoleHost, 'sync.now');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(banner(page, "XOi's calls to Schedule are being rejected")).toHaveCount(0);
  });
});

test.describe('the Schedule server', () => {
  test('a rejected login blocks with the way to enter the password, explains the empty pages, and clears', async ({
    page,
    consoleHost,
  }) => {
    await activateServerProfile(consoleHost, consoleHost.sandboxUrl, 'not-the-password');
    await openConsole(page, consoleHost);
    const login = banner(page, 'The console cannot sign in to Schedule');
    await expect(login).toHaveAttribute('role', 'alert');
    await expect(page.getByTestId('empty-reason')).toContainText('The console cannot sign in to Schedule');
    await page.getByRole('link', { name: 'Appointments' }).click();
    await expect(page.getByTestId('empty-reason')).toContainText('The console cannot sign in to Schedule');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await banner(page, 'The console cannot sign in to Schedule')
      .getByRole('button', { name: 'Enter the password' })
      .click();
    await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();

    const profiles = await valueOf<{ profiles: ProfileView[]; activeId: string }>(consoleHost, 'profiles.list');
    await valueOf(consoleHost, 'profiles.save', {
      id: profiles.activeId,
      name: 'Production',
      apiUrl: consoleHost.sandboxUrl,
      userName: 'admin',
      password: 'sandbox',
    });
    await valueOf(consoleHost, 'sync.now');
    await page.getByRole('link', { name: 'Dashboard' }).click();
    await expect(banner(page, 'The console cannot sign in to Schedule')).toHaveCount(0);
  });

  test('an unreachable server blocks, and the fix tests the connection and says why', async ({ page, consoleHost }) => {
    await activateServerProfile(consoleHost, `http://127.0.0.1:${await closedPort()}`, 'whatever-1');
    await openConsole(page, consoleHost);
    const unreachable = banner(page, 'The Schedule server cannot be reached');
    await expect(unreachable).toHaveAttribute('role', 'alert');
    await unreachable.getByRole('button', { name: 'Test the connection' }).click();
    // The fix's own outcome (the banner's detail may say it too, once the next check has run).
    await expect(unreachable.getByTestId('fix-outcome')).toContainText(/refused the connection/);
  });
});

test.describe('the poller', () => {
  test('paused: a warning (not an alert) with Resume, which clears it', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost);
    await waitForMirror(page);
    await valueOf(consoleHost, 'sync.pause');
    const paused = banner(page, 'Syncing is paused');
    await expect(paused).toHaveAttribute('role', 'status');
    await paused.getByRole('button', { name: 'Resume syncing' }).click();
    await expect(banner(page, 'Syncing is paused')).toHaveCount(0);
  });
});

test.describe('a prerequisite failing', () => {
  test.use({ sandboxArgs: ['--sandbox-scenario', scenario('SEE_NOT_REGISTERED.json'), '--no-xoi-agent'] });

  test('blocks every appointment, with the way to Setup', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost);
    const see = banner(page, 'The See feature is not registered for MobileTech');
    await expect(see).toHaveAttribute('role', 'alert');
    await expect(see.getByRole('button', { name: 'Open Setup' })).toBeVisible();
    await expect(page.getByTestId('health-worst')).toHaveText(/^Blocked: /);
  });
});

test.describe('a keychain that cannot be used', () => {
  test.use({ hostEnv: { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/xoi-e2e-bus', DISPLAY: '' } });

  test('is an alert with how to fix it; the console still works read-only', async ({ page, consoleHost }) => {
    await openConsole(page, consoleHost);
    const keychain = banner(page, "The operating system's keychain cannot be used");
    await expect(keychain).toHaveAttribute('role', 'alert');
    await keychain.getByRole('button', { name: 'How to fix the keychain' }).click();
    await expect(keychain.getByRole('status')).toContainText(/Secret Service|keychain|Credential Manager/);
  });
});

test.describe('a shared cause', () => {
  test('one technician holding many appointments gets a banner that opens exactly those appointments', async ({
    page,
    consoleHost,
  }) => {
    await openConsole(page, consoleHost);
    await waitForMirror(page);
    const shared = page.locator('.health-banner[data-condition^="technician:"]').first();
    await expect(shared).toHaveAttribute('role', 'alert');
    const title = (await shared.locator('.health-title').textContent()) ?? '';
    const count = Number(/(\d+) appointments of/.exec(title)?.[1]);
    expect(count).toBeGreaterThanOrEqual(5);
    await shared.getByRole('button', { name: 'Show these appointments' }).click();
    await expect(page.getByRole('heading', { name: 'Appointments' })).toBeVisible();
    await expect(page.locator('.list-summary')).toContainText(`${count} appointments`);
  });
});
