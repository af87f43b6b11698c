import { eligibilityBlocker } from '../domain/eligibility';
import { TRANSCRIPT_NOTE_NAMES } from '../domain/notes';
import { CODES, STATE_RANK, type VerdictCode, type VerdictState } from './codes';
import { statusCategory, unreadableVersions, type DiagnosisContext } from './context';
import { Deadlines } from './deadlines';
import { formatDuration, formatInstant } from './format';
import { technicianXoiStatus, type TechnicianXoiStatus } from './technician-status';
import { milestonesOf, type AppointmentInput, type Milestones } from './milestones';
import type { AppointmentFacts, Evidence, NoteFacts, Verdict, VerdictHeadline } from './types';

interface Finding {
  code: VerdictCode;
  evidence: Evidence[];
  inferred?: boolean;
  /** This appointment's own sentence and next step, where the code's general ones would say too little. */
  summary?: string;
  nextStep?: string;
}

const DEVICE_STALE_MS = 24 * 60 * 60_000;
/** A note dated this far past the server's time points at a clock that is off, not at a note from the future. */
const CLOCK_SKEW_TOLERANCE_MS = 5 * 60_000;
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

/** The field MobileTech shows for each job note; without the note the field is not shown (domain.md, W2). */
const JOB_NOTE_FIELDS: Record<string, string> = {
  'XOi Site History': 'XOi Site History',
  'XOi Workflow': 'XOi Workflow',
};

export function notesMask(notes: readonly NoteFacts[]): { mask: number; transcripts: number } {
  let mask = 0;
  let transcripts = 0;
  for (const note of notes) {
    if (!note.readOnly) continue;
    if (note.name === 'XOi Site History') mask |= 1;
    else if (note.name === 'XOi Workflow') mask |= 2;
    else if (note.name === 'XOi Resolution') mask |= 4;
    else if (TRANSCRIPT_NOTE_NAMES.includes(note.name as never)) transcripts++;
  }
  return { mask, transcripts: Math.min(transcripts, 3) };
}

/** A technician as every piece of evidence names them: by name, with the id in brackets. */
function technicianLabel(id: string | null, context: DiagnosisContext): string {
  if (id === null) return 'none';
  const technician = context.technicians.get(id);
  return technician ? `${technician.name} (${id})` : `${id} (not in the technician list)`;
}

