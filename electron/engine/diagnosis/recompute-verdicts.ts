import { integrationFindings, type DiagnosisContext, type TechnicianTally } from '../../../shared/diagnosis/context';
import { diagnoseAppointment, notesMask } from '../../../shared/diagnosis/diagnose';
import type {
  ActivityFacts,
  AppointmentFacts,
  IntegrationFacts,
  NoteFacts,
  SystemFacts,
  Verdict,
} from '../../../shared/diagnosis/types';
import { statement, transaction, type WriteHandle } from '../store/handles';
import { readSnapshot, writeSnapshot } from '../store/tables/snapshots';
import { computeTechnicianRows, DashboardTally, type StateCounts } from './aggregates';
import {
  buildContext,
  mirrorFactsFor,
  mirrorFactsInSlices,
  NO_FACTS,
  technicianTallies,
  type MirrorFacts,
} from './load-facts';
import type { VerdictSettings } from './verdict-settings';

/** What a full recompute leaves behind so the next passes can refresh only what changed. */
export interface VerdictCache {
  context: DiagnosisContext;
  computedAt: number;
  settings: string;
  integrationCodes: string;
}

/** A full recompute at least this often: verdicts also change with time alone (a poll becomes overdue). */
export const FULL_RECOMPUTE_EVERY_MS = 10 * 60_000;
/** Above this many changed appointments, one full recompute is cheaper than refreshing them one by one. */
export const PARTIAL_LIMIT = 2_000;

function writeVerdict(
  store: WriteHandle,
  appointment: AppointmentFacts,
  notes: readonly NoteFacts[],
  verdict: Verdict,
  technicianName: string,
  computedAt: string,
): void {
  const { mask, transcripts } = notesMask(notes);
  const searchText =
    `${appointment.key} ${appointment.customer} ${technicianName} ${appointment.technician ?? ''}`.toLowerCase();
  const row = statement(
    store,
    'INSERT INTO verdicts (appointment_key, state, codes, summary, notes_mask, transcripts, search_text, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(
    appointment.key,
    verdict.state,
    verdict.codes.join(' '),
    verdict.summary,
    mask,
    transcripts,
    searchText,
    computedAt,
  );
  statement(store, 'INSERT INTO verdict_search (rowid, search_text) VALUES (?, ?)').run(
    row.lastInsertRowid,
    searchText,
  );
  const insertCode = statement(store, 'INSERT INTO verdict_codes (appointment_key, code) VALUES (?, ?)');
  for (const code of verdict.codes) insertCode.run(appointment.key, code);
}

/** Diagnoses the appointments of `facts` and writes their verdicts; adds each verdict's state to `counts`. */
function diagnoseAndWrite(
  store: WriteHandle,
  facts: MirrorFacts,
  context: DiagnosisContext,
  computedAt: string,
  counts: StateCounts,
): void {
  for (const appointment of facts.appointments) {
    const notes = facts.notesByKey.get(appointment.key) ?? [];
    const verdict = diagnoseAppointment(
      { appointment, notes, history: facts.historyByKey.get(appointment.key) ?? [] },
      context,
    );
    const technicianName = appointment.technician
      ? (context.technicians.get(appointment.technician)?.name ?? appointment.technician)
      : '';
    writeVerdict(store, appointment, notes, verdict, technicianName, computedAt);
    counts[verdict.state]++;
  }
}

const noCounts = (): StateCounts => ({ ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 });

function currentIntegrationFindings(store: WriteHandle, now: number, settings: VerdictSettings) {
  return integrationFindings({
    now,
    settings,
    system: readSnapshot<SystemFacts>(store, 'system')?.value ?? null,
    integration: readSnapshot<IntegrationFacts>(store, 'integration')?.value ?? null,
    activity: readSnapshot<ActivityFacts>(store, 'activity')?.value ?? null,
  });
}

