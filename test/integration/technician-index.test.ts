import path from 'node:path';
import { describe, expect, it } from '../support/fixtures';
import { type SyncStatus } from '../../shared/contract';
import { openMirrorForWriting, type WriteHandle } from '../../electron/engine/store';
import { queryPlan, tableIndexes } from '../support/schema-at';

// A first mirror writes the appointments feed without their technician index and builds it once at the end of that
// feed (a random insert per appointment made each commit log thousands of pages at a million appointments).

const hasTechnicianIndex = (store: WriteHandle) =>
  tableIndexes(store.db, 'appointments').includes('appointments_technician');

const usesTechnicianIndex = (store: WriteHandle) =>
  queryPlan(store.db, 'SELECT * FROM appointments WHERE technician_id = ?', 'T1').some((step) =>
    step.includes('USING INDEX appointments_technician'),
  );

describe("the appointments' technician index on a first mirror", () => {
  it('is left out while the appointments feed fills an empty table, and is there again from the next feed on', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox();
    const seen: Array<{ feed: string; index: boolean }> = [];
    let store: WriteHandle | null = null;
    const mirror = openMirror(sandbox, {
      onStatus: (status: SyncStatus) => {
        if (status.state === 'running' && status.pagesDone > 0 && store)
          seen.push({ feed: status.feed, index: hasTechnicianIndex(store) });
      },
    });
    store = mirror.store;
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');

    const during = (feed: string) => seen.filter((sample) => sample.feed === feed).map((sample) => sample.index);
    expect(during('appointments').length).toBeGreaterThan(1);
    expect(new Set(during('appointments'))).toEqual(new Set([false]));
    expect(during('notes').length).toBeGreaterThan(0);
    expect(new Set([...during('notes'), ...during('history')])).toEqual(new Set([true]));
    expect(usesTechnicianIndex(mirror.store)).toBe(true);

    // A later pass reads the feed from its cursor: the index stays.
    seen.length = 0;
    const [changed] = [...sandbox.world.appointments.values()];
    sandbox.world.putAppointment({ ...changed!, customer: 'Renamed Customer' }, 'test');
    expect((await mirror.poller.syncNow()).outcome).toBe('ok');
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.every((sample) => sample.index)).toBe(true);
  });

  it('is made again when the pass fails during that feed', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox({ faults: '/v1/appointments/changes:5xx=1' });
    const mirror = openMirror(sandbox);
    expect((await mirror.poller.syncNow()).outcome).toBe('error');
    expect(hasTechnicianIndex(mirror.store)).toBe(true);
    expect(usesTechnicianIndex(mirror.store)).toBe(true);
  });

  it('is made again when a mirror left without it (a crash during that feed) is opened', ({ tempDir }) => {
    const file = path.join(tempDir(), 'mirror.db');
    const first = openMirrorForWriting(file);
    first.db.exec('DROP INDEX appointments_technician');
    first.db.close();

    const reopened = openMirrorForWriting(file);
    try {
      expect(hasTechnicianIndex(reopened)).toBe(true);
      expect(usesTechnicianIndex(reopened)).toBe(true);
    } finally {
      reopened.db.close();
    }
  });
});
