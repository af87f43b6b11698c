import { TRANSCRIPT_NOTE_NAMES, isXoiNoteName } from '../domain/notes';
import type { StatusCategory } from '../domain/statuses';
import { eligibleSince, historyInOrder, technicianAt } from './eligibility-since';
import type { AppointmentFacts, HistoryFacts, NoteFacts } from './types';

export interface AppointmentInput {
  appointment: AppointmentFacts;
  notes: readonly NoteFacts[];
  history: readonly HistoryFacts[];
}

/**
 * What the rules read from one appointment's notes and history, worked out once. Its verdict, the dashboard's funnel
 * and latencies, and its technician's tally all start from these, so a full recompute goes through each
 * appointment's notes and history once rather than once for each.
 */
export interface Milestones {
  category: StatusCategory | null;
  /**
   * XOi's own notes: the first of each name, and every transcript. XOi writes its notes read-only through the Schedule
   * API (domain.md, W2); a note that carries one of their names but can be edited was typed by a person.
   */
  siteHistory: NoteFacts | undefined;
  workflow: NoteFacts | undefined;
  resolution: NoteFacts | undefined;
  transcripts: NoteFacts[];
  /** The first job note (Site History or Workflow): when XOi made the job. */
  jobNote: NoteFacts | undefined;
  /** Notes that carry an XOi note's name but can be edited: typed by a person. */
  lookalikes: NoteFacts[];
  /** When the appointment last became eligible for XOi; null when it is not eligible now. */
  eligibleSince: string | null;
  /** The technician when XOi made the job, from the history; null when there is no job note. */
  technicianAtJob: { known: boolean; technician: string | null } | null;
}

const earlier = (found: NoteFacts | undefined, note: NoteFacts) =>
  !found || note.createdAt < found.createdAt ? note : found;

export function milestonesOf(
  input: AppointmentInput,
  categoryOf: (status: string) => StatusCategory | null,
): Milestones {
  let siteHistory: NoteFacts | undefined;
  let workflow: NoteFacts | undefined;
  let resolution: NoteFacts | undefined;
  const transcripts: NoteFacts[] = [];
  const lookalikes: NoteFacts[] = [];
  for (const note of input.notes) {
    if (!isXoiNoteName(note.name)) continue;
    if (!note.readOnly) lookalikes.push(note);
    else if (note.name === 'XOi Site History') siteHistory = earlier(siteHistory, note);
    else if (note.name === 'XOi Workflow') workflow = earlier(workflow, note);
    else if (note.name === 'XOi Resolution') resolution = earlier(resolution, note);
    else if (TRANSCRIPT_NOTE_NAMES.includes(note.name)) transcripts.push(note);
  }
  const jobNote =
    siteHistory && workflow
      ? siteHistory.createdAt < workflow.createdAt
        ? siteHistory
        : workflow
      : (siteHistory ?? workflow);
  const history = historyInOrder(input.history);
  return {
    category: categoryOf(input.appointment.status),
    siteHistory,
    workflow,
    resolution,
    transcripts,
    jobNote,
    lookalikes,
    eligibleSince: eligibleSince(input.appointment, history, categoryOf),
    technicianAtJob: jobNote ? technicianAt(history, jobNote.createdAt) : null,
  };
}
