import { createServer } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/engine/logging';
import { startSandboxThread, type SandboxThread } from '../../electron/compose/embedded-sandbox';
import { repoRoot } from '../support/paths';
import { SANDBOX_ADMIN_AUTHORIZATION } from '../support/sandbox';

// The console's embedded sandbox runs in a worker thread (dist/electron/sandbox-thread.cjs), so its world is not on
// the heap of the thread that answers the screens.

const workerDir = path.join(repoRoot, 'dist', 'electron');
const started: SandboxThread[] = [];

async function start(options: Parameters<typeof startSandboxThread>[0]): Promise<SandboxThread> {
  const sandbox = await startSandboxThread(options, workerDir, silentLogger);
  started.push(sandbox);
  return sandbox;
}

async function getJson(
  url: string,
  init: RequestInit = {},
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(url, {
    ...init,
    headers: { Authorization: SANDBOX_ADMIN_AUTHORIZATION, ...init.headers },
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

afterEach(async () => {
  await Promise.all(started.splice(0).map((sandbox) => sandbox.close()));
});

describe('the embedded sandbox in its own thread', () => {
  it("serves the Schedule API from a world held on the thread's heap, not the host's", async () => {
    const before = process.memoryUsage().heapUsed;
    const sandbox = await start({ appointments: 20_000, xoiAgent: false, seed: 3 });
    const after = process.memoryUsage().heapUsed;

    const info = await getJson(`${sandbox.url}/sandbox/info`);
    expect(info.status).toBe(200);
    expect(info.body.appointments).toBe(20_000);
    const page = await getJson(`${sandbox.url}/v1/appointments/changes?limit=5`);
    expect(page.status).toBe(200);
    expect(page.body.items).toHaveLength(5);
    // 20,000 appointments hold about 80 MB where they live (electron/cli/sandbox-memory.ts).
    expect((after - before) / 2 ** 20).toBeLessThan(20);
  });

  it('tells the simulated XOi the integration password through the thread', async () => {
    const sandbox = await start({ appointments: 50, xoiAgent: false });
    const password = 'Thread-told-1';
    const set = await getJson(`${sandbox.url}/v1/integrations/xoi/password`, {
      method: 'PUT',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ password }),
    });
    expect(set.status).toBe(200);
    expect((await getJson(`${sandbox.url}/sandbox/info`)).body.xoiKnowsCurrentPassword).toBe(false);

    await sandbox.tellXoi(password);

    expect((await getJson(`${sandbox.url}/sandbox/info`)).body.xoiKnowsCurrentPassword).toBe(true);
  });

  it('stops serving when closed', async () => {
    const sandbox = await start({ appointments: 50, xoiAgent: false });
    expect((await getJson(`${sandbox.url}/v1/ping`)).status).toBe(200);

    await sandbox.close();

    await expect(fetch(`${sandbox.url}/v1/ping`)).rejects.toThrow();
  });

  it("fails to start with the thread's reason when its port is taken", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    try {
      await expect(startSandboxThread({ port, appointments: 10 }, workerDir, silentLogger)).rejects.toThrow(
        /EADDRINUSE/,
      );
    } finally {
      blocker.close();
    }
  });
});
