import { useId, useState } from 'react';
import type { TechnicianRow } from '../../shared/contract';
import { ErrorMessage } from '../app/ErrorMessage';
import { formatDateTime, formatRelative } from '../app/format';
import { Pager } from '../components/Pager';
import { ariaSort, SortButton, type SortDirection } from '../components/SortButton';
import { emptyReason } from '../lib/empty-reason';
import { wordsMatcher } from '../lib/matching-choices';
import { useHealth } from '../lib/use-health';
import { useMirrorQuery } from '../lib/use-mirror';

const XOI_STATE: Record<string, string> = {
  ok: 'XOi user',
  'no-email': 'No email in MobileTech',
  'not-user': 'Not an XOi user',
  disabled: 'XOi user disabled',
  mismatch: 'Email differs by case or spaces',
  unknown: 'Unknown',
};

/** A device that has not synced for this long holds notes the technician cannot see yet. */
const STALE_DEVICE_MS = 24 * 60 * 60_000;
/** Rows shown at a time: a company with 2,000 technicians gets pages, not 24,000 nodes at once. */
const PAGE_SIZE = 100;

type Column = { label: string; value?: (row: TechnicianRow) => string | number };
const COLUMNS: Column[] = [
  { label: 'Technician', value: (row) => row.name },
  { label: 'MobileTech email', value: (row) => row.mobileTechEmail ?? '' },
  { label: 'XOi user email', value: (row) => row.xoiEmail ?? '' },
  { label: 'XOi user status', value: (row) => XOI_STATE[row.xoiState] ?? row.xoiState },
  { label: 'Eligible appointments', value: (row) => row.eligible },
  { label: 'With job notes', value: (row) => row.withJobNotes },
  // Never synced sorts as the oldest.
  { label: 'Last device sync', value: (row) => row.lastDeviceSyncAt ?? '' },
];

function compare(a: string | number, b: string | number): number {
  return typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b));
}

function DeviceSync({ at, now }: { at: string | null; now: number }) {
  const stale = at === null || now - Date.parse(at) > STALE_DEVICE_MS;
  if (!stale) return <>{formatDateTime(at)}</>;
  return (
    <span className="stale-device">
      <span aria-hidden="true">⚠ </span>
      {at === null ? 'Never synced' : `${formatDateTime(at)}, ${formatRelative(at, now)}`}
      <span className="hint"> — notes written since then are not on the device yet</span>
    </span>
  );
}

/** Per technician: eligible appointments, how many got their job notes, and the XOi user status at a glance. */
export function TechniciansPage() {
  const { state } = useMirrorQuery('technicians.list', {});
  const [sort, setSort] = useState<{ column: number; direction: SortDirection }>({ column: 0, direction: 'asc' });
  const [now] = useState(() => Date.now());
  const [find, setFind] = useState('');
  const [page, setPage] = useState(0);
  const findId = useId();
  const health = useHealth();
  const all = state.status === 'ready' ? state.value : [];
  const stale = all.filter(
    (row) => row.lastDeviceSyncAt === null || now - Date.parse(row.lastDeviceSyncAt) > STALE_DEVICE_MS,
  );
  const matches = wordsMatcher(find);
  const rows = all.filter((row) => matches(`${row.name} ${row.id} ${row.mobileTechEmail ?? ''} ${row.xoiEmail ?? ''}`));
  const value = COLUMNS[sort.column]?.value;
  if (value) rows.sort((a, b) => compare(value(a), value(b)) * (sort.direction === 'asc' ? 1 : -1));
  const shownPage = Math.min(page, Math.max(0, Math.ceil(rows.length / PAGE_SIZE) - 1));
  const shown = rows.slice(shownPage * PAGE_SIZE, (shownPage + 1) * PAGE_SIZE);
  const pager = (where: 'above' | 'below') => (
    <Pager
      label={`Technician pages, ${where} the table`}
      noun="technicians"
      page={shownPage}
      pageSize={PAGE_SIZE}
      total={rows.length}
      onPage={setPage}
      announce={where === 'above'}
    />
  );
  return (
    <section aria-labelledby="page-title">
      <h2 id="page-title">Technicians</h2>
      {state.status === 'error' ? <ErrorMessage error={state.error} /> : null}
      {stale.length > 0 ? (
        <p className="notice" role="note">
          {stale.length === 1 ? '1 technician’s device has' : `${stale.length} technicians’ devices have`} not synced
          with MobileTech for over a day: the XOi notes written since then are not on{' '}
          {stale.length === 1 ? 'it' : 'them'} yet. Ask {stale.length === 1 ? 'the technician' : 'them'} to sync
          MobileTech.
        </p>
      ) : null}
      {state.status === 'ready' ? (
        <div className="table-tools" role="search">
          <div className="field inline">
            <label htmlFor={findId}>Find a technician</label>
            <input
              id={findId}
              type="search"
              placeholder="Name, id or email"
              value={find}
              onChange={(event) => {
                setFind(event.target.value);
                setPage(0);
              }}
            />
          </div>
          {pager('above')}
        </div>
      ) : null}
      {state.status === 'ready' ? (
        <table className="data" aria-label="Technicians">
          <thead>
            <tr>
              {COLUMNS.map((column, index) => (
                <th key={column.label} scope="col" aria-sort={ariaSort(sort.column === index, sort.direction)}>
                  <SortButton
                    label={column.label}
                    active={sort.column === index}
                    direction={sort.direction}
                    onClick={() => {
                      setSort((current) => ({
                        column: index,
                        direction: current.column === index && current.direction === 'asc' ? 'desc' : 'asc',
                      }));
                      setPage(0);
                    }}
                  />
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((technician) => (
              <tr key={technician.id} className={technician.xoiState === 'ok' ? '' : 'attention'}>
                <td>
                  <a href={`#/appointments?technician=${encodeURIComponent(technician.id)}`}>{technician.name}</a>
                </td>
                <td>
                  <code>
                    {technician.mobileTechEmail === null ? '(none)' : JSON.stringify(technician.mobileTechEmail)}
                  </code>
                </td>
                <td>{technician.xoiEmail === null ? '—' : <code>{JSON.stringify(technician.xoiEmail)}</code>}</td>
                <td>
                  <span aria-hidden="true">
                    {technician.xoiState === 'ok' ? '✔ ' : technician.xoiState === 'unknown' ? '? ' : '⚠ '}
                  </span>
                  {XOI_STATE[technician.xoiState]}
                  {technician.certainty === 'likely' ? ' (likely)' : ''}
                </td>
                <td>{technician.eligible}</td>
                <td>{technician.withJobNotes}</td>
                <td>
                  <DeviceSync at={technician.lastDeviceSyncAt} now={now} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
      {state.status === 'ready' && all.length === 0 ? (
        <p className="empty-reason">
          {emptyReason(health) ??
            'No technicians yet: they are listed once the first sync has mirrored and diagnosed them.'}
        </p>
      ) : null}
      {state.status === 'ready' && all.length > 0 && rows.length === 0 ? (
        <p className="empty-reason">
          No technician matches “{find}”.{' '}
          <button type="button" onClick={() => setFind('')}>
            Clear
          </button>
        </p>
      ) : null}
      {state.status === 'ready' && rows.length > PAGE_SIZE ? pager('below') : null}
    </section>
  );
}
