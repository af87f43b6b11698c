import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from '../support/fixtures';
import { appointmentKeyString } from '../../shared/domain';
import { openMirrorForWriting } from '../../electron/engine/store';
import { createRng } from '../../electron/sandbox';
import { cliBundle } from '../support/paths';
import { mirrorState, worldState } from '../support/mirror-compare';
import { checkMirrorInvariants } from '../support/mirror-invariants';

/** At least 50 kills in the normal run; XOI_CRASH_KILLS raises it. */
const KILLS = Math.max(50, Number(process.env.XOI_CRASH_KILLS ?? 0));

/** Runs `xoi-console mirror --once` and SIGKILLs it once it has reported `afterLines` progress lines (0: at once). */
function mirrorUntilKilled(args: string[], afterLines: number): Promise<{ killed: boolean; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cliBundle, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let lines = 0;
    let killed = false;
    const kill = () => {
      if (!killed && child.exitCode === null) {
        killed = child.kill('SIGKILL');
      }
    };
    if (afterLines === 0) kill();
    child.stderr.on('data', (chunk: Buffer) => {
      lines += chunk.toString().split('\n').length - 1;
      if (lines >= afterLines) kill();
    });
    child.on('error', reject);
    child.on('exit', (code) => resolve({ killed, code }));
  });
}

describe('crash safety', () => {
  it(`survives ${KILLS} SIGKILLs at random moments: integrity ok, cursor never ahead of the data, then converges`, async ({
    openSandbox,
    tempDir,
    defer,
  }) => {
    const sandbox = await openSandbox({ appointments: 600, seed: 21 });
    const file = path.join(tempDir(), 'mirror.db');
    const rng = createRng(2026);
    let kills = 0;
    for (let round = 0; round < KILLS; round++) {
      // The server keeps changing between crashes, so there is always work in flight.
      const keys = [...sandbox.world.appointments.values()].map((appointment) => appointmentKeyString(appointment));
      for (let change = 0; change < 60; change++) {
        const key = rng.pick(keys);
        const now = sandbox.clock.now();
        if (rng.chance(0.1)) sandbox.world.deleteAppointment(key, now, 'crash-test');
        else sandbox.world.updateAppointment(key, { customer: `changed ${round}-${change}` }, now, 'crash-test');
      }
      const outcome = await mirrorUntilKilled(
        ['mirror', '--db', file, '--sandbox', sandbox.url, '--once', '--page-size', '20'],
        rng.int(0, 6),
      );
      if (outcome.killed) kills++;
      const problems = checkMirrorInvariants(file, sandbox.world);
      expect(problems, `after round ${round}`).toEqual([]);
    }
    expect(kills).toBeGreaterThanOrEqual(Math.floor(KILLS * 0.8));
    const final = await mirrorUntilKilled(
      ['mirror', '--db', file, '--sandbox', sandbox.url, '--once'],
      Number.POSITIVE_INFINITY,
    );
    expect(final).toEqual({ killed: false, code: 0 });
    const store = openMirrorForWriting(file);
    defer(() => store.db.close());
    expect(mirrorState(store)).toEqual(worldState(sandbox.world));
  }, 240_000);
});
