import { statement, type ReadHandle } from '../handles';
import {
  fromListRow,
  LIST_COLUMNS,
  readListCounts,
  stateMarker,
  type ListEntry,
  type ListRowFromDb,
} from './appointment-list';

const VERDICT_STATE_NAMES = ['ok', 'waiting', 'needs-action', 'blocked'] as const;

/** Which rows of the read model a screen asks for. Dates are task dates, inclusive, as `YYYY-MM-DD`. */
export interface ListFilter {
  /** false: the appointments Schedule deleted after XOi made their job (the "Deleted" filter). */
  live: boolean;
  search: string;
  states: readonly string[];
  codes: readonly string[];
  companies: readonly string[];
  technicians: readonly string[];
  from: string | null;
  to: string | null;
}

export const LIST_SORTS = ['taskDate', 'key', 'state', 'technician', 'customer'] as const;
export interface ListSort {
  field: (typeof LIST_SORTS)[number];
  direction: 'asc' | 'desc';
}

/**
 * Each sort order is an index of appointment_list: (live, column, key, state). The key breaks ties in the same
 * direction as the column, so the index gives the order as it is, with no sort of the whole list.
 */
const SORT_COLUMNS: Record<ListSort['field'], string> = {
  taskDate: 'task_date',
  key: 'key',
  state: 'state_rank',
  technician: 'technician_name',
  customer: 'customer',
};

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/**
 * How a search's window is read, chosen from how many rows match (`total`) among the list's rows:
 * - `matches`: few matches (up to SEARCH_FIRST_LIMIT): they are read from the search index, looked up, then sorted;
 * - `probe`: a large share matches: the sort order's index is walked and each row's text checked as it comes, which
 *   stops at the window (at 1,000,000 rows, a search matching most of them needs a few hundred rows, not a set of all);
 * - `set`: in between: the matches are gathered into a set once, and the sort order's index walked against it.
 * Probing costs a row read per row stepped over, the set about a quarter of that per match: the probe is taken when
 * it steps over fewer rows than a quarter of the matches.
 */
export type SearchPath = 'matches' | 'set' | 'probe';
export const SEARCH_FIRST_LIMIT = 2_000;

export function searchPathFor(window: { offset: number; limit: number; total?: number }, listRows: number): SearchPath {
  const { total } = window;
  if (total === undefined) return 'set';
  if (total <= SEARCH_FIRST_LIMIT) return 'matches';
  const steppedOver = ((window.offset + window.limit) * listRows) / total;
  return steppedOver * 4 <= total ? 'probe' : 'set';
}

/**
 * The words of a search, lower-cased, without the Private Use Area characters the index keeps for its own markers:
 * three characters or more go through the trigram index, shorter ones are matched against the rows directly.
 */
function searchWords(search: string): { indexed: string[]; short: string[] } {
  const words = search
    .replace(/[\uE000-\uF8FF]/g, '')
    .trim()
    .toLowerCase()
    .split(/\s+/)
    .filter((word) => word !== '')
    .slice(0, 8);
  return {
    indexed: words.filter((word) => [...word].length >= 3),
    short: words.filter((word) => [...word].length < 3),
  };
}

const matchOf = (words: readonly string[]) => words.map((word) => `"${word.replace(/"/g, '""')}"`).join(' ');

/** A filter over appointment_list as SQL: what to read from, the WHERE clause, and its parameters (in order). */
export interface FilterSql {
  from: string;
  where: string;
  params: unknown[];
}

const BY_MATCHES = 'list_search CROSS JOIN appointment_list ON appointment_list.id = list_search.rowid';

/**
 * The SQL of a filter. `withStates: false` leaves the states out (the chips' counts); `search` says how the search is
 * read (SearchPath; the set when not given). Words under three characters are always checked row by row: the trigram
 * index cannot find them.
 */
