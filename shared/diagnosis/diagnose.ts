import { eligibilityBlocker } from '../domain/eligibility';
import { TRANSCRIPT_NOTE_NAMES } from '../domain/notes';
import { CODES, STATE_RANK, type VerdictCode, type VerdictState } from './codes';
import { statusCategory, type DiagnosisContext } from './context';
import { eligibleSince, technicianAt } from './eligibility-since';
import { formatDuration } from './format';
import { technicianXoiStatus } from './technician-status';
import type { AppointmentFacts, Evidence, HistoryFacts, NoteFacts, Verdict } from './types';

export interface AppointmentInput {
  appointment: AppointmentFacts;
  notes: readonly NoteFacts[];
  history: readonly HistoryFacts[];
}

interface Finding {
  code: VerdictCode;
  evidence: Evidence[];
  inferred?: boolean;
}

const DEVICE_STALE_MS = 24 * 60 * 60_000;
/** The findings that mean something the appointment should have is missing or still to come. */
const OUTSTANDING: ReadonlySet<VerdictCode> = new Set([
  'AWAITING_XOI_POLL',
  'JOB_NOTES_OVERDUE',
  'AWAITING_RESOLUTION',
  'RESOLUTION_OVERDUE',
  'TRANSCRIPT_PENDING',
  'NOT_ASSIGNED',
  'NOT_SCHEDULED',
  'UNKNOWN_STATUS',
  'CLOSED_WITHOUT_JOB',
]);

export function notesMask(notes: readonly NoteFacts[]): { mask: number; transcripts: number } {
  let mask = 0;
  let transcripts = 0;
  for (const note of notes) {
    if (note.name === 'XOi Site History') mask |= 1;
    else if (note.name === 'XOi Workflow') mask |= 2;
    else if (note.name === 'XOi Resolution') mask |= 4;
    else if (TRANSCRIPT_NOTE_NAMES.includes(note.name as never)) transcripts++;
  }
  return { mask, transcripts: Math.min(transcripts, 3) };
}

function firstNote(notes: readonly NoteFacts[], name: string): NoteFacts | undefined {
  let found: NoteFacts | undefined;
  for (const note of notes) if (note.name === name && (!found || note.createdAt < found.createdAt)) found = note;
  return found;
}

