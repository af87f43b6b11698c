import type { AppointmentFilter } from '../../../shared/contract/appointments';
import { ConsoleError } from '../../../shared/errors';
import type { ListFilter } from '../store/tables/appointment-list-query';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(field: 'from' | 'to', value: string | null): string | null {
  if (value === null || value === '') return null;
  if (!DATE.test(value) || Number.isNaN(Date.parse(`${value}T00:00:00Z`))) {
    throw new ConsoleError(
      'INVALID_ARGUMENT',
      `${field}: expected a date like 2026-03-02, not "${value.slice(0, 40)}".`,
      'Pick the date again.',
    );
  }
  return value;
}

/** The screens' filter, checked, as the read model's query takes it. A From after To is refused, not read as empty. */
export function listFilterFrom(filter: AppointmentFilter): ListFilter {
  const from = checkDate('from', filter.from);
  const to = checkDate('to', filter.to);
  if (from !== null && to !== null && from > to) {
    throw new ConsoleError(
      'INVALID_ARGUMENT',
      `from: ${from} is after to (${to}); the first day must come first.`,
      'Swap the dates, or clear one of them.',
    );
  }
  return {
    live: !filter.deleted,
    search: filter.search,
    states: filter.states,
    codes: filter.codes,
    companies: filter.companies,
    technicians: filter.technicians,
    from,
    to,
  };
}
