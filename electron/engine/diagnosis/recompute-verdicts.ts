import { integrationFindings, type DiagnosisContext, type TechnicianTally } from '../../../shared/diagnosis/context';
import { diagnoseAppointment } from '../../../shared/diagnosis/diagnose';
import type { ActivityFacts, IntegrationFacts, SystemFacts } from '../../../shared/diagnosis/types';
import { transaction, type WriteHandle } from '../store/handles';
import {
  deleteListEntry,
  listKeysWhere,
  readListCounts,
  sweepListEntries,
  writeListEntry,
} from '../store/tables/appointment-list';
import { dropDeletedBefore, iterateDeleted, readDeletedIn } from '../store/tables/deleted-appointments';
import { readSnapshot, writeSnapshot } from '../store/tables/snapshots';
import { computeTechnicianRows, DashboardTally, type StateCounts } from './aggregates';
import { deletedEntry, liveEntry } from './list-entries';
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

/** When the verdicts were last computed, and of how many appointments (the 'verdicts' snapshot). */
export interface VerdictsComputed {
  computedAt: string;
  count: number;
}

/** A full recompute at least this often: verdicts also change with time alone (a poll becomes overdue). */
export const FULL_RECOMPUTE_EVERY_MS = 10 * 60_000;
/** Above this many appointments to refresh, one full recompute is cheaper than refreshing them one by one. */
export const PARTIAL_LIMIT = 2_000;
/** Appointments read per slice in a full recompute: small enough that the worker's heap stays small. */
export const RECOMPUTE_SLICE = 5_000;

/** What a pass changed, as far as the verdicts care. */
export interface PassChanges {
  touched: ReadonlySet<string>;
  references: { companies: readonly string[]; technicians: readonly string[]; statuses: boolean };
}

export type VerdictUpdate = { kind: 'all' } | { kind: 'some'; keys: Set<string> };

const iso = (ms: number) => new Date(ms).toISOString();

/** Diagnoses the appointments of `facts` and writes their list rows; returns how many rows changed. */
function diagnoseAndWrite(store: WriteHandle, facts: MirrorFacts, context: DiagnosisContext): number {
  let written = 0;
  for (const appointment of facts.appointments) {
    const notes = facts.notesByKey.get(appointment.key) ?? [];
    const history = facts.historyByKey.get(appointment.key) ?? [];
    const verdict = diagnoseAppointment({ appointment, notes, history }, context);
    if (writeListEntry(store, liveEntry(appointment, notes, verdict, context))) written++;
  }
  return written;
}

function currentIntegrationFindings(store: WriteHandle, now: number, settings: VerdictSettings) {
  return integrationFindings({
    now,
    settings,
    system: readSnapshot<SystemFacts>(store, 'system')?.value ?? null,
    integration: readSnapshot<IntegrationFacts>(store, 'integration')?.value ?? null,
    activity: readSnapshot<ActivityFacts>(store, 'activity')?.value ?? null,
  });
}

function liveCounts(store: WriteHandle): StateCounts {
  const kept = readListCounts(store, true, 'state');
  return {
    ok: kept.get('ok') ?? 0,
    waiting: kept.get('waiting') ?? 0,
    'needs-action': kept.get('needs-action') ?? 0,
    blocked: kept.get('blocked') ?? 0,
  };
}

/**
 * Diagnoses every mirrored appointment into the read model (appointment_list and its indexes, counts kept by
 * triggers), with the dashboard's and the technicians' summaries, in one transaction. The mirror is read a slice at a
 * time, twice: first for the technicians' tallies, which any verdict may depend on, then to diagnose, each slice's
 * verdicts written as it comes, so the heap holds one slice. Only rows whose verdict changed are written.
 */
