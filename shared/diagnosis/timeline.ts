import { isXoiNoteName } from '../domain/notes';
import type { ActivityFacts, AppointmentFacts, HistoryFacts, NoteFacts, TechnicianFacts } from './types';

export interface TimelineEntry {
  at: string;
  kind: 'created' | 'history' | 'note' | 'device-sync' | 'xoi-poll' | 'now';
  title: string;
  detail: string;
}

function describeChange(
  previous: HistoryFacts | undefined,
  row: HistoryFacts,
  technicianName: (id: string | null) => string,
): { title: string; detail: string } {
  if (row.action === 'Insert')
    return {
      title: 'Appointment created',
      detail: `Status ${row.status}${row.technician ? `, assigned to ${technicianName(row.technician)}` : ', unassigned'}`,
    };
  if (row.action === 'Delete') return { title: 'Appointment deleted', detail: `Status ${row.status}` };
  const changes: string[] = [];
  if (previous?.technician !== row.technician)
    changes.push(row.technician ? `assigned to ${technicianName(row.technician)}` : 'unassigned');
  if (previous?.status !== row.status) changes.push(`status ${previous ? `${previous.status} → ` : ''}${row.status}`);
  if (previous?.taskDate !== row.taskDate) changes.push(row.taskDate ? 'task date set' : 'task date cleared');
  if (!previous?.completedAt && row.completedAt) changes.push('completed');
  const title =
    !previous?.completedAt && row.completedAt
      ? 'Completed'
      : previous?.technician !== row.technician
        ? row.technician
          ? 'Assigned'
          : 'Unassigned'
        : 'Updated';
  return { title, detail: changes.length > 0 ? changes.join('; ') : 'no change to the fields XOi reads' };
}

/** The appointment's history rows as timeline entries, oldest first. */
export function historyTimeline(
  rows: readonly HistoryFacts[],
  technicianName: (id: string | null) => string,
  createdIn: string | null,
): TimelineEntry[] {
  const history = [...rows].sort((a, b) => a.modifiedAt.localeCompare(b.modifiedAt));
  return history.map((row, index) => {
    const change = describeChange(history[index - 1], row, technicianName);
    return {
      at: row.modifiedAt,
      kind: 'history',
      title: change.title,
      detail: `${change.detail}${row.action === 'Insert' && createdIn ? ` (in ${createdIn})` : ''}`,
    };
  });
}

/** Everything that happened to an appointment, in time order: the raw material of "why". */
export function buildTimeline(input: {
  appointment: AppointmentFacts;
  notes: readonly NoteFacts[];
  history: readonly HistoryFacts[];
  technician: TechnicianFacts | undefined;
  technicianName: (id: string | null) => string;
  activity: ActivityFacts | null;
  now: number;
}): TimelineEntry[] {
  const entries: TimelineEntry[] = [];
  if (!input.history.some((row) => row.action === 'Insert')) {
    entries.push({
      at: input.appointment.createdAt,
      kind: 'created',
      title: 'Appointment created',
      detail: `in ${input.appointment.createdIn}`,
    });
  }
  entries.push(...historyTimeline(input.history, input.technicianName, input.appointment.createdIn));
  for (const note of input.notes) {
    if (!isXoiNoteName(note.name)) continue;
    entries.push(
      note.readOnly
        ? { at: note.createdAt, kind: 'note', title: `${note.name} arrived`, detail: 'written by XOi' }
        : {
            at: note.createdAt,
            kind: 'note',
            title: `A note named "${note.name}"`,
            detail: "typed by a person (not read-only): not XOi's",
          },
    );
  }
  if (input.technician?.lastDeviceSyncAt) {
    entries.push({
      at: input.technician.lastDeviceSyncAt,
      kind: 'device-sync',
      title: "Technician's device synced (latest)",
      detail: `${input.technician.name}'s MobileTech device`,
    });
  }
  if (input.activity?.lastCallAt) {
    entries.push({
      at: input.activity.lastCallAt,
      kind: 'xoi-poll',
      title: "XOi's latest call to Schedule",
      detail: input.activity.lastCallResult === 'auth-failed' ? 'rejected: wrong password' : 'accepted',
    });
  }
  entries.push({
    at: new Date(input.now).toISOString(),
    kind: 'now',
    title: 'Diagnosed',
    detail: 'the time of this diagnosis',
  });
  return entries.sort((a, b) => a.at.localeCompare(b.at));
}
