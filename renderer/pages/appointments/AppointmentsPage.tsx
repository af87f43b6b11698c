import { useCallback, useEffect, useMemo, useState } from 'react';
import {
  EMPTY_APPOINTMENT_FILTER,
  type AppError,
  type AppointmentFilter,
  type AppointmentSort,
  type ExportFormat,
} from '../../../shared/contract';
import { api } from '../../api/client';
import { ErrorMessage } from '../../app/ErrorMessage';
import { formatDateTime, formatNumber } from '../../app/format';
import { ListLegend } from '../../components/ListLegend';
import { downloadFile } from '../../lib/download';
import { emptyReason } from '../../lib/empty-reason';
import { useEvent } from '../../lib/use-api';
import { useAppointmentWindow } from '../../lib/use-appointment-window';
import { useHealth } from '../../lib/use-health';
import { useMirrorQuery } from '../../lib/use-mirror';
import { AppointmentTable } from './AppointmentTable';
import { FilterBar } from './FilterBar';
import { describeFilter, narrows, rangeProblem } from './list-filter';

export { filterFromQuery } from './list-filter';

function useDebounced<T>(value: T, ms: number): T {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

/** The filter the list is asked for: the latest one whose dates can be used (a From after To is not sent). */
function useUsableFilter(filter: AppointmentFilter): AppointmentFilter {
  const debounced = useDebounced(filter, 200);
  const [usable, setUsable] = useState(debounced);
  if (debounced !== usable && rangeProblem(debounced) === null) setUsable(debounced);
  return usable;
}

function useExport(filter: AppointmentFilter, sort: AppointmentSort) {
  const [exporting, setExporting] = useState<ExportFormat | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const run = useCallback(
    async (format: ExportFormat) => {
      setExporting(format);
      setDone(null);
      const result = await api.call('appointments.export', { filter, sort, format });
      setExporting(null);
      if (!result.ok) return setError(result.error);
      setError(null);
      const { value } = result;
      if (value.outcome === 'download') {
        downloadFile(value.fileName, value.data, value.encoding, value.mimeType);
        setDone(`${formatNumber(value.rows)} appointments exported to ${value.fileName}.`);
      } else if (value.outcome === 'saved') {
        setDone(`${formatNumber(value.rows)} appointments saved to ${value.path}.`);
      }
    },
    [filter, sort],
  );
  const onExport = useCallback((format: ExportFormat) => void run(format), [run]);
  useEvent(
    'menu.command',
    useCallback(
      ({ command }: { command: string }) => {
        if (command === 'export-csv') onExport('csv');
      },
      [onExport],
    ),
  );
  return { exporting, error, done, onExport };
}

/** Why the list is empty, in words, with a way out when a filter is the reason. */
function EmptyResult(props: { filter: AppointmentFilter; onClear: () => void }) {
  const health = useHealth();
  const options = useMirrorQuery('appointments.filterOptions', {});
  const ready = options.state.status === 'ready' ? options.state.value : null;
  const stopped = emptyReason(health);
  const parts = describeFilter(props.filter, {
    technician: (id) => ready?.technicians.find((technician) => technician.id === id)?.name ?? id,
    company: (id) => ready?.companies.find((company) => company.id === id)?.name ?? id,
    code: (code) => ready?.codes.find((entry) => entry.code === code)?.title ?? code,
  });
  const list = props.filter.deleted ? 'appointment deleted after its Vision job' : 'appointment';
  return (
    <div className="empty-reason" data-testid="empty-reason">
      {stopped ? <p>{stopped}</p> : null}
      {parts.length > 0 ? (
        <p>
          No {list} matches {parts.join(', ')}.{' '}
          <button type="button" onClick={props.onClear}>
            Clear filters
          </button>
        </p>
      ) : stopped ? null : (
        <p>
          {props.filter.deleted
            ? 'No appointment was deleted in Schedule after XOi made its Vision job (within the days kept, set in Settings).'
            : 'The Schedule server has no appointments yet.'}
        </p>
      )}
    </div>
  );
}

export function AppointmentsPage({ initialFilter }: { initialFilter: AppointmentFilter }) {
  const [filter, setFilter] = useState<AppointmentFilter>(initialFilter);
  const [sort, setSort] = useState<AppointmentSort>({ field: 'taskDate', direction: 'desc' });
  const usable = useUsableFilter(filter);
  const query = useMemo(() => ({ filter: usable, sort }), [usable, sort]);
  const list = useAppointmentWindow(query);
  const exports = useExport(usable, sort);
  const clear = useCallback(
    () => setFilter((current) => ({ ...EMPTY_APPOINTMENT_FILTER, deleted: current.deleted })),
    [],
  );
  const noun = usable.deleted ? 'deleted appointments' : 'appointments';

  return (
    <section aria-labelledby="page-title" className="appointments-page">
      <h2 id="page-title">Appointments</h2>
      <FilterBar
        filter={filter}
        counts={list.counts}
        estimated={list.estimated}
        onChange={setFilter}
        onClear={clear}
        onExport={exports.onExport}
        exporting={exports.exporting}
        rangeError={rangeProblem(filter)}
      />
      <ListLegend />
      <p className="list-summary" role="status" aria-live="polite">
        {list.loaded ? `${list.estimated ? 'About ' : ''}${formatNumber(list.total)} ${noun}` : 'Loading…'}
        {list.estimated ? ' (counting…)' : ''}
        {list.computedAt ? ` · diagnosed ${formatDateTime(list.computedAt)}` : ''}
      </p>
      {exports.done ? <p role="status">{exports.done}</p> : null}
      {exports.error ? <ErrorMessage error={exports.error} title="Export failed" /> : null}
      {list.error ? <ErrorMessage error={list.error} /> : null}
      {list.loaded && list.total === 0 ? (
        <EmptyResult filter={narrows(usable) || usable.deleted ? usable : EMPTY_APPOINTMENT_FILTER} onClear={clear} />
      ) : null}
      <AppointmentTable
        total={list.total}
        rowAt={list.rowAt}
        ensureRange={list.ensureRange}
        sort={sort}
        onSort={setSort}
        deleted={usable.deleted}
        resetKey={JSON.stringify(query)}
      />
    </section>
  );
}