/** The verdict for one appointment: pure, from mirrored facts and the context's clock. */
export function diagnoseAppointment(input: AppointmentInput, context: DiagnosisContext): Verdict {
  const { appointment, notes, history } = input;
  const now = context.now;
  const pollDelay = context.settings.pollDelayMs;
  const categoryOf = (status: string) => statusCategory(status, context);
  const category = categoryOf(appointment.status);
  const technician = appointment.technician ? context.technicians.get(appointment.technician) : undefined;
  const facts: Evidence[] = [
    { label: 'Status', value: `${appointment.status} (${category ?? 'no category'})`, at: appointment.modifiedAt },
    {
      label: 'Technician',
      value:
        appointment.technician === null
          ? 'none'
          : technician
            ? `${technician.name} (${appointment.technician})`
            : `${appointment.technician} (not in the technician list)`,
    },
    { label: 'Created in', value: appointment.createdIn, at: appointment.createdAt },
  ];
  if (appointment.taskDate) facts.push({ label: 'Task date', value: 'scheduled', at: appointment.taskDate });
  if (appointment.completedAt) facts.push({ label: 'Completed', value: 'yes', at: appointment.completedAt });

  const siteHistory = firstNote(notes, 'XOi Site History');
  const workflow = firstNote(notes, 'XOi Workflow');
  const resolution = firstNote(notes, 'XOi Resolution');
  const transcripts = notes.filter((note) => TRANSCRIPT_NOTE_NAMES.includes(note.name as never));
  for (const note of [siteHistory, workflow, resolution, ...transcripts])
    if (note) facts.push({ label: note.name, value: 'written', at: note.createdAt });
  const jobNote =
    siteHistory && workflow
      ? siteHistory.createdAt < workflow.createdAt
        ? siteHistory
        : workflow
      : (siteHistory ?? workflow);

  const findings: Finding[] = [];
  const blocker =
    category === null
      ? 'unknown-status'
      : eligibilityBlocker({ category, technicianId: appointment.technician, taskDate: appointment.taskDate });
  if (blocker === 'unknown-status')
    findings.push({
      code: 'UNKNOWN_STATUS',
      evidence: [{ label: 'Status', value: `"${appointment.status}" has no category` }],
    });
  if (blocker === 'closed' && !jobNote) findings.push({ code: 'CLOSED_WITHOUT_JOB', evidence: [] });
  if (blocker === 'not-assigned' && !jobNote) findings.push({ code: 'NOT_ASSIGNED', evidence: [] });
  if (blocker === 'not-scheduled' && !jobNote) findings.push({ code: 'NOT_SCHEDULED', evidence: [] });

  const since = eligibleSince(appointment, history, categoryOf);
  if (since)
    facts.push({ label: 'Eligible for XOi since', value: formatDuration(now - Date.parse(since)) + ' ago', at: since });
  let jobNotesMissing = false;
  if (blocker === null && since) {
    const waited = now - Date.parse(since);
    if (!siteHistory || !workflow) {
      jobNotesMissing = true;
      const missing = [siteHistory ? null : 'XOi Site History', workflow ? null : 'XOi Workflow']
        .filter(Boolean)
        .join(' and ');
      const reference = jobNote ? now - Date.parse(jobNote.createdAt) : waited;
      findings.push(
        reference < pollDelay
          ? {
              code: 'AWAITING_XOI_POLL',
              evidence: [
                {
                  label: 'Waiting for',
                  value: `${missing}, expected within ${formatDuration(pollDelay)} of eligibility`,
                },
              ],
            }
          : {
              code: 'JOB_NOTES_OVERDUE',
              evidence: [
                {
                  label: 'Missing',
                  value: `${missing}, ${formatDuration(reference)} after eligibility (expected within ${formatDuration(pollDelay)})`,
                },
              ],
            },
      );
    }
  }

  const completedAt = appointment.completedAt ? Date.parse(appointment.completedAt) : null;
  if (completedAt !== null && jobNote && (category === 'completed' || category === 'closed')) {
    const from = Math.max(completedAt, Date.parse(jobNote.createdAt));
    if (!resolution) {
      findings.push(
        now - from < pollDelay
          ? {
              code: 'AWAITING_RESOLUTION',
              evidence: [
                {
                  label: 'Waiting for',
                  value: `XOi Resolution, expected within ${formatDuration(pollDelay)} of completion`,
                },
              ],
            }
          : {
              code: 'RESOLUTION_OVERDUE',
              evidence: [{ label: 'Missing', value: `XOi Resolution, ${formatDuration(now - from)} after completion` }],
            },
      );
    }
    if (now - completedAt < context.settings.transcriptWindowMs && transcripts.length < 3) {
      findings.push({
        code: 'TRANSCRIPT_PENDING',
        evidence: [
          {
            label: 'Transcripts',
            value: `${transcripts.length} of up to 3 so far; more may come until ${formatDuration(context.settings.transcriptWindowMs)} after completion`,
          },
        ],
      });
    } else if (transcripts.length === 0 && now - completedAt >= context.settings.transcriptWindowMs) {
      findings.push({
        code: 'NO_TRANSCRIPTS',
        evidence: [
          {
            label: 'Transcripts',
            value: `none within ${formatDuration(context.settings.transcriptWindowMs)} of completion`,
          },
        ],
      });
    }
  }

  if (jobNote && appointment.technician) {
    const atJob = technicianAt(history, jobNote.createdAt);
    if (atJob.known && atJob.technician !== appointment.technician) {
      findings.push({
        code: 'REASSIGNED_AFTER_JOB',
        evidence: [
          { label: 'Technician when XOi made the job', value: atJob.technician ?? 'none', at: jobNote.createdAt },
          { label: 'Technician now', value: appointment.technician },
        ],
      });
    }
  }

  if (technician) {
    const lastSync = technician.lastDeviceSyncAt;
    facts.push({
      label: "Technician's last device sync",
      value: lastSync ? `${formatDuration(now - Date.parse(lastSync))} ago` : 'never',
      ...(lastSync ? { at: lastSync } : {}),
    });
    const xoiNotes = [siteHistory, workflow, resolution, ...transcripts].filter(
      (note): note is NoteFacts => note !== undefined,
    );
    const unsynced = lastSync ? xoiNotes.filter((note) => note.createdAt > lastSync) : xoiNotes;
    if (unsynced.length > 0)
      findings.push({
        code: 'NOTES_NOT_ON_DEVICE_YET',
        evidence: [
          { label: 'Written after the last device sync', value: unsynced.map((note) => note.name).join(', ') },
        ],
      });
    const stale = lastSync === null || now - Date.parse(lastSync) > DEVICE_STALE_MS;
    if (stale && (jobNotesMissing || unsynced.length > 0)) findings.push({ code: 'DEVICE_SYNC_STALE', evidence: [] });
  }

  if (jobNotesMissing) {
    const status = technicianXoiStatus(technician, context);
    if (status.code)
      findings.unshift({ code: status.code, evidence: status.evidence, inferred: status.certainty === 'likely' });
    else facts.push(...status.evidence.filter((item) => item.label !== 'MobileTech email'));
  }

  const outstanding = findings.some((finding) => OUTSTANDING.has(finding.code));
  if (outstanding) {
    const company = context.companies.get(appointment.company);
    if (!company || !company.active)
      findings.unshift({
        code: 'COMPANY_INACTIVE',
        evidence: [
          {
            label: 'Company',
            value: company
              ? `${company.name} (${appointment.company}) is inactive`
              : `${appointment.company} is unknown`,
          },
        ],
      });
    findings.unshift(...context.integrationFindings);
  } else if (jobNote) {
    findings.unshift({ code: 'NOTES_COMPLETE', evidence: [] });
  }

  return assemble(appointment, findings, facts);
}