export function filterSql(filter: ListFilter, options: { withStates: boolean; search?: SearchPath }): FilterSql {
  const clauses = ['live = ?'];
  const params: unknown[] = [filter.live ? 1 : 0];
  let from = 'appointment_list';
  const { indexed, short } = searchWords(filter.search);
  const path = options.search ?? 'set';
  if (indexed.length > 0 && path !== 'probe') {
    if (path === 'matches') {
      from = BY_MATCHES;
      clauses.push('list_search MATCH ?');
    } else {
      clauses.push('id IN (SELECT rowid FROM list_search WHERE list_search MATCH ?)');
    }
    params.push(matchOf(indexed));
  }
  for (const word of path === 'probe' ? [...indexed, ...short] : short) {
    clauses.push("appointment_list.search_text LIKE ? ESCAPE '\\'");
    params.push(`%${escapeLike(word)}%`);
  }
  const list = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (options.withStates) list('state', filter.states);
  if (filter.codes.length > 0) {
    clauses.push(
      `id IN (SELECT list_id FROM list_codes WHERE live = ? AND code IN (${filter.codes.map(() => '?').join(', ')}))`,
    );
    params.push(filter.live ? 1 : 0, ...filter.codes);
  }
  list('company', filter.companies);
  list('technician_id', filter.technicians);
  if (filter.from) {
    clauses.push('task_date >= ?');
    params.push(`${filter.from}T00:00:00`);
  }
  if (filter.to) {
    clauses.push('task_date < ?');
    params.push(`${dayAfter(filter.to)}T00:00:00`);
  }
  return { from, where: `WHERE ${clauses.join(' AND ')}`, params };
}

