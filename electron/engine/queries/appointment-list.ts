import type { AppointmentFilter, AppointmentPage, AppointmentRow } from '../../../shared/contract/appointments';
import type { VerdictState } from '../../../shared/diagnosis/codes';
import type { VerdictsComputed } from '../diagnosis/recompute-verdicts';
import type { ReadHandle } from '../store/handles';
import type { ListEntry } from '../store/tables/appointment-list';
import {
  countListByState,
  countListByStateQuickly,
  iterateList,
  readListWindow,
  type ListFilter,
  type ListSort,
} from '../store/tables/appointment-list-query';
import { readSnapshot } from '../store/tables/snapshots';
import { listFilterFrom } from './appointment-filter';

export function toAppointmentRow(entry: ListEntry): AppointmentRow {
  return {
    key: entry.key,
    company: entry.company,
    serviceCall: entry.serviceCall,
    appointment: entry.appointment,
    customer: entry.customer,
    status: entry.status,
    technicianId: entry.technicianId,
    technicianName: entry.technicianName,
    taskDate: entry.taskDate,
    completedAt: entry.completedAt,
    state: entry.state as VerdictState,
    codes: [...entry.codes],
    summary: entry.summary,
    notesMask: entry.notesMask,
    transcripts: entry.transcripts,
    deletedAt: entry.deletedAt,
    jobId: entry.jobId,
  };
}

export interface ListQuery {
  filter: AppointmentFilter;
  sort: ListSort;
  offset: number;
  limit: number;
  /** How to count (exact when not given); see appointmentQuerySchema. */
  counts?: 'exact' | 'quick' | 'none';
  total?: number;
}

/**
 * One window of the filtered, sorted list, with the total and the count per state (for the chips): exact, quick
 * (estimated for a broad search, so the first rows come at once; the screen asks for the exact counts next) or none
 * (a further window, the total given by the caller).
 */
export function queryAppointmentPage(handle: ReadHandle, query: ListQuery): AppointmentPage {
  const filter: ListFilter = listFilterFrom(query.filter);
  const window = { offset: query.offset, limit: query.limit };
  const computedAt = readSnapshot<VerdictsComputed>(handle, 'verdicts')?.value.computedAt ?? null;
  if (query.counts === 'none') {
    const total = query.total ?? 0;
    const rows = readListWindow(handle, filter, query.sort, { ...window, total });
    return { total, rows: rows.map(toAppointmentRow), counts: null, counted: 'none', computedAt };
  }
  const counted =
    query.counts === 'quick'
      ? countListByStateQuickly(handle, filter)
      : { byState: countListByState(handle, filter), estimated: false };
  const counts = { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 };
  for (const [state, n] of counted.byState) if (Object.hasOwn(counts, state)) counts[state as VerdictState] = n;
  const selected =
    filter.states.length > 0 ? (filter.states as VerdictState[]) : (Object.keys(counts) as VerdictState[]);
  const total = selected.reduce((sum, state) => sum + counts[state], 0);
  const rows = readListWindow(handle, filter, query.sort, { ...window, total });
  return {
    total,
    rows: rows.map(toAppointmentRow),
    counts,
    counted: counted.estimated ? 'estimate' : 'exact',
    computedAt,
  };
}

/** Every row of the filtered list, in the list's order, for the exports. */
export function* iterateFilteredRows(
  handle: ReadHandle,
  filter: AppointmentFilter,
  sort: ListSort = { field: 'taskDate', direction: 'desc' },
): IterableIterator<AppointmentRow> {
  for (const entry of iterateList(handle, listFilterFrom(filter), sort)) yield toAppointmentRow(entry);
}
