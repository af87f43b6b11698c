import { statusCategory, type DiagnosisContext } from '../../../shared/diagnosis/context';
import { milestonesOf, type AppointmentInput, type Milestones } from '../../../shared/diagnosis/milestones';
import type { MirrorFacts } from './load-facts';

/** One appointment's facts and their milestones, worked out once for its verdict, its technician's tally and the dashboard. */
export interface AppointmentRecord extends AppointmentInput {
  milestones: Milestones;
}

/** The appointments of `facts` as records, their statuses read through the context's categories and overrides. */
export function recordsOf(
  facts: MirrorFacts,
  context: Pick<DiagnosisContext, 'serverCategories' | 'settings'>,
): AppointmentRecord[] {
  const categoryOf = (status: string) => statusCategory(status, context);
  return facts.appointments.map((appointment) => {
    const input = {
      appointment,
      notes: facts.notesByKey.get(appointment.key) ?? [],
      history: facts.historyByKey.get(appointment.key) ?? [],
    };
    return { ...input, milestones: milestonesOf(input, categoryOf) };
  });
}
