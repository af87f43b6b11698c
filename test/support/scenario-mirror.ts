import path from 'node:path';
import { silentLogger } from '../../electron/engine/logging';
import { createScheduleClient } from '../../electron/engine/schedule';
import { openMirrorForWriting } from '../../electron/engine/store';
import { Poller } from '../../electron/engine/sync';
import { SANDBOX_ADMIN, startSandbox, type Sandbox, type Scenario } from '../../electron/sandbox';
import { ManualScheduler } from './manual-scheduler';

/** Serves a scenario exactly as written and mirrors it into `dir`/mirror.db with the real poller; returns the file. */
export async function mirrorScenario(
  scenario: Scenario,
  dir: string,
  extra?: (sandbox: Sandbox, file: string) => Promise<void>,
): Promise<string> {
  const sandbox = await startSandbox({ scenario, xoiAgent: false });
  const file = path.join(dir, 'mirror.db');
  const store = openMirrorForWriting(file);
  try {
    const poller = new Poller({
      store,
      createClient: (pass) =>
        createScheduleClient({ baseUrl: sandbox.url, credentials: { ...SANDBOX_ADMIN }, ...pass }),
      sleep: async () => {},
      scheduler: new ManualScheduler(Date.parse(scenario.now)),
      random: () => 0.5,
      log: silentLogger,
      settings: { intervalMs: 60_000, pageSize: 500 },
    });
    const outcome = await poller.syncNow();
    await poller.stop();
    if (outcome.outcome !== 'ok') throw new Error(`the mirror of the scenario failed: ${JSON.stringify(outcome)}`);
    store.db.close();
    await extra?.(sandbox, file);
    return file;
  } finally {
    if (store.db.open) store.db.close();
    await sandbox.close();
  }
}
