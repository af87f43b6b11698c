import { verdictSettingsFrom } from '../../diagnosis/verdict-settings';
import type { Handlers } from '../../dispatch';
import type { ServiceContext } from '../context';

const EXPORT_MIME_TYPES = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const;

export function appointmentHandlers(
  context: ServiceContext,
): Pick<
  Handlers,
  | 'appointments.query'
  | 'appointments.detail'
  | 'appointments.filterOptions'
  | 'appointments.export'
  | 'technicians.list'
  | 'dashboard.get'
> {
  return {
    'appointments.query': async (query) => (await context.active()).query('appointments.page', query),

    'appointments.detail': async ({ key }) => {
      const active = await context.active();
      return active.query('appointments.detail', {
        key,
        localNow: context.now(),
        settings: verdictSettingsFrom(active.profile.settings, active.profile.xoi !== null),
        trustedHosts: context.trustedHosts(),
      });
    },

    'appointments.filterOptions': async () => (await context.active()).query('appointments.filterOptions', undefined),

    'appointments.export': async ({ filter, sort, format }) => {
      const { data, count } = await (await context.active()).query('appointments.export', { filter, sort, format });
      const deleted = filter.deleted ? '-deleted' : '';
      return {
        outcome: 'download' as const,
        fileName: `xoi-appointments${deleted}-${new Date(context.now()).toISOString().slice(0, 10)}.${format}`,
        mimeType: EXPORT_MIME_TYPES[format],
        encoding: format === 'csv' ? ('utf8' as const) : ('base64' as const),
        data,
        rows: count,
      };
    },

    'technicians.list': async () => (await context.active()).query('technicians.summary', undefined),

    'dashboard.get': async () => (await context.active()).query('dashboard.summary', undefined),
  };
}