export function recomputeAllVerdicts(
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  sliceSize = RECOMPUTE_SLICE,
): { count: number; written: number; cache: VerdictCache } {
  const base = buildContext(store, NO_FACTS, now, settings);
  return transaction(store, () => {
    const tallies = new Map<string, TechnicianTally>();
    for (const facts of mirrorFactsInSlices(store, sliceSize))
      technicianTallies(facts, now, settings, base.serverCategories, tallies);
    const context: DiagnosisContext = { ...base, tallies };
    const dashboard = new DashboardTally();
    let count = 0;
    let written = 0;
    for (const facts of mirrorFactsInSlices(store, sliceSize)) {
      written += diagnoseAndWrite(store, facts, context);
      dashboard.add(facts, context);
      count += facts.appointments.length;
    }
    for (const key of dropDeletedBefore(store, iso(now - settings.deletedKeptMs))) deleteListEntry(store, key);
    for (const deleted of [...iterateDeleted(store)])
      if (writeListEntry(store, deletedEntry(deleted, context))) written++;
    written += sweepListEntries(store);
    const computedAt = iso(now);
    writeSnapshot(store, 'dashboard', dashboard.result(liveCounts(store), now), computedAt);
    writeSnapshot(store, 'technicians', computeTechnicianRows(context), computedAt);
    writeSnapshot(store, 'verdicts', { computedAt, count } satisfies VerdictsComputed, computedAt);
    return {
      count,
      written,
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
 * Refreshes the verdicts of the given appointments only (a pass's changes and those its reference changes reach),
 * reusing the last full recompute's context (reference lists, the technicians' tallies) with the current time and
 * integration state. The kept counts follow by trigger: nothing is recounted. Returns how many were refreshed.
 */
export function refreshVerdicts(
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  keys: ReadonlySet<string>,
  cache: VerdictCache,
): number {
  // The reference lists are read again (a pass may have changed a technician); the tallies are the last full ones.
  const context: DiagnosisContext = { ...buildContext(store, NO_FACTS, now, settings), tallies: cache.context.tallies };
  return transaction(store, () => {
    let refreshed = 0;
    for (const group of chunks([...keys], 400)) {
      const facts = mirrorFactsFor(store, group);
      diagnoseAndWrite(store, facts, context);
      refreshed += facts.appointments.length;
      const live = new Set(facts.appointments.map((appointment) => appointment.key));
      const gone = group.filter((key) => !live.has(key));
      const kept = readDeletedIn(store, gone);
      for (const deleted of kept) writeListEntry(store, deletedEntry(deleted, context));
      const keptKeys = new Set(kept.map((deleted) => deleted.key));
      for (const key of gone) if (!keptKeys.has(key)) deleteListEntry(store, key);
    }
    const computedAt = iso(now);
    const count = Object.values(liveCounts(store)).reduce((sum, n) => sum + n, 0);
    writeSnapshot(store, 'verdicts', { computedAt, count } satisfies VerdictsComputed, computedAt);
    return refreshed;
  });
}

/**
 * Whether the verdicts can be refreshed for some appointments only (which), or must all be recomputed: all when there
 * is no earlier full recompute, time has moved on, the settings or the integration's state changed, a status changed,
 * a feed started over, or more appointments are reached than a full recompute costs.
 */
export function planVerdictUpdate(
  cache: VerdictCache | null,
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  pass: PassChanges,
): VerdictUpdate {
  const all: VerdictUpdate = { kind: 'all' };
  if (!cache || pass.references.statuses || pass.touched.has('*') || pass.touched.size > PARTIAL_LIMIT) return all;
  if (now - cache.computedAt > FULL_RECOMPUTE_EVERY_MS || JSON.stringify(settings) !== cache.settings) return all;
  const codes = currentIntegrationFindings(store, now, settings)
    .map((finding) => finding.code)
    .join(' ');
  if (codes !== cache.integrationCodes) return all;
  const keys = new Set(pass.touched);
  const reach = (column: 'technician_id' | 'company', ids: readonly string[]) => {
    for (const id of ids) for (const key of listKeysWhere(store, column, id)) keys.add(key);
  };
  reach('technician_id', pass.references.technicians);
  reach('company', pass.references.companies);
  return keys.size > PARTIAL_LIMIT ? all : { kind: 'some', keys };
}
