import { isEligibleForXoi } from '../domain/eligibility';
import type { StatusCategory } from '../domain/statuses';
import type { AppointmentFacts, HistoryFacts } from './types';

/** History rows in time order, as the two functions below read them (sorted once per appointment). */
export function historyInOrder(history: readonly HistoryFacts[]): readonly HistoryFacts[] {
  // Usually already in order (the mirror keeps rows as they came): then no copy is made.
  const inOrder = history.every(
    (row, index) => index === 0 || (history[index - 1] as HistoryFacts).modifiedAt <= row.modifiedAt,
  );
  return inOrder
    ? history
    : [...history].sort((a, b) => (a.modifiedAt < b.modifiedAt ? -1 : a.modifiedAt > b.modifiedAt ? 1 : 0));
}

/**
 * When the appointment last became eligible for XOi (scheduled and assigned, or completed), read from its history
 * (in time order); falls back to its last modification when the history does not show it.
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
  for (const row of history) {
    const eligible =
      row.action !== 'Delete' &&
      isEligibleForXoi({ category: categoryOf(row.status), technicianId: row.technician, taskDate: row.taskDate });
    if (eligible && !wasEligible) since = row.modifiedAt;
    wasEligible = eligible;
  }
  return wasEligible && since !== null ? since : appointment.modifiedAt;
}

/** The technician at a given time, from the history (in time order): the last row at or before it; unknown when none. */
export function technicianAt(
  history: readonly HistoryFacts[],
  at: string,
): { known: boolean; technician: string | null } {
  let result: { known: boolean; technician: string | null } = { known: false, technician: null };
  for (const row of history) {
    if (row.modifiedAt > at) break;
    result = { known: true, technician: row.technician };
  }
  return result;
}
