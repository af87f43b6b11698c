import { describe, expect, test } from '../support/fixtures';
import { createScheduleClient } from '../../electron/engine/schedule';
import { readCursor, readRecentRuns } from '../../electron/engine/store';
import { RETRIES_PER_PASS, type PassRequests } from '../../electron/engine/sync';
import { SANDBOX_ADMIN, type Sandbox } from '../../electron/sandbox';
import { mirrorState, worldState } from '../support/mirror-compare';
import { mirrorHarness } from '../support/mirror-harness';
import { testSandbox } from '../support/sandbox';

const HEAVY = '5xx=0.3,429=0.1,reset=0.1,truncate=0.1,malformed=0.1,trickle=0.05,latency=0-50';

/** The real fetch, watched: every request's path and answer status are recorded (it stands for nothing). */
function watchedFetch(seen: Array<{ path: string; status: number }>, hang?: (path: string) => boolean) {
  return async (input: string, init: RequestInit): Promise<Response> => {
    const path = new URL(input).pathname;
    if (hang?.(path)) {
      // A server that accepted the connection and never answers: only the pass's cancellation ends it.
      return new Promise((_resolve, reject) =>
        init.signal?.addEventListener('abort', () => reject(init.signal?.reason), { once: true }),
      );
    }
    const response = await fetch(input, init);
    seen.push({ path, status: response.status });
    return response;
  };
}

function harnessWith(sandbox: Sandbox, fetchImpl: ReturnType<typeof watchedFetch>, stallMs?: number) {
  return mirrorHarness(sandbox, {
    createClient: (pass: PassRequests) =>
      createScheduleClient({ baseUrl: sandbox.url, credentials: { ...SANDBOX_ADMIN }, fetch: fetchImpl, ...pass }),
    ...(stallMs ? { settings: { intervalMs: 60_000, pageSize: 97, stallMs } } : {}),
  });
}

describe('retries inside a pass', () => {
  test('a pass under passing faults still completes, retrying each read with full-jitter backoff', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ faults: '5xx=0.3,reset=0.1,truncate=0.1,malformed=0.1' });
    const mirror = openMirror(sandbox);
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(mirror.sleeps.length).toBeGreaterThan(0);
    expect(Math.max(...mirror.sleeps)).toBeLessThanOrEqual(8_000);
    sandbox.faults.configure('');
    expect(mirrorState(mirror.store)).toEqual(worldState(sandbox.world));
  });

  test('waits as long as Retry-After says, in seconds and as an HTTP date, before sending a read again', async ({
    defer,
  }) => {
    const sandbox = await testSandbox({ faults: '/v1/notes/changes:429=0.5;/v1/history/changes:429date=0.5' });
    const mirror = mirrorHarness(sandbox);
    defer(async () => {
      await mirror.close();
      await sandbox.close();
    });
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(mirror.sleeps).toContain(1_000);
    expect(mirror.sleeps.some((ms) => ms > 1_000 && ms <= 2_000)).toBe(true);
  });

  test('spends at most the pass budget, then the pass fails and the poller backs off', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ faults: '5xx=1' });
    const mirror = openMirror(sandbox);
    expect(await mirror.poller.syncNow()).toEqual({ outcome: 'error', code: 'SYNC_SERVER_ERROR' });
    expect(mirror.sleeps.length).toBeGreaterThan(0);
    expect(mirror.sleeps.length).toBeLessThanOrEqual(RETRIES_PER_PASS);
    expect(mirror.scheduler.pending()).toBe(1);
  });

  test('never retries an answer that breaks the contract: the poller parks with the reason and a next step', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox();
    const brokenContract = async (input: string, init: RequestInit) => {
      if (new URL(input).pathname === '/v1/system')
        return new Response(JSON.stringify({ scheduleVersion: 4 }), { status: 200 });
      return fetch(input, init);
    };
    const mirror = openMirror(sandbox, {
      createClient: (pass) =>
        createScheduleClient({
          baseUrl: sandbox.url,
          credentials: { ...SANDBOX_ADMIN },
          fetch: brokenContract,
          ...pass,
        }),
    });
    expect(await mirror.poller.syncNow()).toEqual({ outcome: 'error', code: 'SYNC_MALFORMED_RESPONSE' });
    expect(mirror.sleeps).toEqual([]);
    const status = mirror.poller.status();
    expect(status).toMatchObject({ state: 'error', nextRetryAt: null });
    if (status.state === 'error') expect(status.nextStep).toMatch(/Syncing is paused until this is fixed/);
    expect(mirror.scheduler.pending()).toBe(0);
  });
});

