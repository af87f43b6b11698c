import { useCallback, useEffect, useState } from 'react';
import type { AppError, AppointmentFilter } from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime, formatNumber } from '../../app/format';
import { useVerdictsVersion } from '../../app/use-sync-status';
import { useEvent } from '../../app/use-api';
import { AppointmentTable } from './AppointmentTable';
import { FilterBar } from './FilterBar';
import { downloadText } from './download';
import { useAppointmentWindow } from './use-appointment-window';
import { emptyReason } from '../../lib/empty-reason';
import { useHealth } from '../../lib/use-health';

const EMPTY: AppointmentFilter = {
  search: '',
  states: [],
  codes: [],
  companies: [],
  technicians: [],
  from: null,
  to: null,
  deleted: false,
};

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

export function filterFromQuery(query: URLSearchParams): AppointmentFilter {
  const states = query
    .getAll('state')
    .filter((state): state is AppointmentFilter['states'][number] =>
      ['ok', 'waiting', 'needs-action', 'blocked'].includes(state),
    );
  return {
    ...EMPTY,
    states,
    codes: query.getAll('code'),
    technicians: query.getAll('technician'),
    companies: query.getAll('company'),
  };
}

function sameAsEmpty(filter: AppointmentFilter): boolean {
  return JSON.stringify(filter) === JSON.stringify(EMPTY);
}

export function AppointmentsPage({ initialFilter }: { initialFilter: AppointmentFilter }) {
  const [filter, setFilter] = useState<AppointmentFilter>(initialFilter);
  const health = useHealth();
  const debounced = useDebounced(filter, 200);
  const verdicts = useVerdictsVersion();
  const list = useAppointmentWindow(debounced, { field: 'taskDate', direction: 'desc' }, verdicts);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<AppError | null>(null);
  const [exported, setExported] = useState<string | null>(null);

  const exportCsv = useCallback(async () => {
    setExporting(true);
    const result = await api.call('appointments.exportCsv', { filter: debounced });
    setExporting(false);
    if (!result.ok) return setExportError(result.error);
    setExportError(null);
    if (result.value.outcome === 'download') {
      downloadText(result.value.fileName, result.value.csv, 'text/csv');
      setExported(`${formatNumber(result.value.rows)} appointments exported to ${result.value.fileName}.`);
    } else if (result.value.outcome === 'saved') {
      setExported(`${formatNumber(result.value.rows)} appointments saved to ${result.value.path}.`);
    }
  }, [debounced]);
  const onExport = useCallback(() => void exportCsv(), [exportCsv]);
  useEvent(
    'menu.command',
    useCallback(
      ({ command }: { command: string }) => {
        if (command === 'export-csv') onExport();
      },
      [onExport],
    ),
  );

  return (
    <section aria-labelledby="page-title" className="appointments-page">
      <h2 id="page-title">Appointments</h2>
      <FilterBar filter={filter} counts={list.counts} onChange={setFilter} onExport={onExport} exporting={exporting} />
      <p className="list-summary" role="status" aria-live="polite">
        {list.loaded ? `${formatNumber(list.total)} appointments` : 'Loading…'}
        {list.computedAt ? ` · diagnosed ${formatDateTime(list.computedAt)}` : ''}
      </p>
      {exported ? <p role="status">{exported}</p> : null}
      {exportError ? <ErrorMessage error={exportError} title="Export failed" /> : null}
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.loaded && list.total === 0 ? (
        <p className="empty-reason" data-testid="empty-reason">
          {emptyReason(health) ??
            (sameAsEmpty(filter)
              ? 'The Schedule server has no appointments yet.'
              : 'No appointment matches these filters.')}
        </p>
      ) : null}
      <AppointmentTable total={list.total} rowAt={list.rowAt} ensureRange={list.ensureRange} />
    </section>
  );
}
