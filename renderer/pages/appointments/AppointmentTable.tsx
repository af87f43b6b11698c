import { elementScroll, observeElementOffset, useVirtualizer, type Virtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { AppointmentRow, AppointmentSort } from '../../../shared/contract';
import { formatCompactDateTime, formatDateTime } from '../../app/format';
import { rowTop, scrollScale, shownHeight } from '../../lib/scaled-scroll';
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

/** A virtualized table: only the rows on screen exist in the page, whatever the total. */
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
  const scroller = useRef<HTMLDivElement>(null);
  // The virtualizer works in list pixels; the page scrolls in real ones (fewer, past the browser's height limit). Its
  // scroll subscription outlives a render, so the scale is read from the instance's current options, not a closure.
  const scaleOf = (instance: Virtualizer<HTMLDivElement, Element>) =>
    scrollScale(instance.options.count * ROW_HEIGHT, instance.scrollElement?.clientHeight ?? 0);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
    observeElementOffset: (instance, notify) =>
      observeElementOffset(instance, (offset, scrolling) => notify(offset * scaleOf(instance), scrolling)),
    scrollToFn: (offset, options, instance) => {
      const scale = scaleOf(instance);
      elementScroll(offset / scale, { ...options, adjustments: (options.adjustments ?? 0) / scale }, instance);
    },
  });
  useEffect(() => {
    virtualizer.scrollToOffset(0);
  }, [resetKey, virtualizer]);
  const items = virtualizer.getVirtualItems();
  const scale = scaleOf(virtualizer);
  const realOffset = (virtualizer.scrollOffset ?? 0) / scale;
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);
  return (
    <div className="appointment-table" role="table" aria-label="Appointments" aria-rowcount={total + 1}>
      <div className="appointment-row header" role="row" aria-rowindex={1}>
        {columns(props.deleted).map((column) => (
          <HeaderCell key={column.label} column={column} sort={props.sort} onSort={props.onSort} />
        ))}
      </div>
      <div ref={scroller} className="appointment-scroller" data-testid="appointment-scroller">
        <div role="rowgroup" style={{ height: shownHeight(virtualizer.getTotalSize()), position: 'relative' }}>
          {items.map((item) => (
            <Row
              key={item.key}
              row={props.rowAt(item.index)}
              index={item.index}
              start={rowTop(item.start, realOffset, scale)}
              deleted={props.deleted}
            />
          ))}
        </div>
      </div>
    </div>
  );
}
