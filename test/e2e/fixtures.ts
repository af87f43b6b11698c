import type { ChildProcess } from 'node:child_process';
import { test as base } from '@playwright/test';
import { startCli, stopChild } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';

export interface ConsoleHost {
  url: string;
  port: number;
  dataDir: string;
  child: ChildProcess;
}

/** Every test gets its own web host process with a fresh data folder. */
export const test = base.extend<{ consoleHost: ConsoleHost; extraHostArgs: string[] }>({
  extraHostArgs: [[], { option: true }],
  consoleHost: async ({ extraHostArgs }, use) => {
    const temp = makeTempDir('xoi-e2e-');
    const { child, firstLine } = await startCli(['web', '--json', '--data-dir', temp.dir, ...extraHostArgs]);
    const { url, port } = JSON.parse(firstLine) as { url: string; port: number };
    await use({ url, port, dataDir: temp.dir, child });
    await stopChild(child);
    temp.remove();
  },
});

export { expect } from '@playwright/test';
