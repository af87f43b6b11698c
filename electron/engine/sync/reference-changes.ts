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
type ListState = Map<string, string>;

const byId = <T>(items: readonly T[], id: (item: T) => string): ListState =>
  new Map(items.map((item) => [id(item), JSON.stringify(item)]));

function changedIds(before: ListState, after: ListState): string[] {
  const ids = new Set<string>();
  for (const [id, value] of before) if (after.get(id) !== value) ids.add(id);
  for (const id of after.keys()) if (!before.has(id)) ids.add(id);
  return [...ids].sort();
}

/** Replaces one list and says which of its ids changed, from what the table held before and holds after. */
function replaceTracked(read: () => ListState, replace: () => void): string[] {
  const before = read();
  replace();
  return changedIds(before, read());
}

/**
 * Replaces the lists the server sent and says what changed in them. A list the server answered "unchanged" is neither
 * read nor written: at a million appointments, reading two thousand technicians before and after every pass was a
 * third of a quiet pass's own work. Call inside the transaction that stores the lists' new versions.
 */
export function replaceReferenceLists(store: WriteHandle, sent: SentReferenceLists): ReferenceChanges {
  const { companies, technicians, statuses } = sent;
  return {
    companies: companies
      ? replaceTracked(
          () => byId(readCompanies(store), (company) => company.id),
          () => replaceCompanies(store, companies),
        )
      : [],
    technicians: technicians
      ? replaceTracked(
          () => byId(readTechnicians(store), (technician) => technician.id),
          () => replaceTechnicians(store, technicians),
        )
      : [],
    statuses: statuses
      ? replaceTracked(
          () => byId(readStatuses(store), (status) => status.name),
          () => replaceStatuses(store, statuses),
        ).length > 0
      : false,
  };
}