function dayAfter(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

/** Whether the filter narrows nothing but the states: then the kept counts answer, with no counting at all. */
function onlyStates(filter: ListFilter): boolean {
  return (
    filter.search.trim() === '' &&
    filter.codes.length === 0 &&
    filter.companies.length === 0 &&
    filter.technicians.length === 0 &&
    filter.from === null &&
    filter.to === null
  );
}

export function orderSql(sort: ListSort): string {
  const direction = sort.direction === 'asc' ? 'ASC' : 'DESC';
  return sort.field === 'key' ? `key ${direction}` : `${SORT_COLUMNS[sort.field]} ${direction}, key ${direction}`;
}

/** The SQL of the ids of one window, in order (limit and offset follow). */
export function windowIdsSql(
  filter: ListFilter,
  sort: ListSort,
  search: SearchPath = 'set',
): { sql: string; params: unknown[] } {
  const filtered = filterSql(filter, { withStates: true, search });
  return {
    sql: `SELECT appointment_list.id FROM ${filtered.from} ${filtered.where} ORDER BY ${orderSql(sort)} LIMIT ? OFFSET ?`,
    params: filtered.params,
  };
}

/** The SQL of one window: its ids first (from an index, or from the search's few matches), then only those rows. */
function windowSql(filter: ListFilter, sort: ListSort, search: SearchPath): { sql: string; params: unknown[] } {
  const ids = windowIdsSql(filter, sort, search);
  return {
    sql: `SELECT ${LIST_COLUMNS} FROM appointment_list WHERE id IN (${ids.sql}) ORDER BY ${orderSql(sort)}`,
    params: ids.params,
  };
}

/** The SQL that counts rows per state under a filter that narrows more than the states (matches first). */
export function countSql(filter: ListFilter): { sql: string; params: unknown[] } {
  const filtered = filterSql(filter, { withStates: false, search: 'matches' });
  return {
    sql: `SELECT state, count(*) AS n FROM ${filtered.from} ${filtered.where} GROUP BY state`,
    params: filtered.params,
  };
}

/**
 * One window of the filtered, sorted list: no row before the window is read. `total` (the rows under the filter, when
 * known) chooses how a search is read (searchPathFor); `search` forces a path (the tests compare them).
 */
export function readListWindow(
  handle: ReadHandle,
  filter: ListFilter,
  sort: ListSort,
  window: { offset: number; limit: number; total?: number; search?: SearchPath },
): ListEntry[] {
  const path =
    window.search ??
    (searchWords(filter.search).indexed.length > 0 ? searchPathFor(window, listRowCount(handle, filter.live)) : 'set');
  const { sql, params } = windowSql(filter, sort, path);
  return (statement(handle, sql).all(...params, window.limit, window.offset) as ListRowFromDb[]).map(fromListRow);
}

/** The rows of the list (live or deleted), from the kept counts. */
function listRowCount(handle: ReadHandle, live: boolean): number {
  return [...readListCounts(handle, live, 'state').values()].reduce((sum, n) => sum + n, 0);
}

/**
 * Rows per state under the filter (whatever states it selects): the kept counts when nothing else narrows it; the
 * search index alone (its state markers) when only a search does; otherwise the matching rows, counted.
 */
export function countListByState(handle: ReadHandle, filter: ListFilter): Map<string, number> {
  if (onlyStates(filter)) return readListCounts(handle, filter.live, 'state');
  const words = searchWords(filter.search);
  if (words.indexed.length > 0 && words.short.length === 0 && onlyStates({ ...filter, search: '' })) {
    const count = statement(handle, 'SELECT count(*) AS n FROM list_search WHERE list_search MATCH ?');
    return new Map(
      VERDICT_STATE_NAMES.map((state) => {
        const marker = `"${stateMarker(filter.live, state)}"`;
        return [state, (count.get(`${matchOf(words.indexed)} ${marker}`) as { n: number }).n];
      }),
    );
  }
  const { sql, params } = countSql(filter);
  const rows = statement(handle, sql).all(...params) as Array<{ state: string; n: number }>;
  return new Map(rows.map((row) => [row.state, row.n]));
}

/**
 * How quick counts are had. Up to `exactUpTo` rows matching a search's words they are exact (10 ms at most); above
 * it they are estimated from a sample, so their cost does not grow with the list (exact counts cost in proportion to
 * the matches: some 50 ms for a search matching a quarter of 1,000,000 rows). The sample is `stretches` stretches of
 * `stretchIds` row ids, spread evenly over the list (rows come in runs of keys): 16,384 rows, read in about 3 ms. At
 * 1,000,000 rows the least share estimated is 0.5%, some 80 matches in the sample, an error of about 11%; at a
 * share of 5% or more, under 4%.
 */
export const QUICK_COUNTS = { exactUpTo: 5_000, stretches: 64, stretchIds: 256 };

/** Rows per state under the filter, and whether they were estimated. */
export interface StateCounts {
  byState: Map<string, number>;
  estimated: boolean;
}

/**
 * Rows per state under the filter: exact, unless a search matches more than `exactUpTo` rows. Then they are
 * estimated: the rows under the filter in evenly spread stretches of row ids, checked one by one, scaled to the list.
 */
export function countListByStateQuickly(
  handle: ReadHandle,
  filter: ListFilter,
  limits: typeof QUICK_COUNTS = QUICK_COUNTS,
): StateCounts {
  const { exactUpTo, stretches, stretchIds } = limits;
  const exact = () => ({ byState: countListByState(handle, filter), estimated: false });
  const words = searchWords(filter.search);
  if (words.indexed.length === 0) return exact();
  // Counting stops at the limit: the index is read lazily, so this costs at most that many matches.
  const { n: matches } = statement(
    handle,
    'SELECT count(*) AS n FROM (SELECT 1 FROM list_search WHERE list_search MATCH ? LIMIT ?)',
  ).get(matchOf(words.indexed), exactUpTo + 1) as { n: number };
  if (matches <= exactUpTo) return exact();
  // Two subqueries: each is one step down the table's tree, where min and max together would read every row.
  const ids = statement(
    handle,
    'SELECT (SELECT min(id) FROM appointment_list) AS low, (SELECT max(id) FROM appointment_list) AS high',
  ).get() as {
    low: number;
    high: number;
  };
  const span = ids.high - ids.low + 1;
  if (span <= 2 * stretches * stretchIds) return exact();
  const filtered = filterSql(filter, { withStates: false, search: 'probe' });
  // NOT INDEXED: read the stretch by its ids, never through an index on the other columns.
  const inStretch = statement(
    handle,
    `SELECT state, count(*) AS n FROM appointment_list NOT INDEXED ${filtered.where} AND id BETWEEN ? AND ? GROUP BY state`,
  );
  const sampled = new Map<string, number>();
  for (let index = 0; index < stretches; index++) {
    const first = ids.low + Math.floor((index * span) / stretches);
    const rows = inStretch.all(...filtered.params, first, first + stretchIds - 1) as Array<{
      state: string;
      n: number;
    }>;
    for (const row of rows) sampled.set(row.state, (sampled.get(row.state) ?? 0) + row.n);
  }
  const scale = span / (stretches * stretchIds);
  return { byState: new Map([...sampled].map(([state, n]) => [state, Math.round(n * scale)])), estimated: true };
}

/** Every row under the filter, in the sort's order (the CSV and Excel exports). */
export function* iterateList(handle: ReadHandle, filter: ListFilter, sort: ListSort): IterableIterator<ListEntry> {
  const filtered = filterSql(filter, { withStates: true });
  for (const row of statement(
    handle,
    `SELECT ${LIST_COLUMNS} FROM ${filtered.from} ${filtered.where} ORDER BY ${orderSql(sort)}`,
  ).iterate(...filtered.params) as IterableIterator<ListRowFromDb>)
    yield fromListRow(row);
}
