import { memo, useEffect, useState } from 'react';
import type { AppointmentRow, AppointmentSort } from '../../../shared/contract';
import { formatCompactDateTime, formatDateTime } from '../../app/format';
import { rowTop, shownHeight } from '../../lib/scaled-scroll';
import { useRowWindow } from '../../lib/use-row-window';
import { NotesMatrix } from '../../components/NotesMatrix';
import { ariaSort, SortButton } from '../../components/SortButton';
import { StateBadge } from '../../components/StateBadge';

const ROW_HEIGHT = 40;
type SortField = AppointmentSort['field'];

interface Column {
  label: string;
  sort?: SortField;
  /** The direction a first click sorts in: the most useful end first (latest dates, worst states). */
  first?: AppointmentSort['direction'];
}

const columns = (deleted: boolean): Column[] => [
  { label: 'Appointment', sort: 'key' },
  { label: 'Customer', sort: 'customer' },
  { label: 'Technician', sort: 'technician' },
  { label: 'Task date', sort: 'taskDate', first: 'desc' },
  { label: deleted ? 'Deleted' : 'Status' },
  { label: 'State', sort: 'state', first: 'desc' },
  { label: 'XOi notes' },
  { label: 'Why' },
];

/** One row: re-rendered only when its data or position changes. */
const Row = memo(function Row(props: {
  row: AppointmentRow | undefined;
  index: number;
  start: number;
  deleted: boolean;
}) {
  const { row, index, start } = props;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      className="appointment-row"
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        right: 0,
        height: ROW_HEIGHT,
        transform: `translateY(${start}px)`,
      }}
    >
      {row ? (
        <>
          <div role="cell" className="cell" title={row.key}>
            <a href={`#/appointments/${encodeURIComponent(row.key)}`}>{row.key}</a>
          </div>
          <div role="cell" className="cell" title={row.customer}>
            {row.customer}
          </div>
          <div role="cell" className="cell" title={row.technicianName ?? undefined}>
            {row.technicianName ?? row.technicianId ?? '—'}
          </div>
          <div role="cell" className="cell" title={formatDateTime(row.taskDate)}>
            {formatCompactDateTime(row.taskDate)}
          </div>
          <div role="cell" className="cell" title={props.deleted ? formatDateTime(row.deletedAt) : row.status}>
            {props.deleted ? formatCompactDateTime(row.deletedAt) : row.status}
          </div>
          <div role="cell" className="cell">
            <StateBadge state={row.state} />
          </div>
          <div role="cell" className="cell">
            <NotesMatrix mask={row.notesMask} transcripts={row.transcripts} />
          </div>
          {/* The reason in full on hover and on keyboard focus; two lines of it otherwise. */}
          <div role="cell" className="cell summary" title={row.summary} tabIndex={0}>
            {row.summary}
          </div>
        </>
      ) : (
        <div role="cell" className="cell loading">
          Loading…
        </div>
      )}
    </div>
  );
});

function HeaderCell(props: { column: Column; sort: AppointmentSort; onSort: (sort: AppointmentSort) => void }) {
  const { column, sort } = props;
  if (!column.sort) {
    return (
      <div role="columnheader" className="cell">
        {column.label}
      </div>
    );
  }
  const field = column.sort;
  const active = sort.field === field;
  const next: AppointmentSort['direction'] = active
    ? sort.direction === 'asc'
      ? 'desc'
      : 'asc'
    : (column.first ?? 'asc');
  return (
    <div role="columnheader" className="cell" aria-sort={ariaSort(active, sort.direction)}>
      <SortButton
        label={column.label}
        active={active}
        direction={sort.direction}
        onClick={() => props.onSort({ field, direction: next })}
      />
    </div>
  );
}

/** A windowed table: only the rows on screen (and a few either side) exist in the page, whatever the total. */
export function AppointmentTable(props: {
  total: number;
  rowAt: (index: number) => AppointmentRow | undefined;
  ensureRange: (first: number, last: number) => void;
  sort: AppointmentSort;
  onSort: (sort: AppointmentSort) => void;
  deleted: boolean;
  /** Changes when the filter or the sort does: the list goes back to its top. */
  resetKey: string;
}) {
  const { total, ensureRange, resetKey } = props;
  const [scroller, setScroller] = useState<HTMLDivElement | null>(null);
  const { first, last, scale, offset, toTop } = useRowWindow(scroller, total, ROW_HEIGHT);
  useEffect(() => {
    toTop();
  }, [resetKey, toTop]);
  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);
  const indexes = Array.from({ length: Math.max(0, last - first + 1) }, (_, n) => first + n);
  return (
    <div className="appointment-table" role="table" aria-label="Appointments" aria-rowcount={total + 1}>
      <div className="appointment-row header" role="row" aria-rowindex={1}>
        {columns(props.deleted).map((column) => (
          <HeaderCell key={column.label} column={column} sort={props.sort} onSort={props.onSort} />
        ))}
      </div>
      <div ref={setScroller} className="appointment-scroller" data-testid="appointment-scroller">
        <div role="rowgroup" style={{ height: shownHeight(total * ROW_HEIGHT), position: 'relative' }}>
          {indexes.map((index) => (
            <Row
              key={index}
              row={props.rowAt(index)}
              index={index}
              start={rowTop(index * ROW_HEIGHT, offset, scale)}
              deleted={props.deleted}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