function assemble(appointment: AppointmentFacts, findings: Finding[], facts: Evidence[]): Verdict {
  const unique = findings.filter(
    (finding, index) => findings.findIndex((other) => other.code === finding.code) === index,
  );
  const ordered = [...unique].sort((a, b) => STATE_RANK[CODES[b.code].state] - STATE_RANK[CODES[a.code].state]);
  const state: VerdictState = ordered.reduce<VerdictState>(
    (worst, finding) => (STATE_RANK[CODES[finding.code].state] > STATE_RANK[worst] ? CODES[finding.code].state : worst),
    'ok',
  );
  const primary = ordered[0];
  const inferred = ordered.filter((finding) => finding.inferred).map((finding) => finding.code);
  const summary = primary ? sentence(primary, appointment) : 'Nothing is expected from XOi for this appointment yet.';
  const nextStep = primary
    ? `${primary.inferred ? 'Likely cause, inferred from the notes XOi did not write. ' : ''}${CODES[primary.code].nextStep}`
    : 'Nothing to do.';
  return {
    key: appointment.key,
    state,
    codes: ordered.map((finding) => finding.code),
    inferred,
    summary,
    evidence: [...ordered.flatMap((finding) => finding.evidence), ...facts],
    nextStep,
  };
}

function sentence(finding: Finding, appointment: AppointmentFacts): string {
  const likely = finding.inferred ? 'likely ' : '';
  switch (finding.code) {
    case 'NOTES_COMPLETE':
      return appointment.completedAt
        ? 'All the XOi notes expected by now are here.'
        : 'XOi Site History and XOi Workflow are here; XOi Resolution follows completion.';
    case 'TECH_NOT_XOI_USER':
      return `The technician's email is ${likely}not an XOi Vision user, so XOi makes no job for this appointment.`;
    case 'TECH_EMAIL_MISMATCH':
      return `The technician's email ${likely}differs from the XOi user's by case or spaces, so XOi does not match it.`;
    case 'AWAITING_XOI_POLL':
      return 'Eligible for XOi only recently: the job notes should arrive at its next poll.';
    case 'JOB_NOTES_OVERDUE':
      return 'Eligible for XOi long enough, yet its job notes have not arrived.';
    case 'REASSIGNED_AFTER_JOB':
      return 'The technician changed after XOi made the job, so the Vision job belongs to someone else.';
    default:
      return `${CODES[finding.code].title}.`;
  }
}
