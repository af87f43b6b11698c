import { describe, expect, test } from '../support/fixtures';
import {
  buildContext,
  loadMirrorFacts,
  recomputeAllVerdicts,
  verdictSettingsFrom,
} from '../../electron/engine/diagnosis';
import { deleteAllListEntries, type WriteHandle } from '../../electron/engine/store';
import { createXoiClient, mirrorXoiUsers, sandboxXoiEndpoints } from '../../electron/engine/xoi';
import { SANDBOX_XOI_API } from '../../electron/sandbox';
import { DEFAULT_PROFILE_SETTINGS } from '../../shared/contract';
import { diagnoseAppointment } from '../../shared/diagnosis';
import { FIXED_NOW } from '../support/sandbox';
import { queryPlan } from '../support/schema-at';

const settings = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false);

const verdictRows = (store: WriteHandle) =>
  store.db
    .prepare(
      'SELECT key, state, codes, summary, notes_mask, transcripts, search_text FROM appointment_list WHERE live = 1 ORDER BY key',
    )
    .all() as Array<{ key: string; state: string; codes: string; summary: string }>;
const summaries = (store: WriteHandle) =>
  store.db.prepare("SELECT kind, json FROM snapshots WHERE kind IN ('dashboard', 'technicians') ORDER BY kind").all();

describe('a full recompute read a slice at a time', () => {
  test('gives the verdicts and summaries of diagnosing the whole mirror at once, whatever the slice size', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 250 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();

    const whole = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 1_000_000);
    const oneSlice = { rows: verdictRows(mirror.store), summaries: summaries(mirror.store) };
    // 250 appointments in slices of 7: 36 slices, the last one partial, notes and history split at every boundary.
    // The read model is emptied first: a recompute writes only rows that differ, so it must start from nothing here.
    deleteAllListEntries(mirror.store);
    expect(verdictRows(mirror.store)).toEqual([]);
    const sliced = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 7);
    expect(sliced.written).toBe(sandbox.world.appointments.size);
    expect(sliced.count).toBe(whole.count);
    expect(sliced.count).toBe(sandbox.world.appointments.size);
    expect(verdictRows(mirror.store)).toEqual(oneSlice.rows);
    expect(summaries(mirror.store)).toEqual(oneSlice.summaries);
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
    // The list's rows are diagnosed without evidence: their state, codes and summary are the full verdict's.
    expect(oneSlice.rows.map((row) => [row.key, row.state, row.codes, row.summary])).toEqual(
      direct.map(({ key, verdict }) => [key, verdict.state, verdict.codes.join(' '), verdict.summary]),
    );
    expect(new Set(direct.map(({ verdict }) => verdict.state)).size).toBeGreaterThan(1);
  });
});

describe('a first fill of the read model', () => {
  test('after the empty mirror was diagnosed at start, counts the technicians first: each row written once', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 200 });
    const mirror = openMirror(sandbox);
    // At start the console diagnoses what is mirrored, before any pass: nothing yet (its summaries are empty).
    expect(recomputeAllVerdicts(mirror.store, FIXED_NOW, settings).count).toBe(0);
    await mirror.poller.syncNow();
    const first = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 9);
    // Diagnosed with tallies that counted nothing, every technician's inferred status would change at the end and
    // their appointments be diagnosed and written again (at 100,000 appointments, 11 s of a 27 s first fill).
    expect(first.written).toBe(sandbox.world.appointments.size);
    expect([...first.cache.context.tallies.values()].some((tally) => tally.dueForJobNotes > 0)).toBe(true);
    expect(recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 9).written).toBe(0);
  });

  test("with XOi's user list, counts the technicians as it diagnoses: the verdicts a recompute keeps, real tallies", async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 200 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    const xoi = createXoiClient({ ...sandboxXoiEndpoints(sandbox.url), ...SANDBOX_XOI_API });
    await mirrorXoiUsers(mirror.store, xoi, FIXED_NOW);
    const withUsers = verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, true);
    // A first fill: no read model and no earlier tallies (a new mirror, or a rebuild).
    deleteAllListEntries(mirror.store);
    mirror.store.db.prepare("DELETE FROM snapshots WHERE kind = 'technicians'").run();
    const first = recomputeAllVerdicts(mirror.store, FIXED_NOW, withUsers, 9);
    expect(first.written).toBe(sandbox.world.appointments.size);
    const filled = { rows: verdictRows(mirror.store), summaries: summaries(mirror.store) };

    // The tallies are those of every appointment, as counting them on their own gives.
    const facts = loadMirrorFacts(mirror.store);
    const context = buildContext(mirror.store, facts, FIXED_NOW, withUsers);
    expect(context.xoiUsers).not.toBeNull();
    expect([...first.cache.context.tallies.entries()].sort()).toEqual([...context.tallies.entries()].sort());
    expect([...context.tallies.values()].some((tally) => tally.withJobNotes > 0)).toBe(true);
    // The next full recompute (diagnosing with these tallies) changes nothing, and says the same.
    expect(recomputeAllVerdicts(mirror.store, FIXED_NOW, withUsers, 9).written).toBe(0);
    expect(verdictRows(mirror.store)).toEqual(filled.rows);
    expect(summaries(mirror.store)).toEqual(filled.summaries);
  });

  const indexes = (db: { prepare: (sql: string) => { all: () => unknown[] } }) =>
    db
      .prepare(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name IN ('appointment_list', 'list_codes') ORDER BY name",
      )
      .all() as Array<{ name: string; sql: string | null }>;

  test('builds its indexes once at the end: the same indexes, used by the list, and none lost when it fails', async ({
    openSandbox,
    openMirror,
  }) => {
    const sandbox = await openSandbox({ appointments: 120 });
    const mirror = openMirror(sandbox);
    await mirror.poller.syncNow();
    const before = indexes(mirror.store.db);
    expect(before.filter((index) => index.sql !== null).length).toBeGreaterThanOrEqual(9);

    deleteAllListEntries(mirror.store);
    const filled = recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 25);
    expect(filled.written).toBe(sandbox.world.appointments.size);
    expect(indexes(mirror.store.db)).toEqual(before);
    expect(mirror.store.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const plan = queryPlan(
      mirror.store.db,
      'SELECT id FROM appointment_list WHERE live = 1 ORDER BY task_date DESC LIMIT 10',
    );
    expect(plan.join(' | ')).toContain('list_by_task_date');

    // A fill whose writes fail half-way (a disk that fills up, here a trigger that refuses the 61st row) is rolled
    // back whole: its dropped indexes are there again, and so are the rows it replaced (none: it was empty).
    deleteAllListEntries(mirror.store);
    mirror.store.db.exec(`CREATE TEMP TRIGGER refuse_61st AFTER INSERT ON main.appointment_list
      WHEN (SELECT count(*) FROM appointment_list) > 60 BEGIN SELECT RAISE(ABORT, 'database or disk is full'); END`);
    expect(() => recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 25)).toThrow(/disk is full/);
    mirror.store.db.exec('DROP TRIGGER refuse_61st');
    expect(indexes(mirror.store.db)).toEqual(before);
    expect(mirror.store.db.prepare('SELECT count(*) AS n FROM appointment_list').get()).toEqual({ n: 0 });
    expect(recomputeAllVerdicts(mirror.store, FIXED_NOW, settings, 25).written).toBe(sandbox.world.appointments.size);
  });
});
