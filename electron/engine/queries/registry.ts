import type {
  AppointmentFilter,
  AppointmentSort,
  Dashboard,
  TechnicianRow,
} from '../../../shared/contract/appointments';
import type { ExportFormat } from '../../../shared/contract/print';
import { CODES, isVerdictCode, VERDICT_STATES } from '../../../shared/diagnosis/codes';
import { serverNow } from '../diagnosis/server-clock';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { ReadHandle } from '../store/handles';
import { readListCounts } from '../store/tables/appointment-list';
import { readCompanies, readStatuses, readTechnicians } from '../store/tables/reference-lists';
import { readRejected } from '../store/tables/rejected-rows';
import { readSnapshot, type SnapshotKind } from '../store/tables/snapshots';
import { readRecentRuns } from '../store/tables/sync-runs';
import { appointmentDetail } from './appointment-detail';
import { iterateFilteredRows, queryAppointmentPage, type ListQuery } from './appointment-list';
import { toCsv } from './export/csv';
import { toXlsx } from './export/xlsx';
import { readHealthFacts } from './health-facts';

const EMPTY_DASHBOARD: Dashboard = {
  counts: { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 },
  funnel: { appointments: 0, eligible: 0, jobNotes: 0, completed: 0, resolution: 0, transcripts: 0 },
  latency: [],
  medians: { siteHistoryMinutes: null, resolutionMinutes: null, transcriptMinutes: null },
  computedAt: null,
};

/** The last full recompute's funnel and latencies, with the state counts as they are now (kept, never recounted). */
function dashboardSummary(handle: ReadHandle): Dashboard {
  const summary = readSnapshot<Dashboard>(handle, 'dashboard')?.value;
  if (!summary) return EMPTY_DASHBOARD;
  const kept = readListCounts(handle, true, 'state');
  const counts = { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 };
  for (const state of VERDICT_STATES) counts[state] = kept.get(state) ?? 0;
  return { ...summary, counts };
}

/**
 * Every read the screens make, by name. They run in the reader worker (query-worker.ts), so no query, however
 * large the mirror, ever blocks the host's main thread.
 */
export const QUERIES = {
  'appointments.page': (handle: ReadHandle, args: ListQuery) => queryAppointmentPage(handle, args),
  'appointments.detail': (
    handle: ReadHandle,
    args: { key: string; localNow: number; settings: VerdictSettings; trustedHosts: string[] },
  ) => appointmentDetail(handle, args.key, serverNow(handle, args.localNow), args.settings, args.trustedHosts),
  'appointments.filterOptions': (handle: ReadHandle) => {
    const counts = readListCounts(handle, true, 'code');
    return {
      companies: readCompanies(handle),
      technicians: readTechnicians(handle)
        .map((technician) => ({ id: technician.id, name: technician.name }))
        .sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id)),
      codes: Object.keys(CODES)
        .filter(isVerdictCode)
        .map((code) => ({ code, title: CODES[code].title, state: CODES[code].state, count: counts.get(code) ?? 0 })),
    };
  },
  'appointments.export': async (
    handle: ReadHandle,
    args: { filter: AppointmentFilter; sort: AppointmentSort; format: ExportFormat },
  ): Promise<{ data: string; count: number }> => {
    const rows = iterateFilteredRows(handle, args.filter, args.sort);
    if (args.format === 'csv') {
      const { csv, count } = toCsv(rows);
      return { data: csv, count };
    }
    const { base64, count } = await toXlsx(rows);
    return { data: base64, count };
  },
  'technicians.summary': (handle: ReadHandle) => readSnapshot<TechnicianRow[]>(handle, 'technicians')?.value ?? [],
  'dashboard.summary': (handle: ReadHandle) => dashboardSummary(handle),
  'sync.runs': (handle: ReadHandle, args: { limit: number }) => ({
    runs: readRecentRuns(handle, args.limit),
    rejected: readRejected(handle, 50),
  }),
  'reference.statuses': (handle: ReadHandle) => readStatuses(handle),
  'health.facts': (handle: ReadHandle) => readHealthFacts(handle),
  snapshot: (handle: ReadHandle, args: { kind: SnapshotKind }) => readSnapshot(handle, args.kind)?.value ?? null,
} as const;

export type QueryName = keyof typeof QUERIES;
export type QueryArgs<N extends QueryName> = Parameters<(typeof QUERIES)[N]>[1];
export type QueryResult<N extends QueryName> = ReturnType<(typeof QUERIES)[N]>;
