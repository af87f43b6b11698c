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

/** A stored entry with its row id, as the writer compares against it. */
export interface StoredListEntry {
  id: number;
  entry: ListEntry;
}

function sameEntry(a: ListEntry, b: ListEntry): boolean {
  return (
    a.live === b.live &&
    a.company === b.company &&
    a.serviceCall === b.serviceCall &&
    a.appointment === b.appointment &&
    a.customer === b.customer &&
    a.status === b.status &&
    a.technicianId === b.technicianId &&
    a.technicianName === b.technicianName &&
    a.taskDate === b.taskDate &&
    a.completedAt === b.completedAt &&
    a.state === b.state &&
    a.stateRank === b.stateRank &&
    a.codes.join(' ') === b.codes.join(' ') &&
    a.summary === b.summary &&
    a.notesMask === b.notesMask &&
    a.transcripts === b.transcripts &&
    a.deletedAt === b.deletedAt &&
    a.jobId === b.jobId &&
    a.searchText === b.searchText
  );
}

function values(entry: ListEntry): unknown[] {
  return [
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
    entry.codes.join(' '),
    entry.summary,
    entry.notesMask,
    entry.transcripts,
    entry.deletedAt,
    entry.jobId,
    entry.searchText,
  ];
}

const STATE_ORDER = ['ok', 'waiting', 'needs-action', 'blocked'];

/**
 * The token the search index holds for a row's list (live or deleted) and state: three characters from the Private
 * Use Area around a letter, so it is exactly one trigram, which no search can type (searches drop those characters).
 * Counting a search's matches per state is then four index lookups, with no row read.
 */
export function stateMarker(live: boolean, state: string): string {
  const letter = String.fromCharCode(0x61 + (live ? 4 : 0) + Math.max(0, STATE_ORDER.indexOf(state)));
  return `\uE000${letter}\uE000`;
}

/** What the search index holds for an entry: its search text and its state marker. */
function indexedText(entry: ListEntry): string {
  return `${entry.searchText} ${stateMarker(entry.live, entry.state)}`;
}

function writeCodes(handle: WriteHandle, id: number, entry: ListEntry): void {
  statement(handle, 'DELETE FROM list_codes WHERE list_id = ?').run(id);
  const insert = statement(handle, 'INSERT OR IGNORE INTO list_codes (live, code, list_id) VALUES (?, ?, ?)');
  for (const code of entry.codes) insert.run(entry.live ? 1 : 0, code, id);
}

/**
 * Writes the read model's rows. The search index is written by this writer in batches (`flush`), not per row and not
 * by a trigger: FTS5 flushes its pending terms to disk at every statement savepoint, and a row write that fires the
 * counts' triggers opens one, so writing the index row by row made one tiny index segment per row (a first fill took
 * seven times longer). Call `flush` before the transaction ends, and before searching in it.
 */
export class ListWriter {
  private readonly searchChanges: Array<{ id: number; text: string | null }> = [];

  constructor(private readonly handle: WriteHandle) {}

