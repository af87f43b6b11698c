import type { AppointmentFilter } from '../../../shared/contract/appointments';
import { ConsoleError } from '../../../shared/errors';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(field: 'from' | 'to', value: string): string {
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new ConsoleError(
      'INVALID_ARGUMENT',
      `${field}: expected a date like 2026-03-02, not "${value.slice(0, 40)}".`,
      'Pick the date again.',
    );
  }
  return value;
}

export function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (char) => `\\${char}`);
}

/** The WHERE clause of an appointment list (alias a = appointments, v = verdicts), with its parameters. */
export function buildFilterSql(
  filter: AppointmentFilter,
  options: { includeStates: boolean } = { includeStates: true },
): { where: string; params: unknown[] } {
  const clauses: string[] = [];
  const params: unknown[] = [];
  const search = filter.search.trim().toLowerCase();
  if (search !== '') {
    const words = search.split(/\s+/).slice(0, 8);
    // Words of three characters or more go through the trigram index; shorter ones are matched directly.
    const indexed = words.filter((word) => [...word].length >= 3);
    if (indexed.length > 0) {
      clauses.push('v.rowid IN (SELECT rowid FROM verdict_search WHERE verdict_search MATCH ?)');
      params.push(indexed.map((word) => `"${word.replace(/"/g, '""')}"`).join(' '));
    }
    for (const word of words.filter((candidate) => [...candidate].length < 3)) {
      clauses.push("v.search_text LIKE ? ESCAPE '\\'");
      params.push(`%${escapeLike(word)}%`);
    }
  }
  const list = (column: string, values: readonly string[]) => {
    if (values.length === 0) return;
    clauses.push(`${column} IN (${values.map(() => '?').join(', ')})`);
    params.push(...values);
  };
  if (options.includeStates) list('v.state', filter.states);
  if (filter.codes.length > 0) {
    clauses.push(
      `a.key IN (SELECT appointment_key FROM verdict_codes WHERE code IN (${filter.codes.map(() => '?').join(', ')}))`,
    );
    params.push(...filter.codes);
  }
  list('a.company', filter.companies);
  list('a.technician_id', filter.technicians);
  if (filter.from) {
    clauses.push('a.task_date >= ?');
    params.push(`${checkDate('from', filter.from)}T00:00:00`);
  }
  if (filter.to) {
    const end = new Date(Date.parse(`${checkDate('to', filter.to)}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    clauses.push('a.task_date < ?');
    params.push(`${end}T00:00:00`);
  }
  return { where: clauses.length > 0 ? `WHERE ${clauses.join(' AND ')}` : '', params };
}
