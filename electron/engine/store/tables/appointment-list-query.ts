import { statement, type ReadHandle } from '../handles';
import { fromListRow, LIST_COLUMNS, readListCounts, type ListEntry, type ListRowFromDb } from './appointment-list';

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

/** The WHERE clause of a filter over appointment_list, with its parameters; `withStates: false` leaves the states out. */
export function filterSql(filter: ListFilter, options: { withStates: boolean }): { where: string; params: unknown[] } {
  const clauses = ['live = ?'];
  const params: unknown[] = [filter.live ? 1 : 0];
  const search = filter.search.trim().toLowerCase();
  if (search !== '') {
    const words = search.split(/\s+/).slice(0, 8);
    // Words of three characters or more go through the trigram index; shorter ones are matched directly.
    const indexed = words.filter((word) => [...word].length >= 3);
    if (indexed.length > 0) {
      clauses.push('id IN (SELECT rowid FROM list_search WHERE list_search MATCH ?)');
      params.push(indexed.map((word) => `"${word.replace(/"/g, '""')}"`).join(' '));
    }
    for (const word of words.filter((candidate) => [...candidate].length < 3)) {
      clauses.push("search_text LIKE ? ESCAPE '\\'");
      params.push(`%${escapeLike(word)}%`);
    }
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
  return { where: `WHERE ${clauses.join(' AND ')}`, params };
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

/** The SQL of the ids of one window, in order, read from the sort order's index (limit and offset follow). */
export function windowIdsSql(filter: ListFilter, sort: ListSort): { sql: string; params: unknown[] } {
  const filtered = filterSql(filter, { withStates: true });
  return {
    sql: `SELECT id FROM appointment_list ${filtered.where} ORDER BY ${orderSql(sort)} LIMIT ? OFFSET ?`,
    params: filtered.params,
  };
}

/** The SQL of one window: its ids from the index, then only those rows (sorted again: a hundred at most). */
function windowSql(filter: ListFilter, sort: ListSort): { sql: string; params: unknown[] } {
  const ids = windowIdsSql(filter, sort);
  return {
    sql: `SELECT ${LIST_COLUMNS} FROM appointment_list WHERE id IN (${ids.sql}) ORDER BY ${orderSql(sort)}`,
    params: ids.params,
  };
}

/** The SQL that counts rows per state under a filter that narrows more than the states. */
export function countSql(filter: ListFilter): { sql: string; params: unknown[] } {
  const filtered = filterSql(filter, { withStates: false });
  return {
    sql: `SELECT state, count(*) AS n FROM appointment_list ${filtered.where} GROUP BY state`,
    params: filtered.params,
  };
}

/** One window of the filtered, sorted list: no row before the window is read, only index entries. */
export function readListWindow(
  handle: ReadHandle,
  filter: ListFilter,
  sort: ListSort,
  offset: number,
  limit: number,
): ListEntry[] {
  const { sql, params } = windowSql(filter, sort);
  return (statement(handle, sql).all(...params, limit, offset) as ListRowFromDb[]).map(fromListRow);
}

/** Rows per state under the filter (whatever states it selects): kept counts when nothing else narrows it. */
export function countListByState(handle: ReadHandle, filter: ListFilter): Map<string, number> {
  if (onlyStates(filter)) return readListCounts(handle, filter.live, 'state');
  const { sql, params } = countSql(filter);
  const rows = statement(handle, sql).all(...params) as Array<{ state: string; n: number }>;
  return new Map(rows.map((row) => [row.state, row.n]));
}

/** Every row under the filter, in the sort's order (the CSV and Excel exports). */
export function* iterateList(handle: ReadHandle, filter: ListFilter, sort: ListSort): IterableIterator<ListEntry> {
  const filtered = filterSql(filter, { withStates: true });
  for (const row of statement(
    handle,
    `SELECT ${LIST_COLUMNS} FROM appointment_list ${filtered.where} ORDER BY ${orderSql(sort)}`,
  ).iterate(...filtered.params) as IterableIterator<ListRowFromDb>)
    yield fromListRow(row);
}
