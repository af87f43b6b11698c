import { describe, expect, test } from '../support/fixtures';
import { appointmentKeyString } from '../../shared/domain';
import { iso, startSandbox } from '../../electron/sandbox';
import { readCursor, readRecentRuns } from '../../electron/engine/store';
import { mirrorHarness } from '../support/mirror-harness';
import { mirrorState, worldState } from '../support/mirror-compare';
import { FIXED_NOW, testSandbox } from '../support/sandbox';

describe('the mirror converges on the server', () => {
  test('equals the sandbox exactly after one pass: every row, every field', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox();
    const mirror = openMirror(sandbox);
    const outcome = await mirror.poller.syncNow();
    expect(outcome.outcome).toBe('ok');
    expect(mirrorState(mirror.store)).toEqual(worldState(sandbox.world));
    for (const feed of ['appointments', 'notes', 'history'] as const)
      expect(readCursor(mirror.store, feed)).toMatch(/\.\d+$/);
    const [run] = readRecentRuns(mirror.store, 1);
    expect(run).toMatchObject({
      outcome: 'ok',
      rows: { appointments: { upserted: sandbox.world.appointments.size, deleted: 0, rejected: 0 } },
    });
  });

  test('follows changes, new notes and deletions, reading only what changed', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox();
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    const keys = [...sandbox.world.appointments.values()].map((appointment) => appointmentKeyString(appointment));
    const now = sandbox.clock.now();
    sandbox.world.updateAppointment(keys[3] as string, { status: 'Complete', completedAt: iso(now) }, now, 'test');
    sandbox.world.deleteAppointment(keys[5] as string, now, 'test');
    const target = sandbox.world.getAppointment(keys[7] as string);
    if (!target) throw new Error('missing');
    sandbox.world.addNote({
      company: target.company,
      serviceCall: target.serviceCall,
      appointment: target.appointment,
      name: 'XOi Resolution',
      text: 'late',
      url: null,
      internal: false,
      readOnly: true,
      createdAt: iso(now),
      author: 'XOi Vision',
    });
    const outcome = await mirror.poller.syncNow();
    expect(outcome).toMatchObject({
      outcome: 'ok',
      counts: { appointments: { upserted: 1, deleted: 1 }, notes: { upserted: 1 } },
    });
    expect(mirrorState(mirror.store)).toEqual(worldState(sandbox.world));
  });

  test.for([
    '5xx=0.3',
    '429=0.3',
    '429date=0.2',
    'reset=0.3',
    'truncate=0.3',
    'malformed=0.3',
    'trickle=0.5',
    'latency=1-20',
  ])('converges with the sandbox fault %s switched on', async (spec, { openSandbox, openMirror }) => {
    const sandbox = await openSandbox({ faults: spec });
    const mirror = openMirror(sandbox);
    let outcome = await mirror.poller.syncNow();
    let attempts = 1;
    while (outcome.outcome !== 'ok' && attempts < 300) {
      outcome = await mirror.poller.syncNow();
      attempts++;
    }
    expect(outcome.outcome).toBe('ok');
    const kind = spec.split('=')[0] as keyof typeof sandbox.faults.injected;
    expect(sandbox.faults.injected[kind]).toBeGreaterThan(0);
    sandbox.faults.configure('');
    expect(mirrorState(mirror.store)).toEqual(worldState(sandbox.world));
  });

  test('starts the mirror over when the server was reset (cursor expired), and converges on the new data', async ({
    defer,
  }) => {
    const first = await testSandbox({ seed: 1 });
    const port = first.port;
    const mirror = mirrorHarness(first);
    await mirror.poller.syncNow();
    await first.close();
    // The same address now serves a different world (a restored or reset server).
    const second = await startSandbox({ seed: 2, appointments: 120, now: FIXED_NOW, xoiAgent: false, port });
    defer(async () => {
      await mirror.close();
      await second.close();
    });
    const outcome = await mirror.poller.syncNow();
    expect(outcome).toEqual({ outcome: 'ok', counts: expect.anything() });
    expect(mirrorState(mirror.store)).toEqual(worldState(second.world));
  });
});