  /**
   * Writes an entry only where it differs from `current` (what is stored, read by the caller a slice at a time): an
   * unchanged verdict costs a comparison and no statement, so a full recompute after a quiet pass writes almost
   * nothing, and the counts (triggers), the codes and the search index move only for rows that changed. Returns
   * whether the row was added or changed.
   */
  write(entry: ListEntry, current: StoredListEntry | undefined): boolean {
    const { handle } = this;
    if (current && sameEntry(current.entry, entry)) return false;
    if (!current) {
      const { lastInsertRowid } = statement(
        handle,
        `INSERT INTO appointment_list (key, live, company, service_call, appointment, customer, status, technician_id,
           technician_name, task_date, completed_at, state, state_rank, codes, summary, notes_mask, transcripts,
           deleted_at, job_id, search_text)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(entry.key, ...values(entry));
      const id = Number(lastInsertRowid);
      this.searchChanges.push({ id, text: indexedText(entry) });
      writeCodes(handle, id, entry);
      return true;
    }
    statement(
      handle,
      `UPDATE appointment_list SET live = ?, company = ?, service_call = ?, appointment = ?, customer = ?, status = ?,
         technician_id = ?, technician_name = ?, task_date = ?, completed_at = ?, state = ?, state_rank = ?, codes = ?,
         summary = ?, notes_mask = ?, transcripts = ?, deleted_at = ?, job_id = ?, search_text = ?
       WHERE id = ?`,
    ).run(...values(entry), current.id);
    if (indexedText(current.entry) !== indexedText(entry)) {
      this.searchChanges.push({ id: current.id, text: null }, { id: current.id, text: indexedText(entry) });
    }
    if (current.entry.codes.join(' ') !== entry.codes.join(' ') || current.entry.live !== entry.live)
      writeCodes(handle, current.id, entry);
    return true;
  }

  /** Deletes the row of `key`, if any. */
  delete(key: string): boolean {
    const row = statement(this.handle, 'DELETE FROM appointment_list WHERE key = ? RETURNING id').get(key) as
      { id: number } | undefined;
    if (row) this.searchChanges.push({ id: row.id, text: null });
    return row !== undefined;
  }

  /**
   * Removes the rows with nothing behind them any more: live rows whose appointment is gone, and deleted rows whose
   * kept record is gone (or whose appointment came back and has its live row). Returns how many went.
   */
  sweep(): number {
    const gone = statement(
      this.handle,
      `DELETE FROM appointment_list WHERE
         (live = 1 AND NOT EXISTS (SELECT 1 FROM appointments a WHERE a.key = appointment_list.key))
         OR (live = 0 AND NOT EXISTS (SELECT 1 FROM deleted_appointments d WHERE d.key = appointment_list.key))
       RETURNING id`,
    ).all() as Array<{ id: number }>;
    for (const row of gone) this.searchChanges.push({ id: row.id, text: null });
    return gone.length;
  }

  /** Writes the search index changes held so far, one statement after another. */
  flush(): void {
    const add = statement(this.handle, 'INSERT INTO list_search (rowid, search_text) VALUES (?, ?)');
    const remove = statement(this.handle, 'DELETE FROM list_search WHERE rowid = ?');
    for (const change of this.searchChanges) {
      if (change.text === null) remove.run(change.id);
      else add.run(change.id, change.text);
    }
    this.searchChanges.length = 0;
  }
}

/** The stored entries of these keys, by key (what writeListEntry compares against). */
export function readStoredEntries(handle: Handle, keys: readonly string[]): Map<string, StoredListEntry> {
  const found = new Map<string, StoredListEntry>();
  for (let index = 0; index < keys.length; index += 500) {
    const group = keys.slice(index, index + 500);
    const rows = statement(
      handle,
      `SELECT ${LIST_COLUMNS} FROM appointment_list WHERE key IN (${group.map(() => '?').join(', ')})`,
    ).all(...group) as Row[];
    for (const row of rows) found.set(row.key, { id: row.id, entry: fromListRow(row) });
  }
  return found;
}

/** The stored entries whose keys are between `first` and `last` (one slice of a full recompute), by key. */
export function readStoredEntriesBetween(handle: Handle, first: string, last: string): Map<string, StoredListEntry> {
  const rows = statement(handle, `SELECT ${LIST_COLUMNS} FROM appointment_list WHERE key BETWEEN ? AND ?`).all(
    first,
    last,
  ) as Row[];
  return new Map(rows.map((row) => [row.key, { id: row.id, entry: fromListRow(row) }]));
}

/** Empties the read model (a rebuild); the counts follow by trigger. */
export function deleteAllListEntries(handle: WriteHandle): void {
  statement(handle, 'DELETE FROM appointment_list').run();
  statement(handle, "INSERT INTO list_search (list_search) VALUES ('delete-all')").run();
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
