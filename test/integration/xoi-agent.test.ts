import { afterEach, beforeEach, describe, expect, it } from '../support/fixtures';
import {
  ManualClock,
  HOUR,
  iso,
  MINUTE,
  startSandbox,
  type Sandbox,
  TRANSCRIPT_MIN_DELAY_MS,
  XOI_POLL_INTERVAL_MS,
} from '../../electron/sandbox';
import { adminClient, loadScenarioFixture, SANDBOX_ADMIN_AUTHORIZATION } from '../support/sandbox';

const NOW = Date.parse('2026-03-02T12:00:00Z');

describe('the simulated XOi agent (on a manual clock)', () => {
  let sandbox: Sandbox;
  let clock: ManualClock;
  const noteNames = (key: string) =>
    sandbox.world
      .notesOf(key)
      .map((note) => note.name)
      .sort();

  beforeEach(async () => {
    clock = new ManualClock(NOW);
    sandbox = await startSandbox({ scenario: loadScenarioFixture('agent-basics.json'), clock });
  });
  afterEach(() => sandbox.close());

  it('makes jobs and job notes only for eligible appointments of enabled XOi users, in active companies', async () => {
    const report = await sandbox.tick();
    expect(report).toMatchObject({ polled: true, authFailed: false, jobsCreated: 2 });
    expect(noteNames('TWO/C-1/001')).toEqual(['XOi Site History', 'XOi Workflow']);
    expect(noteNames('TWO/C-2/001')).toEqual([]); // unassigned
    expect(noteNames('TWO/C-3/001')).toEqual([]); // technician is not an XOi user
    expect(noteNames('TWO/C-4/001')).toEqual([]); // XOi user disabled
    expect(noteNames('TWO/C-5/001')).toEqual([]); // email differs only by case
    expect(noteNames('TWO/C-7/001')).toEqual([]); // not scheduled
    expect(noteNames('OLD/C-8/001')).toEqual([]); // company inactive
    expect(noteNames('TWO/C-6/001')).toEqual(['XOi Resolution', 'XOi Site History', 'XOi Workflow']);
    for (const note of sandbox.world.notesOf('TWO/C-1/001')) {
      expect(note).toMatchObject({ readOnly: true, internal: true, author: 'XOi Vision', createdAt: iso(NOW) });
    }
    expect(sandbox.world.xoiJobs.get('TWO/C-1/001')?.id).toMatch(
      /^cjob-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{8}-[0-9a-f]{12}-C\d{3}-[0-9a-f]{12}$/,
    );
    expect(sandbox.world.activity.lastCallAt).toBe(NOW);
  });

  it('writes transcripts hours after completion, one per video, at most three', async () => {
    await sandbox.tick();
    const job = sandbox.world.xoiJobs.get('TWO/C-6/001');
    if (!job) throw new Error('no job');
    expect(job.transcriptDelaysMs.length).toBeGreaterThan(0); // the fixture's seed gives this job videos
    const transcripts = () =>
      sandbox.world.notesOf('TWO/C-6/001').filter((note) => note.name.startsWith('XOi Transcript'));
    expect(transcripts()).toHaveLength(0);
    clock.advance(TRANSCRIPT_MIN_DELAY_MS - 20 * MINUTE);
    await sandbox.tick();
    expect(transcripts()).toHaveLength(0);
    clock.advance(9 * HOUR);
    await sandbox.tick();
    expect(transcripts()).toHaveLength(Math.min(job.videoCount, 3));
    expect(job.transcriptDelaysMs.length).toBe(Math.min(job.videoCount, 3));
    for (const note of transcripts())
      expect(Date.parse(note.createdAt)).toBeGreaterThanOrEqual(
        Date.parse('2026-03-02T11:50:00Z') + TRANSCRIPT_MIN_DELAY_MS,
      );
  });

  it('writes XOi Resolution at the first poll after completion', async () => {
    await sandbox.tick();
    clock.advance(XOI_POLL_INTERVAL_MS);
    sandbox.world.updateAppointment(
      'TWO/C-1/001',
      { status: 'Complete', completedAt: iso(clock.now()) },
      clock.now(),
      'test',
    );
    await sandbox.tick();
    expect(noteNames('TWO/C-1/001')).toEqual(['XOi Resolution', 'XOi Site History', 'XOi Workflow']);
  });

  it('picks up an appointment once it becomes eligible', async () => {
    await sandbox.tick();
    clock.advance(XOI_POLL_INTERVAL_MS);
    sandbox.world.updateAppointment('TWO/C-2/001', { status: 'Dispatched', technician: 'T100' }, clock.now(), 'test');
    await sandbox.tick();
    expect(noteNames('TWO/C-2/001')).toEqual(['XOi Site History', 'XOi Workflow']);
  });

  it('fails with 401 after the password changed without telling XOi, and recovers once XOi learns it', async () => {
    await sandbox.tick();
    await adminClient(sandbox).setIntegrationPassword('a-brand-new-Password-9');
    clock.advance(XOI_POLL_INTERVAL_MS);
    const failed = await sandbox.tick();
    expect(failed).toMatchObject({ polled: true, authFailed: true, notesWritten: 0 });
    const activity = await adminClient(sandbox).xoiActivity();
    expect(activity.lastCallResult).toBe('auth-failed');
    expect(activity.authFailures[0]).toEqual({ at: iso(clock.now()), reason: 'wrong password' });

    const told = await fetch(`${sandbox.url}/sandbox/xoi/learn-password`, {
      method: 'POST',
      headers: {
        Authorization: SANDBOX_ADMIN_AUTHORIZATION,
        'Content-Type': 'application/json',
      },
      body: JSON.stringify({ password: 'a-brand-new-Password-9' }),
    });
    expect(told.status).toBe(200);
    clock.advance(XOI_POLL_INTERVAL_MS);
    expect(await sandbox.tick()).toMatchObject({ authFailed: false });
    expect((await adminClient(sandbox).xoiActivity()).lastCallResult).toBe('ok');
  });

  it('does not poll at all when the integration was never configured', async ({ defer }) => {
    const scenario = loadScenarioFixture('agent-basics.json');
    const unconfigured = await startSandbox({
      scenario: { ...scenario, integration: { configured: false } },
      clock: new ManualClock(NOW),
    });
    defer(() => unconfigured.close());
    expect(await unconfigured.tick()).toMatchObject({ polled: false });
    expect(unconfigured.world.notes.size).toBe(0);
  });
});
