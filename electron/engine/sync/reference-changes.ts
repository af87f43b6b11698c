import type { CompanyRecord, StatusRecord, TechnicianRecord } from '../store/records';
import type { WriteHandle } from '../store/handles';
import {
  readCompanies,
  readStatuses,
  readTechnicians,
  replaceCompanies,
  replaceStatuses,
  replaceTechnicians,
} from '../store/tables/reference-lists';

/** Which reference data a pass changed: what decides whose verdicts must be refreshed. */
export interface ReferenceChanges {
  /** Companies added, removed or changed (their appointments' verdicts change). */
  companies: string[];
  /** Technicians added, removed or changed, a device sync included. */
  technicians: string[];
  /** Whether any status or its category changed (every verdict may change). */
  statuses: boolean;
}

/** The reference lists the server sent in full; null for a list it answered "unchanged" (304) to. */
export interface SentReferenceLists {
  companies: readonly CompanyRecord[] | null;
  technicians: readonly TechnicianRecord[] | null;
  statuses: readonly StatusRecord[] | null;
}

/** Each item of a list by its id, as text to compare. */
const byId = <T>(items: readonly T[], id: (item: T) => string): Map<string, string> =>
  new Map(items.map((item) => [id(item), JSON.stringify(item)]));

function changedIds(before: Map<string, string>, after: Map<string, string>): string[] {
  const ids = new Set<string>();
  for (const [id, value] of before) if (after.get(id) !== value) ids.add(id);
  for (const id of after.keys()) if (!before.has(id)) ids.add(id);
  return [...ids].sort();
}

/**
 * Replaces one list with what the server sent and says which of its ids changed, from what the table held before and
 * holds after. A list the server did not send (null) is neither read nor written, and nothing in it changed.
 */
function replaceTracked<T>(
  sent: readonly T[] | null,
  list: { read: () => readonly T[]; replace: (items: readonly T[]) => void; id: (item: T) => string },
): string[] {
  if (!sent) return [];
  const before = byId(list.read(), list.id);
  list.replace(sent);
  return changedIds(before, byId(list.read(), list.id));
}

/**
 * Replaces the lists the server sent and says what changed in them. A list the server answered "unchanged" is neither
 * read nor written: at a million appointments, reading two thousand technicians before and after every pass was a
 * third of a quiet pass's own work. Call inside the transaction that stores the lists' new versions.
 */
export function replaceReferenceLists(store: WriteHandle, sent: SentReferenceLists): ReferenceChanges {
  return {
    companies: replaceTracked(sent.companies, {
      read: () => readCompanies(store),
      replace: (items) => replaceCompanies(store, items),
      id: (company) => company.id,
    }),
    technicians: replaceTracked(sent.technicians, {
      read: () => readTechnicians(store),
      replace: (items) => replaceTechnicians(store, items),
      id: (technician) => technician.id,
    }),
    statuses:
      replaceTracked(sent.statuses, {
        read: () => readStatuses(store),
        replace: (items) => replaceStatuses(store, items),
        id: (status) => status.name,
      }).length > 0,
  };
}
