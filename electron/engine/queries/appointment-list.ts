import type { AppointmentFilter, AppointmentPage, AppointmentRow } from '../../../shared/contract/appointments';
import type { VerdictState } from '../../../shared/diagnosis/codes';
import type { VerdictsComputed } from '../diagnosis/recompute-verdicts';
import type { ReadHandle } from '../store/handles';
import type { ListEntry } from '../store/tables/appointment-list';
import {
  countListByState,
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
}

/** One window of the filtered, sorted list, with the total and the count per state (for the chips). */
export function queryAppointmentPage(handle: ReadHandle, query: ListQuery): AppointmentPage {
  const filter: ListFilter = listFilterFrom(query.filter);
  const counts = { ok: 0, waiting: 0, 'needs-action': 0, blocked: 0 };
  for (const [state, n] of countListByState(handle, filter))
    if (Object.hasOwn(counts, state)) counts[state as VerdictState] = n;
  const selected =
    filter.states.length > 0 ? (filter.states as VerdictState[]) : (Object.keys(counts) as VerdictState[]);
  const total = selected.reduce((sum, state) => sum + counts[state], 0);
  const rows = readListWindow(handle, filter, query.sort, { offset: query.offset, limit: query.limit, total });
  const computed = readSnapshot<VerdictsComputed>(handle, 'verdicts')?.value ?? null;
  return { total, rows: rows.map(toAppointmentRow), counts, computedAt: computed?.computedAt ?? null };
}

/** Every row of the filtered list, in the list's order, for the exports. */
export function* iterateFilteredRows(
  handle: ReadHandle,
  filter: AppointmentFilter,
  sort: ListSort = { field: 'taskDate', direction: 'desc' },
): IterableIterator<AppointmentRow> {
  for (const entry of iterateList(handle, listFilterFrom(filter), sort)) yield toAppointmentRow(entry);
}
