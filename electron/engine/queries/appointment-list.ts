import type { AppointmentFilter, AppointmentPage, AppointmentRow } from '../../../shared/contract/appointments';
import type { VerdictState } from '../../../shared/diagnosis/codes';
import type { ReadHandle } from '../store/handles';
import type { AppointmentRow as StoredAppointmentRow } from '../store/tables/appointments';
import { buildFilterSql } from './appointment-filter';

const SORT_COLUMNS = {
  taskDate: 'a.task_date',
  key: 'a.key',
  state: "CASE v.state WHEN 'blocked' THEN 3 WHEN 'needs-action' THEN 2 WHEN 'waiting' THEN 1 ELSE 0 END",
  technician: 't.name',
  customer: 'a.customer',
} as const;

const SELECT = `
  SELECT a.key, a.company, a.service_call, a.appointment, a.customer, a.status, a.technician_id, t.name AS technician_name,
         a.task_date, a.completed_at, v.state, v.codes, v.summary, v.notes_mask, v.transcripts
  FROM appointments a JOIN verdicts v ON v.appointment_key = a.key LEFT JOIN technicians t ON t.id = a.technician_id`;

type StoredColumns =
  | 'key'
  | 'company'
  | 'service_call'
  | 'appointment'
  | 'customer'
  | 'status'
  | 'technician_id'
  | 'task_date'
  | 'completed_at';

interface Row extends Pick<StoredAppointmentRow, StoredColumns> {
  technician_name: string | null;
  state: VerdictState;
  codes: string;
  summary: string;
  notes_mask: number;
  transcripts: number;
}

export function toAppointmentRow(row: Row): AppointmentRow {
  return {
    key: row.key,
    company: row.company,
    serviceCall: row.service_call,
    appointment: row.appointment,
    customer: row.customer,
    status: row.status,
    technicianId: row.technician_id,
    technicianName: row.technician_name,
    taskDate: row.task_date,
    completedAt: row.completed_at,
    state: row.state,
    codes: row.codes === '' ? [] : row.codes.split(' '),
    summary: row.summary,
    notesMask: row.notes_mask,
    transcripts: row.transcripts,
  };
}

export interface ListQuery {
  filter: AppointmentFilter;
  sort: { field: keyof typeof SORT_COLUMNS; direction: 'asc' | 'desc' };
  offset: number;
  limit: number;
}

/** One window of the filtered, sorted list, with the total and the count per state (for the chips). */
export function queryAppointmentPage(handle: ReadHandle, query: ListQuery): AppointmentPage {
  const filtered = buildFilterSql(query.filter);
  const order = `${SORT_COLUMNS[query.sort.field]} ${query.sort.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, a.key ASC`;
  const rows = handle.db
    .prepare(`${SELECT} ${filtered.where} ORDER BY ${order} LIMIT ? OFFSET ?`)
    .all(...filtered.params, query.limit, query.offset) as Row[];
  // One aggregate gives both the chips' counts (every state) and the total (the selected states only).
  const withoutStates = buildFilterSql(query.filter, { includeStates: false });
  const counts = { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 };
  for (const row of handle.db
    .prepare(
      `SELECT v.state, count(*) AS n FROM appointments a JOIN verdicts v ON v.appointment_key = a.key ${withoutStates.where} GROUP BY v.state`,
    )
    .all(...withoutStates.params) as Array<{ state: VerdictState; n: number }>) {
    counts[row.state] = row.n;
  }
  const selected = query.filter.states.length > 0 ? query.filter.states : (Object.keys(counts) as VerdictState[]);
  const total = selected.reduce((sum, state) => sum + counts[state], 0);
  const computed = handle.db.prepare('SELECT max(computed_at) AS at FROM verdicts').get() as { at: string | null };
  return { total, rows: rows.map(toAppointmentRow), counts, computedAt: computed.at };
}

/** Every row of the filtered list, for the CSV export. */
export function* iterateFilteredRows(handle: ReadHandle, filter: AppointmentFilter): IterableIterator<AppointmentRow> {
  const filtered = buildFilterSql(filter);
  for (const row of handle.db
    .prepare(`${SELECT} ${filtered.where} ORDER BY a.task_date DESC NULLS LAST, a.key ASC`)
    .iterate(...filtered.params) as IterableIterator<Row>) {
    yield toAppointmentRow(row);
  }
}

export function readAppointmentRow(handle: ReadHandle, key: string): AppointmentRow | undefined {
  const row = handle.db.prepare(`${SELECT} WHERE a.key = ?`).get(key) as Row | undefined;
  return row ? toAppointmentRow(row) : undefined;
}
