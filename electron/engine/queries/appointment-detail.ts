import type { AppointmentDetail } from '../../../shared/contract/appointments';
import { ConsoleError } from '../../../shared/errors';
import { diagnoseAppointment } from '../../../shared/diagnosis/diagnose';
import { buildTimeline } from '../../../shared/diagnosis/timeline';
import { checkExternalUrl } from '../../../shared/links/external-url';
import { jobIdFromNote, visionViewLink } from '../../../shared/links/deep-link';
import { buildContextForOne } from '../diagnosis/load-facts';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { ReadHandle } from '../store/handles';
import { readAppointment } from '../store/tables/appointments';
import { readHistoryOf } from '../store/tables/history';
import { readNotesOf } from '../store/tables/notes';
import { readAppointmentRow } from './appointment-list';

/** One appointment, diagnosed now: verdict, timeline, notes (as text), deep link. */
export function appointmentDetail(
  handle: ReadHandle,
  key: string,
  now: number,
  settings: VerdictSettings,
  trustedHosts: readonly string[],
): AppointmentDetail {
  const appointment = readAppointment(handle, key);
  const row = readAppointmentRow(handle, key);
  if (!appointment || !row) {
    throw new ConsoleError(
      'APPOINTMENT_NOT_FOUND',
      `There is no appointment ${key} in the mirror.`,
      'Check the company, service call and appointment, or sync now if it was created moments ago.',
    );
  }
  const notes = readNotesOf(handle, key);
  const history = readHistoryOf(handle, key);
  const context = buildContextForOne(handle, appointment.technician, now, settings);
  const technician = appointment.technician ? context.technicians.get(appointment.technician) : undefined;
  const verdict = diagnoseAppointment({ appointment, notes, history }, context);
  const timeline = buildTimeline({
    appointment,
    notes,
    history,
    technician,
    technicianName: (id) => (id ? (context.technicians.get(id)?.name ?? id) : 'nobody'),
    activity: context.activity,
    now,
  });
  const jobId =
    notes.map((note) => jobIdFromNote(note.url) ?? jobIdFromNote(note.text)).find((id) => id !== null) ?? null;
  const company = context.companies.get(appointment.company);
  return {
    row: { ...row, state: verdict.state, codes: verdict.codes, summary: verdict.summary },
    estimatedHours: appointment.estimatedHours,
    createdIn: appointment.createdIn,
    createdAt: appointment.createdAt,
    modifiedAt: appointment.modifiedAt,
    companyName: company?.name ?? null,
    technician: technician
      ? {
          id: technician.id,
          name: technician.name,
          email: technician.email,
          lastDeviceSyncAt: technician.lastDeviceSyncAt,
        }
      : null,
    verdict,
    timeline,
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
