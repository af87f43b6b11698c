import type { DiagnosisContext } from '../../../shared/diagnosis/context';
import { diagnoseDeleted } from '../../../shared/diagnosis/deleted';
import { diagnoseAppointment } from '../../../shared/diagnosis/diagnose';
import type { Verdict } from '../../../shared/diagnosis/types';
import type { ReadHandle, WriteHandle } from '../store/handles';
import { readAppointment, type StoredAppointment } from '../store/tables/appointments';
import { readDeleted, type DeletedAppointment } from '../store/tables/deleted-appointments';
import { readHistoryOf, type StoredHistoryEntry } from '../store/tables/history';
import { readNotesOf, type StoredNote } from '../store/tables/notes';
import { buildContextForOne } from './load-facts';
import type { VerdictSettings } from './verdict-settings';

/** One appointment diagnosed now, with everything the diagnosis read (the detail view shows it; the CLI prints it). */
export type OneDiagnosis =
  | {
      kind: 'mirrored';
      appointment: StoredAppointment;
      notes: StoredNote[];
      history: StoredHistoryEntry[];
      context: DiagnosisContext;
      verdict: Verdict;
    }
  | {
      kind: 'deleted';
      deleted: DeletedAppointment;
      history: StoredHistoryEntry[];
      context: DiagnosisContext;
      verdict: Verdict;
    };

/**
 * Diagnoses one appointment by key: a mirrored one by the rules, one Schedule deleted after XOi made its job as
 * orphaned. Undefined when the mirror knows neither. The detail query and `xoi-console diagnose KEY` both use this.
 */
export function diagnoseOne(
  handle: ReadHandle | WriteHandle,
  key: string,
  now: number,
  settings: VerdictSettings,
): OneDiagnosis | undefined {
  const appointment = readAppointment(handle, key);
  const history = readHistoryOf(handle, key);
  if (appointment) {
    const notes = readNotesOf(handle, key);
    const context = buildContextForOne(handle, appointment.technician, now, settings);
    const verdict = diagnoseAppointment({ appointment, notes, history }, context);
    return { kind: 'mirrored', appointment, notes, history, context, verdict };
  }
  const deleted = readDeleted(handle, key);
  if (!deleted) return undefined;
  const context = buildContextForOne(handle, deleted.technicianId, now, settings);
  return { kind: 'deleted', deleted, history, context, verdict: diagnoseDeleted(deleted) };
}
