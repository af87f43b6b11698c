import type { DiagnosisContext } from '../../../shared/diagnosis/context';
import { STATE_RANK } from '../../../shared/diagnosis/codes';
import { diagnoseDeleted } from '../../../shared/diagnosis/deleted';
import { notesMask } from '../../../shared/diagnosis/diagnose';
import type { AppointmentFacts, NoteFacts, VerdictHeadline } from '../../../shared/diagnosis/types';
import type { ListEntry } from '../store/tables/appointment-list';
import type { DeletedAppointment } from '../store/tables/deleted-appointments';

function technicianNameOf(id: string | null, context: DiagnosisContext): string | null {
  return id ? (context.technicians.get(id)?.name ?? null) : null;
}

/** What the search box finds a row by: its key, customer, technician's name and id, lower-cased. */
function searchTextOf(key: string, customer: string, technicianName: string | null, technicianId: string | null) {
  return `${key} ${customer} ${technicianName ?? ''} ${technicianId ?? ''}`.toLowerCase();
}

/** The list row of a mirrored appointment and its verdict. */
export function liveEntry(
  appointment: AppointmentFacts,
  notes: readonly NoteFacts[],
  verdict: VerdictHeadline & { changesAt: string | null },
  context: DiagnosisContext,
): ListEntry {
  const { mask, transcripts } = notesMask(notes);
  const technicianName = technicianNameOf(appointment.technician, context);
  return {
    key: appointment.key,
    live: true,
    company: appointment.company,
    serviceCall: appointment.serviceCall,
    appointment: appointment.appointment,
    customer: appointment.customer,
    status: appointment.status,
    technicianId: appointment.technician,
    technicianName,
    taskDate: appointment.taskDate,
    completedAt: appointment.completedAt,
    state: verdict.state,
    stateRank: STATE_RANK[verdict.state],
    codes: verdict.codes,
    summary: verdict.summary,
    notesMask: mask,
    transcripts,
    deletedAt: null,
    jobId: null,
    searchText: searchTextOf(appointment.key, appointment.customer, technicianName, appointment.technician),
    changesAt: verdict.changesAt,
  };
}

/** The list row of an appointment Schedule deleted after XOi made its job (shown under "Deleted"). */
export function deletedEntry(deleted: DeletedAppointment, context: DiagnosisContext): ListEntry {
  const verdict = diagnoseDeleted(deleted);
  const technicianName = technicianNameOf(deleted.technicianId, context);
  return {
    key: deleted.key,
    live: false,
    company: deleted.company,
    serviceCall: deleted.serviceCall,
    appointment: deleted.appointment,
    customer: deleted.customer,
    status: deleted.status,
    technicianId: deleted.technicianId,
    technicianName,
    taskDate: deleted.taskDate,
    completedAt: deleted.completedAt,
    state: verdict.state,
    stateRank: STATE_RANK[verdict.state],
    codes: verdict.codes,
    summary: verdict.summary,
    notesMask: deleted.notesMask,
    transcripts: deleted.transcripts,
    deletedAt: deleted.deletedAt,
    jobId: deleted.jobId,
    searchText: searchTextOf(deleted.key, deleted.customer, technicianName, deleted.technicianId),
    // A tombstone's verdict does not change with time; it leaves the list when it is older than the days kept.
    changesAt: null,
  };
}
