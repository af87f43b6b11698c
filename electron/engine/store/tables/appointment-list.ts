import { statement, type ReadHandle, type WriteHandle } from '../handles';

type Handle = ReadHandle | WriteHandle;

/** What the appointment list shows of one appointment (or of one Schedule deleted after XOi made its job). */
export interface ListEntry {
  key: string;
  /** false: Schedule deleted it after XOi made its Vision job (a tombstone, shown under "Deleted"). */
  live: boolean;
  company: string;
  serviceCall: string;
  appointment: string;
  customer: string;
  status: string;
  technicianId: string | null;
  technicianName: string | null;
  taskDate: string | null;
  completedAt: string | null;
  state: string;
  stateRank: number;
  codes: readonly string[];
  summary: string;
  notesMask: number;
  transcripts: number;
  deletedAt: string | null;
  jobId: string | null;
  /** What the search box matches: key, customer, technician name and id, lower-cased. */
  searchText: string;
}

interface Row {
  id: number;
  key: string;
  live: number;
  company: string;
  service_call: string;
  appointment: string;
  customer: string;
  status: string;
  technician_id: string | null;
  technician_name: string | null;
  task_date: string | null;
  completed_at: string | null;
  state: string;
  state_rank: number;
  codes: string;
  summary: string;
  notes_mask: number;
  transcripts: number;
  deleted_at: string | null;
  job_id: string | null;
  search_text: string;
}

export const LIST_COLUMNS =
  'id, key, live, company, service_call, appointment, customer, status, technician_id, technician_name, task_date, completed_at, state, state_rank, codes, summary, notes_mask, transcripts, deleted_at, job_id, search_text';

export function fromListRow(row: Row): ListEntry {
  return {
    key: row.key,
    live: row.live === 1,
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
    stateRank: row.state_rank,
    codes: row.codes === '' ? [] : row.codes.split(' '),
    summary: row.summary,
    notesMask: row.notes_mask,
    transcripts: row.transcripts,
    deletedAt: row.deleted_at,
    jobId: row.job_id,
    searchText: row.search_text,
  };
}

// --- writes (the sync worker) ----------------------------------------------------------------------------------

/**
 * Writes an entry, only where it differs from what is stored: an unchanged verdict costs one index probe and no
 * write, so a full recompute after a quiet pass writes almost nothing, and the counts (triggers) and the search index
 * move only for rows that changed. Returns whether the row was added or changed.
 */
export function writeListEntry(handle: WriteHandle, entry: ListEntry): boolean {
  const codes = entry.codes.join(' ');
  const written = statement(
    handle,
    `INSERT INTO appointment_list (key, live, company, service_call, appointment, customer, status, technician_id,
       technician_name, task_date, completed_at, state, state_rank, codes, summary, notes_mask, transcripts, deleted_at,
       job_id, search_text)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT (key) DO UPDATE SET
       live = excluded.live, company = excluded.company, service_call = excluded.service_call,
       appointment = excluded.appointment, customer = excluded.customer, status = excluded.status,
       technician_id = excluded.technician_id, technician_name = excluded.technician_name,
       task_date = excluded.task_date, completed_at = excluded.completed_at, state = excluded.state,
       state_rank = excluded.state_rank, codes = excluded.codes, summary = excluded.summary,
       notes_mask = excluded.notes_mask, transcripts = excluded.transcripts, deleted_at = excluded.deleted_at,
       job_id = excluded.job_id, search_text = excluded.search_text
     WHERE appointment_list.live IS NOT excluded.live OR appointment_list.customer IS NOT excluded.customer
       OR appointment_list.status IS NOT excluded.status OR appointment_list.technician_id IS NOT excluded.technician_id
       OR appointment_list.technician_name IS NOT excluded.technician_name
       OR appointment_list.task_date IS NOT excluded.task_date OR appointment_list.completed_at IS NOT excluded.completed_at
       OR appointment_list.state IS NOT excluded.state OR appointment_list.codes IS NOT excluded.codes
       OR appointment_list.summary IS NOT excluded.summary OR appointment_list.notes_mask IS NOT excluded.notes_mask
       OR appointment_list.transcripts IS NOT excluded.transcripts OR appointment_list.deleted_at IS NOT excluded.deleted_at
       OR appointment_list.job_id IS NOT excluded.job_id OR appointment_list.search_text IS NOT excluded.search_text
     RETURNING id`,
  ).get(
    entry.key,
    entry.live ? 1 : 0,
    entry.company,
    entry.serviceCall,
    entry.appointment,
    entry.customer,
    entry.status,
    entry.technicianId,
    entry.technicianName,
    entry.taskDate,
    entry.completedAt,
    entry.state,
    entry.stateRank,
    codes,
    entry.summary,
    entry.notesMask,
    entry.transcripts,
    entry.deletedAt,
    entry.jobId,
    entry.searchText,
  ) as { id: number } | undefined;
  if (!written) return false;
  // The codes of a changed row are written again (a handful), so the code filter and the code counts follow.
  statement(handle, 'DELETE FROM list_codes WHERE list_id = ?').run(written.id);
  const insert = statement(handle, 'INSERT OR IGNORE INTO list_codes (live, code, list_id) VALUES (?, ?, ?)');
  for (const code of entry.codes) insert.run(entry.live ? 1 : 0, code, written.id);
  return true;
}

export function deleteListEntry(handle: WriteHandle, key: string): boolean {
  return statement(handle, 'DELETE FROM appointment_list WHERE key = ?').run(key).changes > 0;
}

/**
 * Removes the rows with nothing behind them any more: live rows whose appointment is gone, and deleted rows whose
 * kept record is gone (or whose appointment came back and has its live row). Returns how many went.
 */
export function sweepListEntries(handle: WriteHandle): number {
  const live = statement(
    handle,
    `DELETE FROM appointment_list WHERE live = 1
     AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.key = appointment_list.key)`,
  ).run().changes;
  const deleted = statement(
    handle,
    `DELETE FROM appointment_list WHERE live = 0
     AND NOT EXISTS (SELECT 1 FROM deleted_appointments d WHERE d.key = appointment_list.key)`,
  ).run().changes;
  return live + deleted;
}

// --- reads (the screens) ------------------------------------------------------------------------------------------

export function readListEntry(handle: Handle, key: string): ListEntry | undefined {
  const row = statement(handle, `SELECT ${LIST_COLUMNS} FROM appointment_list WHERE key = ?`).get(key) as
    Row | undefined;
  return row ? fromListRow(row) : undefined;
}

/** The keys of the live rows of one technician or one company (what a change of reference data reaches). */
export function listKeysWhere(handle: Handle, column: 'technician_id' | 'company', value: string): string[] {
  return (
    statement(handle, `SELECT key FROM appointment_list WHERE live = 1 AND ${column} = ?`).all(value) as Array<{
      key: string;
    }>
  ).map((row) => row.key);
}

/** The kept counts: rows per state, or per reason code, of live rows or of tombstones. */
export function readListCounts(handle: Handle, live: boolean, kind: 'state' | 'code'): Map<string, number> {
  const rows = statement(handle, 'SELECT name, n FROM list_counts WHERE live = ? AND kind = ? AND n > 0').all(
    live ? 1 : 0,
    kind,
  ) as Array<{ name: string; n: number }>;
  return new Map(rows.map((row) => [row.name, row.n]));
}

export type ListRowFromDb = Row;
