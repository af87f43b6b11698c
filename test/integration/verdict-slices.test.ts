import { describe, expect, test } from '../support/fixtures';
import {
  buildContext,
  loadMirrorFacts,
  recomputeAllVerdicts,
  verdictSettingsFrom,
} from '../../electron/engine/diagnosis';
import { deleteAllListEntries } from '../../electron/engine/store';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/contract';
import { diagnoseAppointment } from '../../shared/diagnosis';
import { FIXED_NOW } from '../support/sandbox';

const settings = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false);

describe('a full recompute read a slice at a time', () => {
  test('gives the verdicts and summaries of diagnosing the whole mirror at once, whatever the slice size', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 250 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    const verdictRows = () =>
      mirror.store.db
        .prepare(
          'SELECT key, state, codes, summary, notes_mask, transcripts, search_text FROM appointment_list WHERE live = 1 ORDER BY key',
        )
        .all() as Array<{ key: string; state: string; codes: string }>;
    const summaries = () =>
      mirror.store.db
        .prepare("SELECT kind, json FROM snapshots WHERE kind IN ('dashboard', 'technicians') ORDER BY kind")
        .all();

    const whole = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 1_000_000);
    const oneSlice = { rows: verdictRows(), summaries: summaries() };
    // 250 appointments in slices of 7: 36 slices, the last one partial, notes and history split at every boundary.
    // The read model is emptied first: a recompute writes only rows that differ, so it must start from nothing here.
    deleteAllListEntries(mirror.store);
    expect(verdictRows()).toEqual([]);
    const sliced = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 7);
    expect(sliced.written).toBe(sandbox.world.appointments.size);
    expect(sliced.count).toBe(whole.count);
    expect(sliced.count).toBe(sandbox.world.appointments.size);
    expect(verdictRows()).toEqual(oneSlice.rows);
    expect(summaries()).toEqual(oneSlice.summaries);
    expect([...sliced.cache.context.tallies.entries()].sort()).toEqual(
      [...whole.cache.context.tallies.entries()].sort(),
    );

    // And both agree with the direct path the command line takes: every fact loaded at once, then diagnosed.
    const facts = loadMirrorFacts(mirror.store);
    const context = buildContext(mirror.store, facts, FIXED_NOW, settings);
    const direct = facts.appointments
      .map((appointment) => ({
        key: appointment.key,
        verdict: diagnoseAppointment(
          {
            appointment,
            notes: facts.notesByKey.get(appointment.key) ?? [],
            history: facts.historyByKey.get(appointment.key) ?? [],
          },
          context,
        ),
      }))
      .sort((a, b) => (a.key < b.key ? -1 : 1));
    expect(oneSlice.rows.map((row) => [row.key, row.state, row.codes])).toEqual(
      direct.map(({ key, verdict }) => [key, verdict.state, verdict.codes.join(' ')]),
    );
    expect(new Set(direct.map(({ verdict }) => verdict.state)).size).toBeGreaterThan(1);
  });
});
