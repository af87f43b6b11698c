import type { AppointmentDetail } from '../../../shared/contract/appointments';
import { ConsoleError } from '../../../shared/errors';
import { buildTimeline, historyTimeline } from '../../../shared/diagnosis/timeline';
import type { DiagnosisContext } from '../../../shared/diagnosis/context';
import { checkExternalUrl } from '../../../shared/links/external-url';
import { jobIdFromNote, visionViewLink } from '../../../shared/links/deep-link';
import { diagnoseOne, type OneDiagnosis } from '../diagnosis/diagnose-one';
import { deletedEntry, liveEntry } from '../diagnosis/list-entries';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { ReadHandle } from '../store/handles';
import { readListEntry } from '../store/tables/appointment-list';
import { toAppointmentRow } from './appointment-list';

const technicianNamer = (context: DiagnosisContext) => (id: string | null) =>
  id ? (context.technicians.get(id)?.name ?? id) : 'nobody';

function notFound(key: string): ConsoleError {
  return new ConsoleError(
    'APPOINTMENT_NOT_FOUND',
    `There is no appointment ${key} in the mirror.`,
    'Check the company, service call and appointment, or sync now if it was created moments ago.',
  );
}

function timelineOf(diagnosis: OneDiagnosis, now: number): AppointmentDetail['timeline'] {
  const { context } = diagnosis;
  if (diagnosis.kind === 'mirrored') {
    const { appointment, notes, history } = diagnosis;
    const technician = appointment.technician ? context.technicians.get(appointment.technician) : undefined;
    return buildTimeline({
      appointment,
      notes,
      history,
      technician,
      technicianName: technicianNamer(context),
      activity: context.activity,
      now,
    });
  }
  const { deleted } = diagnosis;
  return [
    ...historyTimeline(diagnosis.history, technicianNamer(context), null),
    {
      at: deleted.jobMadeAt,
      kind: 'note' as const,
      title: 'XOi made its Vision job',
      detail: 'its first job note arrived',
    },
    { at: deleted.deletedAt, kind: 'history' as const, title: 'Deleted in Schedule', detail: 'the mirror saw it go' },
    { at: new Date(now).toISOString(), kind: 'now' as const, title: 'Diagnosed', detail: 'the time of this diagnosis' },
  ].sort((a, b) => a.at.localeCompare(b.at));
}

/** One appointment, diagnosed now: verdict, timeline, notes (as text), deep link. */
export function appointmentDetail(
  handle: ReadHandle,
  key: string,
  now: number,
  settings: VerdictSettings,
  trustedHosts: readonly string[],
): AppointmentDetail {
  const diagnosis = diagnoseOne(handle, key, now, settings);
  if (!diagnosis) throw notFound(key);
  const { context, verdict } = diagnosis;
  // Before the first recompute has written the list row, the row is made from this diagnosis (shown, never stored).
  const entry =
    readListEntry(handle, key) ??
    (diagnosis.kind === 'mirrored'
      ? liveEntry(diagnosis.appointment, diagnosis.notes, { ...verdict, changesAt: null }, context)
      : deletedEntry(diagnosis.deleted, context));
  const notes = diagnosis.kind === 'mirrored' ? diagnosis.notes : [];
  const technicianId =
    diagnosis.kind === 'mirrored' ? diagnosis.appointment.technician : diagnosis.deleted.technicianId;
  const technician = technicianId ? context.technicians.get(technicianId) : undefined;
  const jobId =
    diagnosis.kind === 'deleted'
      ? diagnosis.deleted.jobId
      : (notes.map((note) => jobIdFromNote(note.url) ?? jobIdFromNote(note.text)).find((id) => id !== null) ?? null);
  const appointment = diagnosis.kind === 'mirrored' ? diagnosis.appointment : null;
  const companyId = appointment?.company ?? entry.company;
  return {
    row: { ...toAppointmentRow(entry), state: verdict.state, codes: verdict.codes, summary: verdict.summary },
    estimatedHours: appointment?.estimatedHours ?? null,
    createdIn: appointment?.createdIn ?? 'unknown (deleted)',
    createdAt: appointment?.createdAt ?? diagnosis.history[0]?.modifiedAt ?? entry.deletedAt ?? '',
    modifiedAt: appointment?.modifiedAt ?? entry.deletedAt ?? '',
    companyName: context.companies.get(companyId)?.name ?? null,
    technician: technician
      ? {
          id: technician.id,
          name: technician.name,
          email: technician.email,
          lastDeviceSyncAt: technician.lastDeviceSyncAt,
        }
      : null,
    verdict,
    timeline: timelineOf(diagnosis, now),
    notes: notes.map((note) => ({
      id: note.id,
      name: note.name,
      text: note.text,
      url: note.url,
      urlOpenable: note.url !== null && checkExternalUrl(note.url, trustedHosts).ok,
      internal: note.internal,
      readOnly: note.readOnly,
      createdAt: note.createdAt,
      author: note.author,
    })),
    deepLink: jobId ? visionViewLink({ jobId }) : null,
    jobId,
    diagnosedAt: new Date(now).toISOString(),
  };
}
