import type { WriteHandle } from '../store/handles';
import { readCompanies, readStatuses, readTechnicians } from '../store/tables/reference-lists';

/** Which reference data a pass changed: what decides whose verdicts must be refreshed. */
export interface ReferenceChanges {
  /** Companies added, removed or changed (their appointments' verdicts change). */
  companies: string[];
  /** Technicians added, removed or changed, a device sync included. */
  technicians: string[];
  /** Whether any status or its category changed (every verdict may change). */
  statuses: boolean;
}

export interface ReferenceState {
  companies: Map<string, string>;
  technicians: Map<string, string>;
  statuses: string;
}

export function readReferenceState(store: WriteHandle): ReferenceState {
  return {
    companies: new Map(readCompanies(store).map((company) => [company.id, JSON.stringify(company)])),
    technicians: new Map(readTechnicians(store).map((technician) => [technician.id, JSON.stringify(technician)])),
    statuses: JSON.stringify(readStatuses(store)),
  };
}

function changedIds(before: Map<string, string>, after: Map<string, string>): string[] {
  const ids = new Set<string>();
  for (const [id, value] of before) if (after.get(id) !== value) ids.add(id);
  for (const id of after.keys()) if (!before.has(id)) ids.add(id);
  return [...ids].sort();
}

export function referenceChanges(before: ReferenceState, after: ReferenceState): ReferenceChanges {
  return {
    companies: changedIds(before.companies, after.companies),
    technicians: changedIds(before.technicians, after.technicians),
    statuses: before.statuses !== after.statuses,
  };
}
