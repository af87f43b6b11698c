import type { DiagnosisContext, TechnicianTally } from '../../../shared/diagnosis/context';
import { verdictHeadline } from '../../../shared/diagnosis/diagnose';
import { technicianXoiStatus } from '../../../shared/diagnosis/technician-status';
import type { TechnicianRow } from '../../../shared/contract/appointments';
import { transaction, type WriteHandle } from '../store/handles';
import {
  optimizeSearchIndex,
  listIsEmpty,
  listKeysDue,
  listKeysWhere,
  ListWriter,
  readListCounts,
  readStoredEntries,
  readStoredEntriesBetween,
  fillListInBulk,
  type StoredListEntry,
} from '../store/tables/appointment-list';
import { dropDeletedBefore, iterateDeleted, readDeletedIn } from '../store/tables/deleted-appointments';
import { readSnapshot, writeSnapshot } from '../store/tables/snapshots';
import { computeTechnicianRows, DashboardTally, type StateCounts } from './aggregates';
import { recordsOf, type AppointmentRecord } from './appointment-records';
import { deletedEntry, liveEntry } from './list-entries';
import {
  buildContext,
  integrationState,
  mirrorFactsFor,
  mirrorFactsInSlices,
  NO_FACTS,
  technicianTallies,
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

/**
 * A full recompute at least this often: the technicians' tallies, the dashboard's figures and the durations a row's
 * words give change with time alone. A row whose state or codes change with time is refreshed at its own instant
 * (`changesAt`), after the first pass that follows it.
 */
export const FULL_RECOMPUTE_EVERY_MS = 10 * 60_000;
/** Above this many appointments to refresh, one full recompute is cheaper than refreshing them one by one. */
export const PARTIAL_LIMIT = 2_000;
/** Appointments read per slice in a full recompute: small enough that the worker's heap stays small. */
export const RECOMPUTE_SLICE = 5_000;
/** After a recompute that rewrote more rows than this, the search index is rebuilt whole (one segment). */
const COMPACT_WHOLE_AFTER = 1_000;

/** In a pass's `touched`: every appointment may have changed (a feed read from its start), so all are recomputed. */
export const ALL_TOUCHED = '*';

/** What a pass changed, as far as the verdicts care. */
export interface PassChanges {
  touched: ReadonlySet<string>;
  references: { companies: readonly string[]; technicians: readonly string[]; statuses: boolean };
}

/** A partial update: the appointments to refresh, and whether the pass changed a company or a technician. */
export interface PartialUpdate {
  keys: ReadonlySet<string>;
  referencesChanged: boolean;
}

export type VerdictUpdate = { kind: 'all' } | ({ kind: 'some' } & PartialUpdate);

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Diagnoses the given appointments and writes their list rows where they changed (`stored`: what the list holds for
 * them); returns how many rows changed. The rows need no evidence, so none is built.
 */
function diagnoseAndWrite(
  writer: ListWriter,
  records: readonly AppointmentRecord[],
  context: DiagnosisContext,
  stored: ReadonlyMap<string, StoredListEntry>,
): number {
  let written = 0;
  for (const record of records) {
    const verdict = verdictHeadline(record, record.milestones, context);
    const entry = liveEntry(record.appointment, record.notes, verdict, context);
    if (writer.write(entry, stored.get(record.appointment.key))) written++;
  }
  return written;
}

/** Diagnoses the given appointments again (read in groups) and writes what changed. */
function rediagnose(store: WriteHandle, writer: ListWriter, keys: readonly string[], context: DiagnosisContext) {
  let written = 0;
  for (const group of chunks(keys, 400)) {
    const records = recordsOf(mirrorFactsFor(store, group), context);
    written += diagnoseAndWrite(writer, records, context, readStoredEntries(store, group));
  }
  return written;
}

/**
 * The technicians' tallies the last full recompute left (so a recompute can diagnose while it counts anew); null when
 * there are none, or they counted nothing (the empty mirror diagnosed at start): a first fill diagnosed with those
 * would find every technician's inferred status changed at its end and diagnose their appointments again.
 */
function lastTallies(store: WriteHandle): Map<string, TechnicianTally> | null {
  const rows = readSnapshot<TechnicianRow[]>(store, 'technicians')?.value;
  if (!rows?.some((row) => row.eligible > 0 || row.withJobNotes > 0)) return null;
  return new Map(rows.map((row) => [row.id, { dueForJobNotes: row.eligible, withJobNotes: row.withJobNotes }]));
}

/** The technicians whose XOi status reads differently under the new tallies than under the ones diagnosed with. */
function technicianStatusChanged(before: DiagnosisContext, after: DiagnosisContext): string[] {
  const brief = (status: ReturnType<typeof technicianXoiStatus>) =>
    `${status.state} ${status.certainty} ${status.codes.join(',')} ${status.xoiEmail ?? ''}`;
  return [...after.technicians.values()]
    .filter(
      (technician) => brief(technicianXoiStatus(technician, before)) !== brief(technicianXoiStatus(technician, after)),
    )
    .map((technician) => technician.id);
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
 * triggers), with the dashboard's and the technicians' summaries, in one transaction. The mirror is read once, a slice
 * at a time, each slice diagnosed and written as it comes, so the heap holds one slice. The technicians' tallies (which
 * a technician's inferred XOi status reads) are counted during the same read; the slices are diagnosed with the last
 * ones, and the appointments of any technician whose status reads differently under the new tallies are diagnosed
 * again at the end. Only rows whose verdict changed are written.
 */
export function recomputeAllVerdicts(
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  sliceSize = RECOMPUTE_SLICE,
): { count: number; written: number; cache: VerdictCache } {
  const base = buildContext(store, NO_FACTS, now, settings);
  return transaction(store, () => {
    const writer = new ListWriter(store);
    const previous = lastTallies(store);
    const tallies = new Map<string, TechnicianTally>();
    // With no earlier tallies (a first fill), the technicians are counted first: their XOi status is inferred from
    // them, and diagnosing without them would mean diagnosing every appointment twice. With XOi's user list the status
    // is read from it instead, so they are counted during the one read (a million appointments: about 40 s less).
    const countFirst = previous === null && base.xoiUsers === null;
    if (countFirst)
      for (const facts of mirrorFactsInSlices(store, sliceSize))
        technicianTallies(recordsOf(facts, base), now, settings, tallies);
    const diagnosedWith: DiagnosisContext = { ...base, tallies: previous ?? tallies };
    const counted = new Map<string, TechnicianTally>();
    const dashboard = new DashboardTally();
    let count = 0;
    let written = 0;
    const diagnoseAll = () => {
      for (const facts of mirrorFactsInSlices(store, sliceSize)) {
        const records = recordsOf(facts, base);
        if (!countFirst) technicianTallies(records, now, settings, counted);
        const first = facts.appointments[0]?.key ?? '';
        const last = facts.appointments.at(-1)?.key ?? '';
        written += diagnoseAndWrite(writer, records, diagnosedWith, readStoredEntriesBetween(store, first, last));
        writer.flush();
        dashboard.add(records);
        count += records.length;
      }
    };
    // Every row of a first fill (or a rebuild) is new: its indexes are built once at the end, not row by row.
    if (listIsEmpty(store)) fillListInBulk(store, diagnoseAll);
    else diagnoseAll();
    const context: DiagnosisContext = { ...base, tallies: countFirst ? tallies : counted };
    for (const technician of technicianStatusChanged(diagnosedWith, context))
      written += rediagnose(store, writer, listKeysWhere(store, 'technician_id', technician), context);
    for (const key of dropDeletedBefore(store, iso(now - settings.deletedKeptMs))) writer.delete(key);
    const deleted = [...iterateDeleted(store)];
    const storedDeleted = readStoredEntries(
      store,
      deleted.map((entry) => entry.key),
    );
    for (const entry of deleted)
      if (writer.write(deletedEntry(entry, context), storedDeleted.get(entry.key))) written++;
    written += writer.sweep();
    writer.flush();
    if (written > COMPACT_WHOLE_AFTER) optimizeSearchIndex(store);
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
 * integration state. The companies and technicians are read again only when the pass changed one of them: at a million
 * appointments, reading two thousand technicians was a tenth of every refresh. The kept counts follow by trigger:
 * nothing is recounted. Returns how many were refreshed, and the cache to use next (with the lists it read).
 */
export function refreshVerdicts(
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  update: PartialUpdate,
  cache: VerdictCache,
): { refreshed: number; cache: VerdictCache } {
  const current = update.referencesChanged
    ? buildContext(store, NO_FACTS, now, settings)
    : { ...cache.context, ...integrationState(store, now, settings) };
  const context: DiagnosisContext = { ...current, tallies: cache.context.tallies };
  const keys = update.keys;
  return transaction(store, () => {
    const writer = new ListWriter(store);
    let refreshed = 0;
    for (const group of chunks([...keys], 400)) {
      const records = recordsOf(mirrorFactsFor(store, group), context);
      const stored = readStoredEntries(store, group);
      diagnoseAndWrite(writer, records, context, stored);
      refreshed += records.length;
      const live = new Set(records.map((record) => record.appointment.key));
      const gone = group.filter((key) => !live.has(key));
      const kept = readDeletedIn(store, gone);
      for (const deleted of kept) writer.write(deletedEntry(deleted, context), stored.get(deleted.key));
      const keptKeys = new Set(kept.map((deleted) => deleted.key));
      for (const key of gone) if (!keptKeys.has(key)) writer.delete(key);
    }
    writer.flush();
    const computedAt = iso(now);
    const count = Object.values(liveCounts(store)).reduce((sum, n) => sum + n, 0);
    writeSnapshot(store, 'verdicts', { computedAt, count } satisfies VerdictsComputed, computedAt);
    return { refreshed, cache: { ...cache, context } };
  });
}

/**
 * Whether the verdicts can be refreshed for some appointments only (which), or must all be recomputed: all when there
 * is no earlier full recompute, time has moved on, the settings or the integration's state changed, a status changed,
 * a feed started over, or more appointments are reached than a full recompute costs. Some: the pass's changes, the
 * appointments its reference changes reach, and those whose verdict's instant of change has come.
 */
export function planVerdictUpdate(
  cache: VerdictCache | null,
  store: WriteHandle,
  now: number,
  settings: VerdictSettings,
  pass: PassChanges,
): VerdictUpdate {
  const all: VerdictUpdate = { kind: 'all' };
  if (!cache || pass.references.statuses || pass.touched.has(ALL_TOUCHED) || pass.touched.size > PARTIAL_LIMIT)
    return all;
  if (now - cache.computedAt > FULL_RECOMPUTE_EVERY_MS || JSON.stringify(settings) !== cache.settings) return all;
  const codes = integrationState(store, now, settings)
    .integrationFindings.map((finding) => finding.code)
    .join(' ');
  if (codes !== cache.integrationCodes) return all;
  const keys = new Set(pass.touched);
  for (const key of listKeysDue(store, iso(now))) keys.add(key);
  const reach = (column: 'technician_id' | 'company', ids: readonly string[]) => {
    for (const id of ids) for (const key of listKeysWhere(store, column, id)) keys.add(key);
  };
  reach('technician_id', pass.references.technicians);
  reach('company', pass.references.companies);
  const referencesChanged = pass.references.technicians.length > 0 || pass.references.companies.length > 0;
  return keys.size > PARTIAL_LIMIT ? all : { kind: 'some', keys, referencesChanged };
}
