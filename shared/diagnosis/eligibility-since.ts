import { isEligibleForXoi } from '../domain/eligibility';
import type { StatusCategory } from '../domain/statuses';
import type { AppointmentFacts, HistoryFacts } from './types';

/**
 * When the appointment last became eligible for XOi (scheduled and assigned, or completed), read from its history;
 * falls back to its last modification when the history does not show it.
 */
export function eligibleSince(
  appointment: AppointmentFacts,
  history: readonly HistoryFacts[],
  categoryOf: (status: string) => StatusCategory | null,
): string | null {
  const currentlyEligible = isEligibleForXoi({
    category: categoryOf(appointment.status),
    technicianId: appointment.technician,
    taskDate: appointment.taskDate,
  });
  if (!currentlyEligible) return null;
  let since: string | null = null;
  let wasEligible = false;
  const rows = [...history].sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt));
  for (const row of rows) {
    const eligible =
      row.action !== 'Delete' &&
      isEligibleForXoi({ category: categoryOf(row.status), technicianId: row.technician, taskDate: row.taskDate });
    if (eligible && !wasEligible) since = row.modifiedAt;
    wasEligible = eligible;
  }
  return wasEligible && since !== null ? since : appointment.modifiedAt;
}

/** The technician at a given time, from the history (the first row at or before it), or null when unknown. */
export function technicianAt(
  history: readonly HistoryFacts[],
  at: string,
): { known: boolean; technician: string | null } {
  let result: { known: boolean; technician: string | null } = { known: false, technician: null };
  for (const row of [...history].sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt))) {
    if (row.modifiedAt > at) break;
    result = { known: true, technician: row.technician };
  }
  return result;
}
