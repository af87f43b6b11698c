import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useEffect, useRef } from 'react';
import type { AppointmentRow } from '../../../shared/contract';
import { formatDateTime } from '../../app/format';
import { NotesMatrix } from '../../components/NotesMatrix';
import { StateBadge } from '../../components/StateBadge';

const ROW_HEIGHT = 36;
const COLUMNS = ['Appointment', 'Customer', 'Technician', 'Task date', 'Status', 'State', 'XOi notes', 'Why'];

/** One row: re-rendered only when its data or position changes. */
const Row = memo(function Row({
  row,
  index,
  start,
}: {
  row: AppointmentRow | undefined;
  index: number;
  start: number;
}) {
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
          <div role="cell" className="cell">
            <a href={`#/appointments/${encodeURIComponent(row.key)}`}>{row.key}</a>
          </div>
          <div role="cell" className="cell" title={row.customer}>
            {row.customer}
          </div>
          <div role="cell" className="cell">
            {row.technicianName ?? '—'}
          </div>
          <div role="cell" className="cell">
            {formatDateTime(row.taskDate)}
          </div>
          <div role="cell" className="cell">
            {row.status}
          </div>
          <div role="cell" className="cell">
            <StateBadge state={row.state} />
          </div>
          <div role="cell" className="cell">
            <NotesMatrix mask={row.notesMask} transcripts={row.transcripts} />
          </div>
          <div role="cell" className="cell summary" title={row.summary}>
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

/** A virtualized table: only the rows on screen exist in the page, whatever the total. */
export function AppointmentTable({
  total,
  rowAt,
  ensureRange,
}: {
  total: number;
  rowAt: (index: number) => AppointmentRow | undefined;
  ensureRange: (first: number, last: number) => void;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 6,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items.at(-1)?.index ?? 0;
  useEffect(() => {
    if (total > 0) ensureRange(first, last);
  }, [first, last, total, ensureRange]);
  return (
    <div className="appointment-table" role="table" aria-label="Appointments" aria-rowcount={total + 1}>
      <div className="appointment-row header" role="row" aria-rowindex={1}>
        {COLUMNS.map((column) => (
          <div key={column} role="columnheader" className="cell">
            {column}
          </div>
        ))}
      </div>
      <div ref={scroller} className="appointment-scroller" data-testid="appointment-scroller">
        <div role="rowgroup" style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
          {items.map((item) => (
            <Row key={item.key} row={rowAt(item.index)} index={item.index} start={item.start} />
          ))}
        </div>
      </div>
    </div>
  );
}
