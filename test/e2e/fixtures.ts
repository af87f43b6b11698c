import type { Page } from '@playwright/test';
import type { ChildProcess } from 'node:child_process';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test as base } from '@playwright/test';
import { startCli, stopChild } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';
import { webHostClient } from '../support/web-host-client';
import { SANDBOX_ADMIN_AUTHORIZATION } from '../support/sandbox';

export interface ConsoleHost {
  url: string;
  origin: string;
  port: number;
  dataDir: string;
  /** The embedded sandbox's Schedule API, to change the server behind the console's back. */
  sandboxUrl: string;
  /** The console's own contract over HTTP, as the page calls it. */
  api: ReturnType<typeof webHostClient>;
  child: ChildProcess;
  /** Everything the host printed, for the secret canaries. */
  output: () => string;
}

/**
 * Every test gets its own web host process with a fresh data folder and its own keychain service name (the tests
 * share one throw-away keyring), on the embedded sandbox (or a scenario given by `sandboxScenario` or `sandboxArgs`).
 */
export const test = base.extend<{
  consoleHost: ConsoleHost;
  sandboxArgs: string[];
  sandboxScenario: Record<string, unknown> | null;
  dataDirFiles: Record<string, string>;
  hostEnv: Record<string, string>;
}>({
  sandboxArgs: [['--sandbox-appointments', '400'], { option: true }],
  /** A scenario built by the test: written to a file of the test's own (removed after it) and given to the sandbox. */
  sandboxScenario: [null, { option: true }],
  /** Files to put in the data folder before the host starts (relative path: content). */
  dataDirFiles: [{}, { option: true }],
  /** Extra environment for the host process (for example, a keychain that cannot be reached). */
  hostEnv: [{}, { option: true }],
  consoleHost: async ({ sandboxArgs, sandboxScenario, dataDirFiles, hostEnv }, use) => {
    const temp = makeTempDir('xoi-e2e-');
    const scenarioDir = makeTempDir('xoi-e2e-scenario-');
    const scenarioArgs: string[] = [];
    if (sandboxScenario) {
      const file = path.join(scenarioDir.dir, 'scenario.json');
      writeFileSync(file, JSON.stringify(sandboxScenario));
      scenarioArgs.push('--sandbox-scenario', file);
    }
    for (const [relative, content] of Object.entries(dataDirFiles)) {
      mkdirSync(path.dirname(path.join(temp.dir, relative)), { recursive: true });
      writeFileSync(path.join(temp.dir, relative), content);
    }
    const { child, firstLine, stderr } = await startCli(
      ['web', '--json', '--data-dir', temp.dir, ...scenarioArgs, ...sandboxArgs],
      {
        XOI_KEYCHAIN_SERVICE: `XOi Console e2e ${randomBytes(4).toString('hex')}`,
        ...hostEnv,
      },
    );
    const { url, port, sandboxUrl } = JSON.parse(firstLine) as { url: string; port: number; sandboxUrl: string };
    await use({
      url,
      origin: `http://127.0.0.1:${port}`,
      port,
      dataDir: temp.dir,
      sandboxUrl,
      api: webHostClient(firstLine),
      child,
      output: () => `${firstLine}\n${stderr()}`,
    });
    await stopChild(child);
    temp.remove();
    scenarioDir.remove();
  },
});

export { expect };

/** Opens the console with its token, then the given page. */
export async function openConsole(page: Page, host: ConsoleHost, hash = '#/dashboard'): Promise<void> {
  await page.goto(host.url);
  // The shell has mounted (and routed an empty address to the dashboard) before the test's own page is opened.
  await page.getByTestId('app-version').waitFor();
  await page.goto(`${host.origin}/${hash}`);
}

/** Waits until the first sync has mirrored the server: the status bar says "Synced …". */
export async function waitForMirror(page: Page): Promise<void> {
  await expect(page.getByTestId('sync-state')).toHaveText(/^Synced/, { timeout: 20_000 });
}

/** Calls the embedded sandbox's own controls (docs/sandbox.md) as its published administrator. */
export async function sandboxControl(
  host: ConsoleHost,
  method: 'POST' | 'PUT',
  path: string,
  body: unknown = {},
): Promise<Response> {
  return fetch(`${host.sandboxUrl}${path}`, {
    method,
    headers: {
      'Content-Type': 'application/json',
      Authorization: SANDBOX_ADMIN_AUTHORIZATION,
    },
    body: JSON.stringify(body),
  });
}

/** A loopback port nobody listens on (a refused connection). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
