import path from 'node:path';
import { silentLogger } from '../../electron/engine/logging';
import { createScheduleClient } from '../../electron/engine/schedule';
import { type WriteHandle, openMirrorForWriting } from '../../electron/engine/store';
import { Poller, type PollerDeps } from '../../electron/engine/sync';
import { SANDBOX_ADMIN, type Sandbox } from '../../electron/sandbox';
import { ManualScheduler } from './manual-scheduler';
import { makeTempDir } from './temp-dir';

/** A real SQLite file in a fresh folder and a poller pointed at a sandbox, on a manual clock. */
export function mirrorHarness(sandbox: Sandbox, overrides: Partial<PollerDeps> = {}) {
  const temp = makeTempDir('xoi-mirror-');
  const file = path.join(temp.dir, 'mirror.db');
  const store: WriteHandle = openMirrorForWriting(file);
  const scheduler = new ManualScheduler();
  const statuses: string[] = [];
  const sleeps: number[] = [];
  let credentials = { ...SANDBOX_ADMIN } as { userName: string; password: string };
  const poller = new Poller({
    store,
    createClient: (pass) => createScheduleClient({ baseUrl: sandbox.url, credentials, timeoutMs: 5_000, ...pass }),
    // The waits between retries inside a pass are recorded, not slept: time only moves when the test says so.
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    scheduler,
    random: () => 0.5,
    log: silentLogger,
    settings: { intervalMs: 60_000, pageSize: 97 },
    onStatus: (status) => statuses.push(status.state),
    ...overrides,
  });
  return {
    file,
    store,
    scheduler,
    poller,
    statuses,
    sleeps,
    setCredentials(next: { userName: string; password: string }) {
      credentials = next;
    },
    async close() {
      await poller.stop();
      store.db.close();
      temp.remove();
    },
  };
}
