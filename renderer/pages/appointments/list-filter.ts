import { EMPTY_APPOINTMENT_FILTER, type AppointmentFilter } from '../../../shared/contract';
import { STATE_LABELS, VERDICT_STATES } from '../../../shared/diagnosis/codes';

/** A filter from the address (links from the dashboard and the technicians page). */
export function filterFromQuery(query: URLSearchParams): AppointmentFilter {
  const states = query
    .getAll('state')
    .filter((state): state is AppointmentFilter['states'][number] =>
      (VERDICT_STATES as readonly string[]).includes(state),
    );
  return {
    ...EMPTY_APPOINTMENT_FILTER,
    states,
    codes: query.getAll('code'),
    technicians: query.getAll('technician'),
    companies: query.getAll('company'),
    deleted: query.get('deleted') === '1',
  };
}

/** Whether the filter narrows anything (the deleted list is a list of its own, not a narrowing). */
export function narrows(filter: AppointmentFilter): boolean {
  return JSON.stringify({ ...filter, deleted: false }) !== JSON.stringify(EMPTY_APPOINTMENT_FILTER);
}

/** Why the date range cannot be used, in words for the To field; null when it can. */
export function rangeProblem(filter: AppointmentFilter): string | null {
  if (filter.from && filter.to && filter.from > filter.to)
    return `To (${filter.to}) is before From (${filter.from}): pick a To on or after From, or clear one of them.`;
  return null;
}

/** The narrowings in words, for "no appointment matches …". */
export function describeFilter(
  filter: AppointmentFilter,
  names: { technician: (id: string) => string; company: (id: string) => string; code: (code: string) => string },
): string[] {
  const parts: string[] = [];
  if (filter.search.trim()) parts.push(`search "${filter.search.trim()}"`);
  if (filter.states.length > 0) parts.push(`state ${filter.states.map((state) => STATE_LABELS[state]).join(' or ')}`);
  for (const code of filter.codes) parts.push(`reason "${names.code(code)}"`);
  for (const company of filter.companies) parts.push(`company ${names.company(company)}`);
  for (const technician of filter.technicians) parts.push(`technician ${names.technician(technician)}`);
  if (filter.from) parts.push(`from ${filter.from}`);
  if (filter.to) parts.push(`to ${filter.to}`);
  return parts;
}
