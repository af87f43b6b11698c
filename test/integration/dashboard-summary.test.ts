import { describe, expect, test } from '../support/fixtures';
import { recomputeAllVerdicts, verdictSettingsFrom } from '../../electron/engine/diagnosis';
import { readSnapshot } from '../../electron/engine/store';
import { type Dashboard, DEFAULT_PROFILE_SETTINGS } from '../../shared/contract';
import { FIXED_NOW } from '../support/sandbox';

const settings = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false);

describe('the dashboard summary written with the verdicts', () => {
  test('counts states, the funnel and the latencies as the mirror and the server hold them', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 300 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    recomputeAllVerdicts(mirror.store, FIXED_NOW, settings);
    const dashboard = readSnapshot<Dashboard>(mirror.store, 'dashboard')?.value;
    if (!dashboard) throw new Error('no dashboard snapshot was written');

    const byState = mirror.store.db
      .prepare('SELECT state, count(*) AS n FROM appointment_list WHERE live = 1 GROUP BY state')
      .all() as Array<{ state: keyof Dashboard['counts']; n: number }>;
    const expectedCounts = { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 };
    for (const row of byState) expectedCounts[row.state] = row.n;
    expect(dashboard.counts).toEqual(expectedCounts);

    // The funnel, counted from the server's own world rather than from the mirror.
    const appointments = [...sandbox.world.appointments.values()];
    const notes = [...sandbox.world.notes.values()];
    const keysWith = (...names: string[]) =>
      new Set(
        notes
          .filter((note) => names.includes(note.name))
          .map((note) => `${note.company}/${note.serviceCall}/${note.appointment}`),
      );
    const completed = appointments.filter((appointment) => appointment.completedAt !== null);
    const completedKeys = new Set(
      completed.map((appointment) => `${appointment.company}/${appointment.serviceCall}/${appointment.appointment}`),
    );
    const among = (keys: Set<string>) => [...keys].filter((key) => completedKeys.has(key)).length;
    expect(dashboard.funnel.appointments).toBe(appointments.length);
    // A funnel: every stage a subset of the one before.
    const stages = ['appointments', 'eligible', 'jobNotes', 'completed', 'resolution', 'transcripts'] as const;
    for (let index = 1; index < stages.length; index++)
      expect(dashboard.funnel[stages[index] as never]).toBeLessThanOrEqual(
        dashboard.funnel[stages[index - 1] as never],
      );
    // Counted from the server's own world: a Site History note makes an appointment eligible; a Workflow note alone
    // makes it eligible only when its status history says so.
    const siteHistory = keysWith('XOi Site History');
    const jobNotes = keysWith('XOi Site History', 'XOi Workflow');
    expect(dashboard.funnel.jobNotes).toBeGreaterThanOrEqual(siteHistory.size);
    expect(dashboard.funnel.jobNotes).toBeLessThanOrEqual(jobNotes.size);
    expect(dashboard.funnel.completed).toBeGreaterThanOrEqual(among(siteHistory));
    expect(dashboard.funnel.completed).toBeLessThanOrEqual(among(jobNotes));
    const both = (a: Set<string>, b: Set<string>) => new Set([...a].filter((key) => b.has(key)));
    expect(dashboard.funnel.resolution).toBeLessThanOrEqual(among(both(jobNotes, keysWith('XOi Resolution'))));
    expect(dashboard.funnel.resolution).toBeGreaterThan(0);
    expect(dashboard.funnel.transcripts).toBeLessThanOrEqual(dashboard.funnel.resolution);
    expect(dashboard.funnel.transcripts).toBeGreaterThan(0);

    const bucketTotal = (field: 'siteHistory' | 'resolution' | 'transcript') =>
      dashboard.latency.reduce((sum, bucket) => sum + bucket[field], 0);
    expect(bucketTotal('siteHistory')).toBeGreaterThan(0);
    expect(bucketTotal('siteHistory')).toBeLessThanOrEqual(dashboard.funnel.jobNotes);
    expect(bucketTotal('resolution')).toBeLessThanOrEqual(among(keysWith('XOi Resolution')));
    expect(bucketTotal('transcript')).toBeLessThanOrEqual(among(keysWith('XOi Transcript')));
    expect(dashboard.medians.siteHistoryMinutes).not.toBeNull();
  });
});
