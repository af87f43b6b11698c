import type { AppointmentFilter, Dashboard, TechnicianRow } from '../../../shared/contract/appointments';
import { CODES, isVerdictCode } from '../../../shared/diagnosis/codes';
import { serverNow } from '../diagnosis/server-clock';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { ReadHandle } from '../store/handles';
import { readCompanies, readStatuses, readTechnicians } from '../store/tables/reference-lists';
import { readRejected } from '../store/tables/rejected-rows';
import { readSnapshot, type SnapshotKind } from '../store/tables/snapshots';
import { readRecentRuns } from '../store/tables/sync-runs';
import { appointmentDetail } from './appointment-detail';
import { iterateFilteredRows, queryAppointmentPage, type ListQuery } from './appointment-list';
import { toCsv } from './csv';
import { readHealthFacts } from './health-facts';

const EMPTY_DASHBOARD: Dashboard = {
  counts: { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 },
  funnel: { appointments: 0, eligible: 0, jobNotes: 0, completed: 0, resolution: 0, transcripts: 0 },
  latency: [],
  medians: { siteHistoryMinutes: null, resolutionMinutes: null, transcriptMinutes: null },
  computedAt: null,
};

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
    const counts = new Map(
      (
        handle.db.prepare('SELECT code, count(*) AS n FROM verdict_codes GROUP BY code').all() as Array<{
          code: string;
          n: number;
        }>
      ).map((row) => [row.code, row.n]),
    );
    return {
      companies: readCompanies(handle),
      technicians: readTechnicians(handle).map((technician) => ({ id: technician.id, name: technician.name })),
      codes: Object.keys(CODES)
        .filter(isVerdictCode)
        .map((code) => ({ code, title: CODES[code].title, state: CODES[code].state, count: counts.get(code) ?? 0 })),
    };
  },
  'appointments.csv': (handle: ReadHandle, args: { filter: AppointmentFilter }) =>
    toCsv(iterateFilteredRows(handle, args.filter)),
  'technicians.summary': (handle: ReadHandle) => readSnapshot<TechnicianRow[]>(handle, 'technicians')?.value ?? [],
  'dashboard.summary': (handle: ReadHandle) => readSnapshot<Dashboard>(handle, 'dashboard')?.value ?? EMPTY_DASHBOARD,
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