describe('what a pass commits stays committed', () => {
  test('a pass that fails half-way keeps its pages; the next pass resumes from the cursors and skips unchanged lists', async ({
    defer,
  }) => {
    const sandbox = await testSandbox();
    const seen: Array<{ path: string; status: number }> = [];
    const mirror = harnessWith(sandbox, watchedFetch(seen));
    defer(async () => {
      await mirror.close();
      await sandbox.close();
    });
    sandbox.faults.configure('/v1/history/changes:5xx=1');
    expect((await mirror.poller.syncNow()).outcome).toBe('error');
    const appointmentsCursor = readCursor(mirror.store, 'appointments');
    expect(appointmentsCursor).not.toBeNull();
    expect(readCursor(mirror.store, 'notes')).not.toBeNull();

    sandbox.faults.configure('');
    seen.length = 0;
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    const appointmentReads = seen.filter((request) => request.path === '/v1/appointments/changes');
    expect(appointmentReads).toHaveLength(1);
    for (const list of ['/v1/companies', '/v1/technicians', '/v1/statuses'])
      expect(seen.find((request) => request.path === list)?.status).toBe(304);
    expect(mirrorState(mirror.store)).toEqual(worldState(sandbox.world));

    sandbox.world.technicians.values().next().value!.name = 'Renamed Technician';
    seen.length = 0;
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(seen.find((request) => request.path === '/v1/technicians')?.status).toBe(200);
    expect(seen.find((request) => request.path === '/v1/companies')?.status).toBe(304);
    expect(mirrorState(mirror.store).technicians).toEqual(worldState(sandbox.world).technicians);
  });
});

describe('the watchdog', () => {
  test('stops a pass that makes no progress, records the stall, and tries again', async ({ defer }) => {
    const sandbox = await testSandbox();
    const seen: Array<{ path: string; status: number }> = [];
    let hangNotes = true;
    const mirror = harnessWith(
      sandbox,
      watchedFetch(seen, (path) => hangNotes && path === '/v1/notes/changes'),
      60_000,
    );
    defer(async () => {
      await mirror.close();
      await sandbox.close();
    });
    const run = mirror.poller.syncNow();
    // Let the pass reach the hanging request, then move the injected clock past the stall limit.
    await new Promise<void>((resolve) => {
      const poll = () =>
        seen.some((request) => request.path === '/v1/appointments/changes') ? resolve() : setImmediate(poll);
      poll();
    });
    await new Promise<void>((resolve) => setImmediate(resolve));
    mirror.scheduler.advance(61_000);
    expect(await run).toEqual({ outcome: 'stalled' });
    const [stalled] = readRecentRuns(mirror.store, 1);
    expect(stalled).toMatchObject({ outcome: 'stalled', errorCode: 'SYNC_STALLED' });
    expect(mirror.poller.status()).toMatchObject({ state: 'error', code: 'SYNC_STALLED' });
    expect(mirror.scheduler.pending()).toBe(1);

    hangNotes = false;
    mirror.scheduler.advance(mirror.scheduler.nextDelay() ?? 0);
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(mirrorState(mirror.store)).toEqual(worldState(sandbox.world));
  });
});

describe('under the heavy mix of faults', () => {
  test(`a 3,000-appointment mirror equals a clean one within 3 passes (${HEAVY})`, async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 3_000, faults: HEAVY });
    const mirror = openMirror(sandbox, { settings: { intervalMs: 60_000, pageSize: 1000 } });
    const outcomes: string[] = [];
    for (let pass = 0; pass < 3 && outcomes.at(-1) !== 'ok'; pass++)
      outcomes.push((await mirror.poller.syncNow()).outcome);
    expect(outcomes.at(-1)).toBe('ok');
    sandbox.faults.configure('');
    expect(mirrorState(mirror.store)).toEqual(worldState(sandbox.world));
  }, 120_000);
});
