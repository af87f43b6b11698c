import { describe, expect, test } from '../support/fixtures';
import {
  recomputeAllVerdicts,
  refreshVerdicts,
  verdictSettingsFrom,
  type PassChanges,
} from '../../electron/engine/diagnosis';
import { appointmentDetail, queryAppointmentPage } from '../../electron/engine/queries';
import { openMirrorForReading, upsertAppointment, readDeleted } from '../../electron/engine/store';
import { appointmentFilterSchema, DEFAULT_PROFILE_SETTINGS, EMPTY_APPOINTMENT_FILTER } from '../../shared/contract';
import { FIXED_NOW } from '../support/sandbox';

const settings = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false);
const DAY = 86_400_000;

describe('an appointment Schedule deleted after XOi made its Vision job', () => {
  test('stays under "Deleted" with its job and deep link for the kept days, and goes when it comes back', async ({
    openSandbox,
    openMirror,
    defer,
  }) => {
    const sandbox = await openSandbox({ appointments: 200 });
    let lastPass: PassChanges | null = null;
    const mirror = openMirror(sandbox, { afterPass: (pass) => void (lastPass = pass) });
    const reader = () => openMirrorForReading(mirror.file);
    await mirror.poller.syncNow();
    const { cache } = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
    const keyOf = (note: { company: string; serviceCall: string; appointment: string }) =>
      `${note.company}/${note.serviceCall}/${note.appointment}`;
    const notes = [...sandbox.world.notes.values()];
    const withJob = notes.find((note) => note.name === 'XOi Site History' && note.readOnly && note.url);
    const jobKeys = new Set(notes.filter((note) => note.readOnly).map(keyOf));
    const withoutJob = [...sandbox.world.appointments.values()].map(keyOf).find((key) => !jobKeys.has(key));
    if (!withJob || !withoutJob) throw new Error('the sandbox needs appointments with and without a job');
    const jobKey = keyOf(withJob);
    const jobId = /\/(?:jobactivity|jobs)\/([A-Za-z0-9-]+)/.exec(withJob.url ?? '')?.[1];

    sandbox.world.deleteAppointment(jobKey, FIXED_NOW, 'test');
    sandbox.world.deleteAppointment(withoutJob, FIXED_NOW, 'test');
    await mirror.poller.syncNow();
    const pass = lastPass as unknown as PassChanges;
    expect(pass.touched.has(jobKey) && pass.touched.has(withoutJob)).toBe(true);
    refreshVerdicts(mirror.store, FIXED_NOW, settings, { keys: pass.touched, referencesChanged: false }, cache);

    const handle = reader();
    defer(() => handle.db.close());
    const deletedFilter = appointmentFilterSchema.parse({ deleted: true });
    const page = queryAppointmentPage(handle, {
      filter: deletedFilter,
      sort: { field: 'taskDate', direction: 'desc' },
      offset: 0,
      limit: 50,
    });
    expect(page.rows.map((row) => row.key)).toEqual([jobKey]);
    expect(page.rows[0]).toMatchObject({ codes: ['DELETED_AFTER_JOB'], jobId, state: 'needs-action' });
    expect(page.rows[0]?.deletedAt).not.toBeNull();
    const live = queryAppointmentPage(handle, {
      filter: EMPTY_APPOINTMENT_FILTER,
      sort: { field: 'key', direction: 'asc' },
      offset: 0,
      limit: 500,
    });
    expect(live.rows.map((row) => row.key)).not.toContain(jobKey);
    expect(live.rows.map((row) => row.key)).not.toContain(withoutJob);
    expect(live.total).toBe(sandbox.world.appointments.size);
    const detail = appointmentDetail(handle, jobKey, FIXED_NOW, settings, []);
    expect(detail.verdict.codes).toEqual(['DELETED_AFTER_JOB']);
    expect(detail.verdict.summary).toContain(`Vision job ${jobId}`);
    expect(detail.deepLink).toContain(jobId);
    expect(detail.timeline.map((event) => event.title)).toContain('Deleted in Schedule');
    expect(() => appointmentDetail(handle, withoutJob, FIXED_NOW, settings, [])).toThrow(/no appointment/);

    // Kept for the configured days, then gone at the next full recompute.
    recomputeAllVerdicts(mirror.store, FIXED_NOW + 29 * DAY, settings);
    expect(readDeleted(mirror.store, jobKey)).toBeDefined();
    const shorter = verdictSettingsFrom({ ...DEFAULT_PROFILE_SETTINGS, deletedKeptDays: 7 }, false);
    recomputeAllVerdicts(mirror.store, FIXED_NOW + 8 * DAY, shorter);
    expect(readDeleted(mirror.store, jobKey)).toBeUndefined();
    expect(mirror.store.db.prepare('SELECT count(*) AS n FROM appointment_list WHERE live = 0').get()).toEqual({
      n: 0,
    });
  });

  test('is no longer deleted when the same appointment comes back', async ({ openSandbox, openMirror }) => {
    const sandbox = await openSandbox({ appointments: 100 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    const note = [...sandbox.world.notes.values()].find((candidate) => candidate.name === 'XOi Workflow');
    if (!note) throw new Error('the sandbox has no job');
    const key = `${note.company}/${note.serviceCall}/${note.appointment}`;
    const appointment = sandbox.world.getAppointment(key);
    if (!appointment) throw new Error('no appointment behind the note');
    const firstJobNote = [...sandbox.world.notes.values()]
      .filter((candidate) => `${candidate.company}/${candidate.serviceCall}/${candidate.appointment}` === key)
      .filter((candidate) => candidate.readOnly && ['XOi Site History', 'XOi Workflow'].includes(candidate.name))
      .map((candidate) => candidate.createdAt)
      .sort()[0];
    sandbox.world.deleteAppointment(key, FIXED_NOW, 'test');
    await mirror.poller.syncNow();
    recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
    expect(readDeleted(mirror.store, key)?.jobMadeAt).toBe(firstJobNote);
    upsertAppointment(mirror.store, appointment, 1_000_000);
    expect(readDeleted(mirror.store, key)).toBeUndefined();
    recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
    expect(mirror.store.db.prepare('SELECT live FROM appointment_list WHERE key = ?').all(key)).toEqual([{ live: 1 }]);
  });
});