function listOf(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** JOB_NOTES_OVERDUE in this appointment's words: which notes, which MobileTech fields, and what to check first. */
function jobNotesOverdue(
  missing: string[],
  waited: number,
  pollDelay: number,
  technician: TechnicianXoiStatus,
): Finding {
  const fields = missing.map((name) => `"${JOB_NOTE_FIELDS[name] ?? name}"`);
  const plural = missing.length > 1;
  const verified = technician.state === 'ok' && technician.certainty === 'certain';
  return {
    code: 'JOB_NOTES_OVERDUE',
    evidence: [
      {
        label: 'Missing',
        value: `${listOf(missing)}, ${formatDuration(waited)} after eligibility (expected within ${formatDuration(pollDelay)})`,
      },
    ],
    summary: `${listOf(missing)} ${plural ? 'have' : 'has'} not arrived ${formatDuration(waited)} after the appointment became eligible, so the ${listOf(fields)} field${plural ? 's do' : ' does'} not show in MobileTech.`,
    nextStep: verified
      ? "The technician's XOi user is verified. Check that XOi is polling (the Dashboard says so when it is not); if it is, contact XOi support with this report."
      : "Check the technician's XOi user (Technicians page) and that XOi is polling; if both are fine, contact XOi support with this report.",
  };
}

/**
 * The verdict for one appointment, with its evidence: pure, from mirrored facts and the context's clock (the Schedule
 * server's).
 */
export function diagnoseAppointment(input: AppointmentInput, context: DiagnosisContext): Verdict {
  const milestones = milestonesOf(input, (status) => statusCategory(status, context));
  const facts: Evidence[] = [];
  const { ordered, headline } = judge(input, milestones, context, facts);
  return {
    key: headline.key,
    state: headline.state,
    codes: headline.codes,
    inferred: headline.inferred,
    summary: headline.summary,
    evidence: [...ordered.flatMap((finding) => finding.evidence), ...facts],
    nextStep: headline.nextStep,
  };
}

/**
 * The same verdict without its evidence, for the list's row (state, codes, summary): a full recompute diagnoses every
 * appointment, and the evidence (its dates and durations in words) is read only when one appointment is opened.
 * `changesAt`: the next instant its state or codes can change with time alone (null: not with time alone).
 */
export function verdictHeadline(
  input: AppointmentInput,
  milestones: Milestones,
  context: DiagnosisContext,
): VerdictHeadline & { changesAt: string | null } {
  const { headline, deadlines } = judge(input, milestones, context, null);
  return { ...headline, changesAt: deadlines.next() };
}

/** `facts` collects the evidence; with null, none is built (every `facts?.push(...)` skips its argument too). */
function judge(
  input: AppointmentInput,
  milestones: Milestones,
  context: DiagnosisContext,
  facts: Evidence[] | null,
): ReturnType<typeof assemble> & { deadlines: Deadlines } {
  const { appointment } = input;
  const { category, siteHistory, workflow, resolution, transcripts, jobNote } = milestones;
  const now = context.now;
  // Every comparison of the clock that can change the state or codes goes through it (evidence words need not).
  const deadlines = new Deadlines(now);
  const pollDelay = context.settings.pollDelayMs;
  const technician = appointment.technician ? context.technicians.get(appointment.technician) : undefined;
  facts?.push(
    { label: 'Status', value: `${appointment.status} (${category ?? 'no category'})`, at: appointment.modifiedAt },
    { label: 'Technician', value: technicianLabel(appointment.technician, context) },
    { label: 'Created in', value: appointment.createdIn, at: appointment.createdAt },
  );
  if (appointment.taskDate)
    facts?.push({ label: 'Task date', value: formatInstant(appointment.taskDate), at: appointment.taskDate });
  if (appointment.completedAt)
    facts?.push({ label: 'Completed', value: formatInstant(appointment.completedAt), at: appointment.completedAt });

  // Only XOi's own notes count; look-alikes typed by a person are named in the evidence.
  for (const lookalike of milestones.lookalikes) {
    facts?.push({
      label: 'Not an XOi note',
      value: `"${lookalike.name}" is not read-only: it was typed by a person, so it does not count as XOi's`,
      at: lookalike.createdAt,
    });
  }
  for (const note of facts ? [siteHistory, workflow, resolution, ...transcripts] : []) {
    if (!note) continue;
    facts?.push({ label: note.name, value: 'written', at: note.createdAt });
    if (Date.parse(note.createdAt) - now > CLOCK_SKEW_TOLERANCE_MS) {
      facts?.push({
        label: 'Clock skew',
        value: `${note.name} is dated ${formatDuration(Date.parse(note.createdAt) - now)} after the Schedule server's time at the last sync: a clock is off`,
        at: note.createdAt,
      });
    }
  }

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
  if (blocker === 'not-assigned' && !jobNote) findings.push(notAssigned(appointment, category, context));
  if (blocker === 'not-scheduled' && !jobNote) findings.push({ code: 'NOT_SCHEDULED', evidence: [] });

  const since = milestones.eligibleSince;
  if (since)
    facts?.push({
      label: 'Eligible for XOi since',
      value: `${formatDuration(now - Date.parse(since))} ago`,
      at: since,
    });
  const xoiUser = technicianXoiStatus(technician, context);
  let jobNotesMissing = false;
  if (blocker === null && since) {
    if (!siteHistory || !workflow) {
      jobNotesMissing = true;
      const missing = [siteHistory ? null : 'XOi Site History', workflow ? null : 'XOi Workflow'].filter(
        (name): name is string => name !== null,
      );
      // The wait counts from the first job note when one of the two came, from eligibility otherwise.
      const waitingSince = Date.parse(jobNote ? jobNote.createdAt : since);
      findings.push(
        deadlines.before(waitingSince + pollDelay)
          ? {
              code: 'AWAITING_XOI_POLL',
              evidence: [
                {
                  label: 'Waiting for',
                  value: `${listOf(missing)}, expected within ${formatDuration(pollDelay)} of eligibility`,
                },
              ],
            }
          : jobNotesOverdue(missing, now - waitingSince, pollDelay, xoiUser),
      );
    }
  }

  const completedAt = appointment.completedAt ? Date.parse(appointment.completedAt) : null;
  if (completedAt !== null && jobNote && (category === 'completed' || category === 'closed')) {
    const from = Math.max(completedAt, Date.parse(jobNote.createdAt));
    if (!resolution) {
      findings.push(
        deadlines.before(from + pollDelay)
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
    const windowEnds = completedAt + context.settings.transcriptWindowMs;
    if (transcripts.length < 3 && deadlines.before(windowEnds)) {
      findings.push({
        code: 'TRANSCRIPT_PENDING',
        evidence: [
          {
            label: 'Transcripts',
            value: `${transcripts.length} of up to 3 so far; more may come until ${formatDuration(context.settings.transcriptWindowMs)} after completion`,
          },
        ],
      });
    } else if (transcripts.length === 0 && !deadlines.before(windowEnds)) {
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
    const atJob = milestones.technicianAtJob;
    if (atJob?.known && atJob.technician !== appointment.technician) {
      findings.push({
        code: 'REASSIGNED_AFTER_JOB',
        evidence: [
          {
            label: 'Technician when XOi made the job',
            value: technicianLabel(atJob.technician, context),
            at: jobNote.createdAt,
          },
          { label: 'Technician now', value: technicianLabel(appointment.technician, context) },
        ],
      });
    }
  }

  if (technician) {
    const lastSync = technician.lastDeviceSyncAt;
    facts?.push({
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
    // Asked only when notes are missing or not on the device (otherwise staleness changes nothing, so it names no
    // instant); stale from the millisecond after the limit: "before" that instant means at most DEVICE_STALE_MS ago.
    const waitingOnDevice = jobNotesMissing || unsynced.length > 0;
    if (waitingOnDevice && (lastSync === null || !deadlines.before(Date.parse(lastSync) + DEVICE_STALE_MS + 1)))
      findings.push({ code: 'DEVICE_SYNC_STALE', evidence: [] });
  }

  if (jobNotesMissing) {
    // Every technician cause at once: fixing one alone would not bring the notes.
    if (xoiUser.codes.length > 0) {
      findings.unshift(
        ...xoiUser.codes.map((code) => ({
          code,
          evidence: xoiUser.evidence,
          inferred: xoiUser.certainty === 'likely',
        })),
      );
    } else facts?.push(...xoiUser.evidence.filter((item) => item.label !== 'MobileTech email'));
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
    facts?.push(...unreadableVersions(context.system, context.settings));
  } else if (
    jobNote &&
    !findings.some((finding) => STATE_RANK[CODES[finding.code].state] >= STATE_RANK['needs-action'])
  ) {
    // "Complete" only when nothing beside it needs a person.
    findings.unshift({ code: 'NOTES_COMPLETE', evidence: [] });
  }

  return { ...assemble(appointment, findings), deadlines };
}

/** NOT_ASSIGNED, said for what the appointment is: completed with no one, waiting for a new technician, or unassigned. */
function notAssigned(appointment: AppointmentFacts, category: string | null, context: DiagnosisContext): Finding {
  if (appointment.technician !== null && category === 'unassigned') {
    return {
      code: 'NOT_ASSIGNED',
      evidence: [{ label: 'Status', value: `"${appointment.status}" counts as unassigned` }],
      summary: `The status "${appointment.status}" means the appointment waits for a new technician, so XOi does not take it, even though ${technicianLabel(appointment.technician, context)} is still set on it.`,
      nextStep: `Assign the appointment again (to ${technicianLabel(appointment.technician, context)} or another technician), so its status is no longer "${appointment.status}"; XOi picks it up at its next poll.`,
    };
  }
  if (appointment.technician === null && category === 'completed') {
    return {
      code: 'NOT_ASSIGNED',
      evidence: [{ label: 'Technician', value: 'none, though the appointment is completed' }],
      summary:
        'Completed with no technician: XOi takes only appointments assigned to a technician whose email is an XOi user, so it makes no job for this one.',
      nextStep: 'Set the technician who did the work on the appointment; XOi picks it up at its next poll.',
    };
  }
  return { code: 'NOT_ASSIGNED', evidence: [] };
}

/** The findings in order of weight (each code once), and the verdict they make, without its evidence. */
function assemble(
  appointment: AppointmentFacts,
  findings: Finding[],
): { ordered: Finding[]; headline: VerdictHeadline } {
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
    ? `${primary.inferred ? 'Likely cause, inferred from the notes XOi did not write. ' : ''}${primary.nextStep ?? CODES[primary.code].nextStep}`
    : 'Nothing to do.';
  return {
    ordered,
    headline: {
      key: appointment.key,
      state,
      codes: ordered.map((finding) => finding.code),
      inferred,
      summary,
      nextStep,
    },
  };
}

function sentence(finding: Finding, appointment: AppointmentFacts): string {
  if (finding.summary) return finding.summary;
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
    case 'REASSIGNED_AFTER_JOB':
      return 'The technician changed after XOi made the job, so the Vision job belongs to someone else.';
    default:
      return `${CODES[finding.code].title}.`;
  }
}
