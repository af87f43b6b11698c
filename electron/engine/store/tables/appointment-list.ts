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
  /** The next instant (UTC ISO) its state or codes can change with time alone; null when they cannot. */
  changesAt: string | null;
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
  changes_at: string | null;
}

/** The columns an entry's values are written to, in the order of `values`. */
const VALUE_COLUMNS = [
  'live',
  'company',
  'service_call',
  'appointment',
  'customer',
  'status',
  'technician_id',
  'technician_name',
  'task_date',
  'completed_at',
  'state',
  'state_rank',
  'codes',
  'summary',
  'notes_mask',
  'transcripts',
  'deleted_at',
  'job_id',
  'search_text',
  'changes_at',
] as const;

type ValueColumn = (typeof VALUE_COLUMNS)[number];

export const LIST_COLUMNS = `id, key, ${VALUE_COLUMNS.join(', ')}`;
// Made once: the writer looks its statements up by their text for every row.
const INSERT_ROW = `INSERT INTO appointment_list (key, ${VALUE_COLUMNS.join(', ')}, signature)
  VALUES (${['key', ...VALUE_COLUMNS, 'signature'].map(() => '?').join(', ')})`;
const READ_STORED_VALUES = `SELECT ${VALUE_COLUMNS.join(', ')} FROM appointment_list WHERE id = ? /* raw */`;

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
    changesAt: row.changes_at,
  };
}

// --- writes (the sync worker) ----------------------------------------------------------------------------------

/** What the comparison of a row needs: its id and signature. The rest of a stored row is read only when it changed. */
export interface StoredListEntry {
  id: number;
  signature: string;
}

/** cyrb53: a fast 53-bit string hash (a changed row is missed with odds of one in 2^53). */
function hash53(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let index = 0; index < text.length; index++) {
    const char = text.charCodeAt(index);
    h1 = Math.imul(h1 ^ char, 2654435761);
    h2 = Math.imul(h2 ^ char, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36);
}

/** The signature of an entry's values: every column the list shows, sorts, filters or searches on, and its instant. */
export function signatureOf(entry: ListEntry): string {
  return hash53(
    values(entry)
      .map((value) => (value === null ? '\u0000' : String(value)))
      .join('\u0001'),
  );
}

function values(entry: ListEntry): Array<string | number | null> {
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
    entry.changesAt,
  ];
}

/** A stored row's values, in the order of `values`, read by its id. */
function readStoredValues(handle: Handle, id: number): Array<string | number | null> {
  return statement(handle, READ_STORED_VALUES).raw(true).get(id) as Array<string | number | null>;
}

