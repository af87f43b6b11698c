import type { LaunchOptions } from '@playwright/test';

// Debian's Chromium on Linux: Playwright's own browser download is not available on every machine; CHROMIUM_PATH
// overrides the executable. The flags keep it quiet and offline (no updates, sync or background traffic).
const executablePath = process.env.CHROMIUM_PATH ?? (process.platform === 'linux' ? '/usr/bin/chromium' : undefined);

/** How the end-to-end tests and the browser benchmark start Chromium. */
export const chromiumLaunchOptions: LaunchOptions = {
  ...(executablePath ? { executablePath } : {}),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};
