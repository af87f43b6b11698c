import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openConsole, type ConsoleRuntime } from '../../electron/compose/open-console';
import { silentLogger } from '../../electron/engine/logging';
import { createKeytarStore } from '../../electron/engine/secrets';
import { webHostHandlers } from '../../electron/web';
import { repoRoot } from '../support/paths';
import { SANDBOX_ADMIN_AUTHORIZATION } from '../support/sandbox';
import { callService } from '../support/service-harness';
import { makeTempDir } from '../support/temp-dir';

// openConsole is the composition root every host starts (Electron main, web host, CLI): the embedded sandbox in its
// thread, then the engine on it. Here it is opened as a host would, with the real keychain and the bundled workers.

const opened: Array<{ runtime: ConsoleRuntime; remove: () => void }> = [];

async function open(sandbox: { appointments: number; seed: number }): Promise<ConsoleRuntime> {
  const temp = makeTempDir('xoi-open-console-');
  const runtime = await openConsole({
    host: 'web',
    version: '0.0.0-test',
    dataDir: temp.dir,
    log: silentLogger,
    workerDir: path.join(repoRoot, 'dist', 'electron'),
    hostHandlers: webHostHandlers,
    sandbox: { ...sandbox, xoiAgent: false },
    secrets: createKeytarStore(`XOi Console test ${randomBytes(4).toString('hex')}`),
  });
  opened.push({ runtime, remove: temp.remove });
  return runtime;
}

afterEach(async () => {
  for (const { runtime, remove } of opened.splice(0)) {
    await runtime.close();
    remove();
  }
});

describe('openConsole, the composition every host starts', () => {
  it('starts the embedded sandbox and the engine on it: a sync mirrors every appointment the sandbox holds', async () => {
    const runtime = await open({ appointments: 60, seed: 4 });
    const url = runtime.sandbox.url;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const info = (await (
      await fetch(`${url}/sandbox/info`, { headers: { Authorization: SANDBOX_ADMIN_AUTHORIZATION } })
    ).json()) as {
      appointments: number;
    };
    expect(info.appointments).toBeGreaterThan(0);

    expect(await callService<{ outcome: string }>(runtime.service, 'sync.now')).toEqual({ outcome: 'ok' });
    const page = await callService<{ total: number }>(runtime.service, 'appointments.query', { limit: 1 });
    expect(page.total).toBe(info.appointments);
  });

  it('closes the engine and the sandbox thread, so the sandbox stops answering', async () => {
    const runtime = await open({ appointments: 10, seed: 4 });
    const url = runtime.sandbox.url;
    expect((await fetch(`${url}/v1/ping`)).status).toBe(200);
    const entry = opened.pop();
    await runtime.close();
    entry?.remove();
    await expect(fetch(`${url}/v1/ping`)).rejects.toThrow();
  });
});
