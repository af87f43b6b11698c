import type { Dashboard, TechnicianRow } from '../../../../shared/contract/appointments';
import { CODES, isVerdictCode } from '../../../../shared/diagnosis/codes';
import { ConsoleError } from '../../../../shared/errors';
import { verdictSettingsFrom } from '../../diagnosis/verdict-settings';
import { serverNow } from '../../diagnosis/server-clock';
import type { Handlers } from '../../dispatch';
import { appointmentDetail } from '../../queries/appointment-detail';
import { iterateFilteredRows, queryAppointmentPage } from '../../queries/appointment-list';
import { toCsv } from '../../queries/csv';
import { readCompanies, readTechnicians } from '../../store/tables/reference-lists';
import { readSnapshot } from '../../store/tables/snapshots';
import type { ServiceContext } from '../context';

const EMPTY_DASHBOARD: Dashboard = {
  counts: { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 },
  funnel: { appointments: 0, eligible: 0, jobNotes: 0, completed: 0, resolution: 0, transcripts: 0 },
  latency: [],
  medians: { siteHistoryMinutes: null, resolutionMinutes: null, transcriptMinutes: null },
  computedAt: null,
};

export function appointmentHandlers(context: ServiceContext): Pick<Handlers, 'appointments.query' | 'appointments.detail' | 'appointments.filterOptions' | 'appointments.exportCsv' | 'technicians.list' | 'dashboard.get'> {
  const reader = async () => (await context.active()).read();
  const trustedHosts = async () => {
    const active = await context.active();
    try {
      return [new URL(active.apiUrl).hostname];
    } catch {
      return [];
    }
  };

  return {
    'appointments.query': async (query) => queryAppointmentPage(await reader(), query),

    'appointments.detail': async ({ key }) => {
      const active = await context.active();
      return appointmentDetail(active.read(), key, serverNow(active.read(), context.now()), verdictSettingsFrom(active.profile.settings, active.profile.xoi !== null), await trustedHosts());
    },

    'appointments.filterOptions': async () => {
      const handle = await reader();
      const counts = new Map((handle.db.prepare('SELECT code, count(*) AS n FROM verdict_codes GROUP BY code').all() as Array<{ code: string; n: number }>).map((row) => [row.code, row.n]));
      return {
        companies: readCompanies(handle),
        technicians: readTechnicians(handle).map((technician) => ({ id: technician.id, name: technician.name })),
        codes: Object.keys(CODES).filter(isVerdictCode).map((code) => ({ code, title: CODES[code].title, state: CODES[code].state, count: counts.get(code) ?? 0 })),
      };
    },

    'appointments.exportCsv': async ({ filter }) => {
      const { csv, count } = toCsv(iterateFilteredRows(await reader(), filter));
      return { outcome: 'download' as const, fileName: `xoi-appointments-${new Date(context.now()).toISOString().slice(0, 10)}.csv`, csv, rows: count };
    },

    'technicians.list': async () => readSnapshot<TechnicianRow[]>(await reader(), 'technicians')?.value ?? [],

    'dashboard.get': async () => {
      const snapshot = readSnapshot<Dashboard>(await reader(), 'dashboard');
      return snapshot?.value ?? EMPTY_DASHBOARD;
    },
  };
}

export function requireKey(key: string | undefined): string {
  if (!key) throw new ConsoleError('INVALID_ARGUMENT', 'key: the appointment to print is missing (COMPANY/SERVICECALL/APPOINTMENT).', 'Open an appointment first.');
  return key;
}