/** Appointments read per slice in a full recompute: small enough that the worker's heap stays small. */
export const RECOMPUTE_SLICE = 5_000;

/**
 * Diagnoses every mirrored appointment and stores the verdicts (state, codes, notes matrix, search text) in one
 * transaction, with the dashboard and technician summaries, so screens filter and count among tens of thousands
 * instantly. Runs off the main thread. The mirror is read twice, a slice at a time: first for the technicians'
 * tallies, which every verdict may depend on, then to diagnose.
 */
export function recomputeAllVerdicts(
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  sliceSize = RECOMPUTE_SLICE,
): { count: number; cache: VerdictCache } {
  const base = buildContext(store, NO_FACTS, now, settings);
  const computedAt = new Date(now).toISOString();
  return transaction(store, () => {
    const tallies = new Map<string, TechnicianTally>();
    for (const facts of mirrorFactsInSlices(store, sliceSize))
      technicianTallies(facts, now, settings, base.serverCategories, tallies);
    const context: DiagnosisContext = { ...base, tallies };
    statement(store, 'DELETE FROM verdict_codes').run();
    statement(store, 'DELETE FROM verdicts').run();
    statement(store, "INSERT INTO verdict_search (verdict_search) VALUES ('delete-all')").run();
    const counts = noCounts();
    const dashboard = new DashboardTally();
    let count = 0;
    for (const facts of mirrorFactsInSlices(store, sliceSize)) {
      diagnoseAndWrite(store, facts, context, computedAt, counts);
      dashboard.add(facts, context);
      count += facts.appointments.length;
    }
    writeSnapshot(store, 'dashboard', dashboard.result(counts, now), computedAt);
    writeSnapshot(store, 'technicians', computeTechnicianRows(context), computedAt);
    return {
      count,
      cache: {
        context,
        computedAt: now,
        settings: JSON.stringify(settings),
        integrationCodes: context.integrationFindings.map((finding) => finding.code).join(' '),
      },
    };
  });
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let index = 0; index < items.length; index += size) out.push(items.slice(index, index + size));
  return out;
}

/**
 * Refreshes the verdicts of the appointments a pass changed, reusing the last full recompute's context (reference
 * lists, the technicians' tallies) with the current time and integration state.
 */
export function refreshVerdicts(
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  keys: ReadonlySet<string>,
  cache: VerdictCache,
): number {
  const context: DiagnosisContext = {
    ...cache.context,
    now,
    integrationFindings: currentIntegrationFindings(store, now, settings),
  };
  const computedAt = new Date(now).toISOString();
  return transaction(store, () => {
    const counts = noCounts();
    for (const group of chunks([...keys], 400)) {
      const marks = group.map(() => '?').join(', ');
      // The search index rows of deleted appointments (gone with their verdicts) are swept here too.
      statement(
        store,
        `DELETE FROM verdict_search WHERE rowid IN (SELECT rowid FROM verdicts WHERE appointment_key IN (${marks}))`,
      ).run(...group);
      statement(store, `DELETE FROM verdicts WHERE appointment_key IN (${marks})`).run(...group);
      diagnoseAndWrite(store, mirrorFactsFor(store, group), context, computedAt, counts);
    }
    return counts.ok + counts.waiting + counts['needs-action'] + counts.blocked;
  });
}

/** Whether the verdicts can be refreshed for the changed appointments only, or must all be recomputed. */
export function needsFullRecompute(
  cache: VerdictCache | null,
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  pass: { touched: ReadonlySet<string>; referencesChanged: boolean },
): boolean {
  if (!cache || pass.referencesChanged || pass.touched.has('*') || pass.touched.size > PARTIAL_LIMIT) return true;
  if (now - cache.computedAt > FULL_RECOMPUTE_EVERY_MS || JSON.stringify(settings) !== cache.settings) return true;
  return (
    currentIntegrationFindings(store, now, settings)
      .map((finding) => finding.code)
      .join(' ') !== cache.integrationCodes
  );
}