/** The value of one column in a row's values (as `values` or `readStoredValues` gives them). */
function valueOf(row: ReadonlyArray<string | number | null>, column: ValueColumn) {
  return row[VALUE_COLUMNS.indexOf(column)];
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

/** What the search index holds for an entry: its search text and its state marker (migration 009 makes it too). */
function indexedText(entry: Pick<ListEntry, 'searchText' | 'live' | 'state'>): string {
  return `${entry.searchText} ${stateMarker(entry.live, entry.state)}`;
}

/** What a deleted row's index entry is worked out from, as RETURNING gives it. */
interface IndexedParts {
  id: number;
  searchText: string;
  live: number;
  state: string;
}
const INDEXED_PARTS = 'id, search_text AS searchText, live, state';

function writeCodes(handle: WriteHandle, id: number, entry: ListEntry): void {
  statement(handle, 'DELETE FROM list_codes WHERE list_id = ?').run(id);
  insertCodes(handle, id, entry);
}

/** The codes that hold an appointment back because of its technician, or because of its company. */
export const HELD_BY_TECHNICIAN = [
  'TECH_NOT_XOI_USER',
  'TECH_XOI_USER_DISABLED',
  'TECH_EMAIL_MISMATCH',
  'TECH_EMAIL_MISSING',
];
export const HELD_BY_COMPANY = 'COMPANY_INACTIVE';

/** The columns a row's codes (and their holders) are written from: a change to one of them rewrites the codes. */
const CODES_FOLLOW: readonly ValueColumn[] = ['codes', 'live', 'technician_id', 'company'];

/** Who holds a row back for this code (counted in `list_held` by trigger), or null. */
function holderOf(code: string, entry: Pick<ListEntry, 'technicianId' | 'company'>): string | null {
  if (code === HELD_BY_COMPANY) return entry.company;
  return HELD_BY_TECHNICIAN.includes(code) ? entry.technicianId : null;
}

/** A new row's codes (its id is new: AUTOINCREMENT never reuses one, so there is nothing to delete first). */
function insertCodes(handle: WriteHandle, id: number, entry: ListEntry): void {
  const insert = statement(
    handle,
    'INSERT OR IGNORE INTO list_codes (live, code, list_id, holder) VALUES (?, ?, ?, ?)',
  );
  for (const code of entry.codes) insert.run(entry.live ? 1 : 0, code, id, holderOf(code, entry));
}

/**
 * Writes the read model's rows. The search index is written by this writer in batches (`flush`), not per row and not
 * by a trigger: FTS5 flushes its pending terms to disk at every statement savepoint, and a row write that fires the
 * counts' triggers opens one, so writing the index row by row made one tiny index segment per row (a first fill took
 * seven times longer). Call `flush` before the transaction ends, and before searching in it.
 */
export class ListWriter {
  /** Index changes not written yet: a row's text added, or the text it was indexed with removed. */
  private readonly searchChanges: Array<{ id: number; text: string; remove: boolean }> = [];

  constructor(private readonly handle: WriteHandle) {}

  /**
   * Writes an entry only where it differs from `current` (what is stored, read by the caller a slice at a time): an
   * unchanged verdict costs a comparison and no statement, so a full recompute after a quiet pass writes almost
   * nothing, and the counts (triggers), the codes and the search index move only for rows that changed. Returns
   * whether the row was added or changed.
   */
  write(entry: ListEntry, current: StoredListEntry | undefined): boolean {
    const { handle } = this;
    const signature = signatureOf(entry);
    if (current?.signature === signature) return false;
    if (!current) {
      const { lastInsertRowid } = statement(handle, INSERT_ROW).run(entry.key, ...values(entry), signature);
      const id = Number(lastInsertRowid);
      this.searchChanges.push({ id, text: indexedText(entry), remove: false });
      insertCodes(handle, id, entry);
      return true;
    }
    const stored = readStoredValues(handle, current.id);
    const next = values(entry);
    // Only the columns that changed are written: SQLite rewrites an index entry whenever one of its columns is set, and
    // at a million rows each of the eight indexes is a page of its own to change (and to log) for every row.
    const changed = VALUE_COLUMNS.filter((_, index) => stored[index] !== next[index]);
    statement(
      handle,
      `UPDATE appointment_list SET ${changed.map((column) => `${column} = ?, `).join('')}signature = ? WHERE id = ?`,
    ).run(...changed.map((column) => valueOf(next, column)), signature, current.id);
    const storedIndexed = indexedText({
      searchText: valueOf(stored, 'search_text') as string,
      live: valueOf(stored, 'live') === 1,
      state: valueOf(stored, 'state') as string,
    });
    if (storedIndexed !== indexedText(entry)) {
      this.searchChanges.push(
        { id: current.id, text: storedIndexed, remove: true },
        { id: current.id, text: indexedText(entry), remove: false },
      );
    }
    // The held counts are per holder: a row moving to another technician or company moves its codes too.
    const codesMoved = changed.some((column) => CODES_FOLLOW.includes(column));
    if (codesMoved) writeCodes(handle, current.id, entry);
    return true;
  }

  /** Deletes the row of `key`, if any. */
  delete(key: string): boolean {
    const row = statement(this.handle, `DELETE FROM appointment_list WHERE key = ? RETURNING ${INDEXED_PARTS}`).get(
      key,
    ) as IndexedParts | undefined;
    if (row) this.removeFromSearch(row);
    return row !== undefined;
  }

  private removeFromSearch(row: IndexedParts): void {
    this.searchChanges.push({ id: row.id, text: indexedText({ ...row, live: row.live === 1 }), remove: true });
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
       RETURNING ${INDEXED_PARTS}`,
    ).all() as IndexedParts[];
    for (const row of gone) this.removeFromSearch(row);
    return gone.length;
  }

  /**
   * Writes the search index changes held so far, one statement after another. A row is removed with FTS5's 'delete'
   * command and the exact text it was indexed with (migration 009 says why): the index keeps no copy to look it up.
   */
  flush(): void {
    const add = statement(this.handle, 'INSERT INTO list_search (rowid, search_text) VALUES (?, ?)');
    const remove = statement(
      this.handle,
      "INSERT INTO list_search (list_search, rowid, search_text) VALUES ('delete', ?, ?)",
    );
    for (const change of this.searchChanges) (change.remove ? remove : add).run(change.id, change.text);
    this.searchChanges.length = 0;
  }
}

const STORED_COLUMNS = 'key, id, signature';

function storedByKey(rows: unknown[][], into = new Map<string, StoredListEntry>()): Map<string, StoredListEntry> {
  for (const row of rows) into.set(row[0] as string, { id: row[1] as number, signature: row[2] as string });
  return into;
}

/** The stored entries of these keys, by key (what ListWriter.write compares against). */
export function readStoredEntries(handle: Handle, keys: readonly string[]): Map<string, StoredListEntry> {
  const found = new Map<string, StoredListEntry>();
  for (let index = 0; index < keys.length; index += 500) {
    const group = keys.slice(index, index + 500);
    const sql = `SELECT ${STORED_COLUMNS} FROM appointment_list WHERE key IN (${group.map(() => '?').join(', ')}) /* raw */`;
    storedByKey(
      statement(handle, sql)
        .raw(true)
        .all(...group) as unknown[][],
      found,
    );
  }
  return found;
}

/** The stored entries whose keys are between `first` and `last` (one slice of a full recompute), by key. */
export function readStoredEntriesBetween(handle: Handle, first: string, last: string): Map<string, StoredListEntry> {
  const sql = `SELECT ${STORED_COLUMNS} FROM appointment_list WHERE key BETWEEN ? AND ? /* raw */`;
  return storedByKey(statement(handle, sql).raw(true).all(first, last) as unknown[][]);
}

/**
 * Rebuilds the search index into one segment, after a large write (about 0.3 s at 100,000 rows). Small writes are
 * left to FTS5's own automerge, which merges in proportion to what each write added: a row leaves the index by the
 * 'delete' command, so a removal does not look in every segment; an extra merge step after each refresh carried
 * large merges forward at every pass (about 4 ms of a pass at a million rows).
 */
export function optimizeSearchIndex(handle: WriteHandle): void {
  statement(handle, "INSERT INTO list_search (list_search) VALUES ('optimize')").run();
}

/** Whether the read model holds no row at all (never filled, or emptied for a rebuild). */
export function listIsEmpty(handle: Handle): boolean {
  return statement(handle, 'SELECT 1 FROM appointment_list LIMIT 1').get() === undefined;
}

/** FTS5's own defaults for merging the search index's segments as it grows (restored after a bulk fill). */
const SEARCH_MERGE_DEFAULTS = { automerge: 4, crisismerge: 16 };

function setSearchMerging(handle: WriteHandle, settings: { automerge: number; crisismerge: number }): void {
  // FTS5 takes these as integers: written into the SQL (they are ours), as a bound number would arrive as a real.
  for (const [name, value] of Object.entries(settings))
    handle.db.exec(`INSERT INTO list_search (list_search, rank) VALUES ('${name}', ${Math.trunc(value)})`);
}

/** The counts the triggers keep, counted once from the rows (after a bulk fill, which runs without the triggers). */
function recountKeptCounts(handle: WriteHandle): void {
  handle.db.exec(`
    DELETE FROM list_counts;
    INSERT INTO list_counts (live, kind, name, n)
      SELECT live, 'state', state, count(*) FROM appointment_list GROUP BY live, state
      UNION ALL SELECT live, 'code', code, count(*) FROM list_codes GROUP BY live, code;
    DELETE FROM list_held;
    INSERT INTO list_held (code, holder, n)
      SELECT code, holder, count(*) FROM list_codes WHERE live = 1 AND holder IS NOT NULL GROUP BY code, holder;
  `);
}

/**
 * Fills an empty read model in bulk: its secondary indexes and its triggers (each of which keeps a count) dropped, then
 * made again at the end, the counts counted once, and the search index's segments left unmerged until the one merge
 * (optimize) that follows a large write. SQLite builds an index by sorting, far faster than keeping eight indexes in
 * order one random insert at a time (at 1,000,000 rows their pages no longer fit the cache); one count by groups
 * replaces three trigger statements per row (about a tenth of a first fill); and merging segments as they come would
 * rewrite the same terms again and again. `fill` may only add rows. Call it inside the caller's transaction, so a crash
 * leaves the indexes, triggers and settings as they were. The indexes and triggers are read from the schema: the
 * migrations stay the one place that defines them.
 */
export function fillListInBulk<T>(handle: WriteHandle, fill: () => T): T {
  const parts = statement(
    handle,
    `SELECT type, name, sql FROM sqlite_master
     WHERE type IN ('index', 'trigger') AND tbl_name IN ('appointment_list', 'list_codes') AND sql IS NOT NULL`,
  ).all() as Array<{ type: 'index' | 'trigger'; name: string; sql: string }>;
  for (const part of parts) handle.db.exec(`DROP ${part.type.toUpperCase()} "${part.name}"`);
  setSearchMerging(handle, { automerge: 0, crisismerge: 2000 });
  const result = fill();
  setSearchMerging(handle, SEARCH_MERGE_DEFAULTS);
  for (const part of parts) handle.db.exec(part.sql);
  recountKeptCounts(handle);
  return result;
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

/** The rows whose verdict can read differently by a given instant with time alone: one range of their index. */
export const KEYS_DUE_SQL = 'SELECT key FROM appointment_list WHERE changes_at <= ?';

/** The keys of the rows whose verdict can read differently by `at` with time alone (their `changes_at` has come). */
export function listKeysDue(handle: Handle, at: string): string[] {
  return statement(handle, KEYS_DUE_SQL).pluck().all(at) as string[];
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
