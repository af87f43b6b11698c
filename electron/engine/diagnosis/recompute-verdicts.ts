import { diagnoseAppointment, notesMask } from '../../../shared/diagnosis/diagnose';
import { transaction, statement, type WriteHandle } from '../store/handles';
import { readTechnicians } from '../store/tables/reference-lists';
import { writeSnapshot } from '../store/tables/snapshots';
import type { Verdict } from '../../../shared/diagnosis/types';
import { computeDashboard, computeTechnicianRows } from './aggregates';
import { buildContext, loadMirrorFacts } from './load-facts';
import type { VerdictSettings } from './verdict-settings';

/**
 * Diagnoses every mirrored appointment and stores the verdicts (state, codes, notes matrix, search text) in one
 * transaction, with the dashboard and technician summaries, so screens filter and count among tens of thousands
 * instantly. Runs after each sync pass, off the main thread.
 */
export function recomputeVerdicts(store: WriteHandle, now: number, settings: VerdictSettings): number {
  const facts = loadMirrorFacts(store);
  const context = buildContext(store, facts, now, settings);
  const technicianNames = new Map(readTechnicians(store).map((technician) => [technician.id, technician.name]));
  const computedAt = new Date(now).toISOString();
  return transaction(store, () => {
    statement(store, 'DELETE FROM verdict_codes').run();
    statement(store, 'DELETE FROM verdicts').run();
    const insertVerdict = statement(store, 'INSERT INTO verdicts (appointment_key, state, codes, summary, notes_mask, transcripts, search_text, computed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)');
    const insertCode = statement(store, 'INSERT INTO verdict_codes (appointment_key, code) VALUES (?, ?)');
    const verdicts: Verdict[] = [];
    for (const appointment of facts.appointments) {
      const notes = facts.notesByKey.get(appointment.key) ?? [];
      const verdict = diagnoseAppointment({ appointment, notes, history: facts.historyByKey.get(appointment.key) ?? [] }, context);
      const { mask, transcripts } = notesMask(notes);
      const technicianName = appointment.technician ? (technicianNames.get(appointment.technician) ?? appointment.technician) : '';
      const searchText = `${appointment.key} ${appointment.customer} ${technicianName} ${appointment.technician ?? ''}`.toLowerCase();
      insertVerdict.run(appointment.key, verdict.state, verdict.codes.join(' '), verdict.summary, mask, transcripts, searchText, computedAt);
      for (const code of verdict.codes) insertCode.run(appointment.key, code);
      verdicts.push(verdict);
    }
    writeSnapshot(store, 'dashboard', computeDashboard(facts, context, verdicts), computedAt);
    writeSnapshot(store, 'technicians', computeTechnicianRows(context), computedAt);
    return facts.appointments.length;
  });
}
