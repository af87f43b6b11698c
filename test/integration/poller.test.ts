import { copyFileSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test, it } from '../support/fixtures';
import { type SyncStatus } from '../../shared/contract';
import { appointmentKeyString } from '../../shared/domain';
import { readCursor, readRecentRuns } from '../../electron/engine/store';
import { backoffDelay, DEFAULT_BACKOFF } from '../../electron/engine/http';
import { createScheduleClient } from '../../electron/engine/schedule';
import { SANDBOX_ADMIN } from '../../electron/sandbox';
import { mirrorHarness } from '../support/mirror-harness';
import { testSandbox } from '../support/sandbox';

describe('the poller', () => {
  test('runs on start, then every interval', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox();
    const mirror = openMirror(sandbox);
    mirror.poller.start();
    expect(mirror.scheduler.nextDelay()).toBe(0);
    mirror.scheduler.advance(0);
    expect(mirror.poller.status().state).toBe('running');
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    const idle = mirror.poller.status();
    expect(idle).toMatchObject({ state: 'idle', nextRunAt: new Date(mirror.scheduler.now() + 60_000).toISOString() });
    expect(mirror.scheduler.nextDelay()).toBe(60_000);
    mirror.scheduler.advance(60_000);
    expect(mirror.poller.status().state).toBe('running');
    await mirror.poller.syncNow();
    expect(readRecentRuns(mirror.store, 10).map((run) => run.outcome)).toEqual(['ok', 'ok']);
  });

  test("copies a run's log into the database file once the run has answered, not inside the run", async ({
    openSandbox,
    openMirror,
    tempDir,
  }) => {
    const sandbox = await openSandbox();
    const mirror = openMirror(sandbox);
    const databaseBytes = () =>
      (mirror.store.db.pragma('page_count', { simple: true }) as number) *
      (mirror.store.db.pragma('page_size', { simple: true }) as number);
    /** What the database file holds without its log: a copy of the file alone, opened on its own. */
    const changedInFileAlone = () => {
      const copy = path.join(tempDir(), 'file-alone.db');
      copyFileSync(mirror.file, copy);
      const db = new Database(copy);
      try {
        return db.prepare("SELECT count(*) FROM appointments WHERE customer = 'changed'").pluck().get();
      } finally {
        db.close();
      }
    };
    const nextTurn = () => new Promise((resolve) => setImmediate(resolve));
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    // Answered: the pass's pages are still only in the log, so the file is smaller than the database.
    expect(statSync(mirror.file).size).toBeLessThan(databaseBytes());
    await nextTurn();
    expect(statSync(mirror.file).size).toBe(databaseBytes());

    const keys = [...sandbox.world.appointments.values()].slice(0, 5).map(appointmentKeyString);
    for (const key of keys) sandbox.world.updateAppointment(key, { customer: 'changed' }, sandbox.clock.now(), 'test');
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(changedInFileAlone()).toBe(0);
    await nextTurn();
    expect(changedInFileAlone()).toBe(5);
  });

  test('runs one pass at a time: a second "Sync now" joins the one in progress', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox();
    const mirror = openMirror(sandbox);
    const first = mirror.poller.syncNow();
    const second = mirror.poller.syncNow();
    expect(second).toBe(first);
    await first;
    expect(readRecentRuns(mirror.store, 10)).toHaveLength(1);
  });

  test('pauses (no runs scheduled) and resumes', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox();
    const mirror = openMirror(sandbox);
    mirror.poller.start();
    mirror.poller.pause();
    expect(mirror.scheduler.pending()).toBe(0);
    expect(mirror.poller.status().state).toBe('paused');
    mirror.scheduler.advance(10 * 60_000);
    expect(readRecentRuns(mirror.store, 10)).toHaveLength(0);
    mirror.poller.resume();
    expect(mirror.scheduler.nextDelay()).toBe(0);
    mirror.scheduler.advance(0);
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
  });

  test('backs off exponentially with full jitter, capped, on server errors', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox({ faults: '5xx=1' });
    const mirror = openMirror(sandbox);
    const delays: number[] = [];
    for (let attempt = 0; attempt < 9; attempt++) {
      const outcome = await mirror.poller.syncNow();
      expect(outcome).toEqual({ outcome: 'error', code: 'SYNC_SERVER_ERROR' });
      delays.push(mirror.scheduler.nextDelay() ?? -1);
    }
    // random() is 0.5 in the harness: half of min(cap, base * 2^attempt).
    expect(delays).toEqual([2_500, 5_000, 10_000, 20_000, 40_000, 80_000, 150_000, 150_000, 150_000]);
    const status = mirror.poller.status();
    expect(status).toMatchObject({ state: 'error', code: 'SYNC_SERVER_ERROR' });
    if (status.state === 'error')
      expect(status.nextRetryAt).toBe(new Date(mirror.scheduler.now() + 150_000).toISOString());
  });

  it('full jitter spreads retries between zero and the ceiling', () => {
    const values = [0, 0.25, 0.999].map((r) => backoffDelay(3, () => r));
    expect(values).toEqual([0, 10_000, Math.floor(0.999 * 40_000)]);
    expect(backoffDelay(50, () => 0.999)).toBeLessThan(DEFAULT_BACKOFF.capMs);
  });

  test('waits as long as Retry-After says', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox({ faults: '429=1' });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    expect(mirror.scheduler.nextDelay()).toBe(1_000);
  });

  test('stops and asks for credentials when the login is rejected, instead of retrying forever', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox();
    const mirror = openMirror(sandbox);
    mirror.setCredentials({ userName: 'admin', password: 'wrong' });
    expect(await mirror.poller.syncNow()).toEqual({ outcome: 'error', code: 'SYNC_LOGIN_REJECTED' });
    expect(mirror.sleeps).toEqual([]);
    const status = mirror.poller.status();
    expect(status.state).toBe('needs-credentials');
    if (status.state === 'needs-credentials') expect(status.nextStep).toMatch(/password/);
    expect(mirror.scheduler.pending()).toBe(0);
    mirror.setCredentials({ userName: 'admin', password: 'sandbox' });
    mirror.poller.credentialsChanged();
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
  });

  test('tells an unreachable server from a server error and a malformed answer', async ({ defer }) => {
    const sandbox = await testSandbox();
    const mirror = mirrorHarness(sandbox);
    defer(() => mirror.close());
    sandbox.faults.configure('malformed=1');
    expect(await mirror.poller.syncNow()).toEqual({ outcome: 'error', code: 'SYNC_MALFORMED_RESPONSE' });
    sandbox.faults.configure('5xx=1');
    expect(await mirror.poller.syncNow()).toEqual({ outcome: 'error', code: 'SYNC_SERVER_ERROR' });
    sandbox.faults.configure('');
    await sandbox.close();
    expect(await mirror.poller.syncNow()).toEqual({ outcome: 'error', code: 'SYNC_SERVER_UNREACHABLE' });
    const runs = readRecentRuns(mirror.store, 10);
    expect(runs.map((run) => run.errorCode)).toEqual([
      'SYNC_SERVER_UNREACHABLE',
      'SYNC_SERVER_ERROR',
      'SYNC_MALFORMED_RESPONSE',
    ]);
    expect(new Set(runs.map((run) => run.errorMessage)).size).toBe(3);
  });

  test('reports progress with an estimate, and marks the first full mirror', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox();
    const seen: SyncStatus[] = [];
    const mirror = openMirror(sandbox, { onStatus: (status) => seen.push(status) });
    await mirror.poller.syncNow();
    const running = seen.filter(
      (status): status is Extract<SyncStatus, { state: 'running' }> =>
        status.state === 'running' && status.feed === 'appointments',
    );
    expect(running.length).toBeGreaterThan(1);
    expect(running.every((status) => status.firstMirror)).toBe(true);
    expect(running.at(-1)?.feedRows).toBe(sandbox.world.appointments.size);
    expect(running[0]?.feedEstimate).toBeGreaterThanOrEqual(sandbox.world.appointments.size);
    await mirror.poller.syncNow();
    expect(mirror.poller.status().state).toBe('idle');
    expect(seen.filter((status) => status.state === 'running').at(-1)).toMatchObject({ firstMirror: false });
  });

  test('cancels between pages: stop waits for the page in flight, which is committed with its cursor', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ faults: '/v1/history/changes:latency=150' });
    let historyRequested: () => void = () => {};
    const historyInFlight = new Promise<void>((resolve) => (historyRequested = resolve));
    // Stands in for nothing: it is the real fetch, watched so the test knows when the first history page is in flight.
    const watchingFetch = (input: string, init: RequestInit) => {
      if (input.includes('/v1/history/changes')) historyRequested();
      return fetch(input, init);
    };
    const mirror = openMirror(sandbox, {
      createClient: (pass) =>
        createScheduleClient({
          baseUrl: sandbox.url,
          credentials: { ...SANDBOX_ADMIN },
          fetch: watchingFetch,
          ...pass,
        }),
    });
    const run = mirror.poller.syncNow();
    await historyInFlight;
    await mirror.poller.stop();
    expect(await run).toEqual({ outcome: 'cancelled' });
    const historyRows = mirror.store.db.prepare('SELECT count(*) AS n, max(version) AS v FROM history').get() as {
      n: number;
      v: number | null;
    };
    expect(historyRows.n).toBe(97);
    expect(readCursor(mirror.store, 'history')).toBe(`${sandbox.world.epoch}.${historyRows.v}`);
    expect(readRecentRuns(mirror.store, 1)[0]?.outcome).toBe('cancelled');
  });

  test('tells a pass that failed after storing some pages apart from one that succeeded', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ faults: '/v1/history/changes:5xx=1' });
    const told: string[] = [];
    const mirror = openMirror(sandbox, {
      afterPass: () => void told.push('passed'),
      afterFailedPass: () => told.push('failed'),
    });
    expect((await mirror.poller.syncNow()).outcome).toBe('error');
    expect(readCursor(mirror.store, 'appointments')).not.toBeNull();
    sandbox.faults.configure('');
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(told).toEqual(['failed', 'passed']);
  });
});
