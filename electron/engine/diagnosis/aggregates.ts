import type { Dashboard, TechnicianRow } from '../../../shared/contract/appointments';
import type { DiagnosisContext } from '../../../shared/diagnosis/context';
import { technicianXoiStatus } from '../../../shared/diagnosis/technician-status';
import type { NoteFacts, Verdict } from '../../../shared/diagnosis/types';
import type { AppointmentRecord } from './appointment-records';

/** How many verdicts are in each state. */
export type StateCounts = Record<Verdict['state'], number>;

const BUCKETS: Array<[string, number]> = [
  ['< 15 min', 15],
  ['15–60 min', 60],
  ['1–4 h', 240],
  ['4–12 h', 720],
  ['12–48 h', 2880],
  ['> 48 h', Number.POSITIVE_INFINITY],
];

function bucketOf(minutes: number): number {
  return BUCKETS.findIndex(([, limit]) => minutes < limit);
}

const timeOf = (note: NoteFacts | undefined) => (note ? Date.parse(note.createdAt) : undefined);

/** When the first transcript ("XOi Transcript", not its follow-ups) was written. */
function firstTranscriptTime(transcripts: readonly NoteFacts[]): number | undefined {
  let first: number | undefined;
  for (const note of transcripts) {
    if (note.name !== 'XOi Transcript') continue;
    const time = Date.parse(note.createdAt);
    if (first === undefined || time < first) first = time;
  }
  return first;
}

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  // A typed array sorts numbers natively (a full recompute sorts about 80,000 latencies per median).
  const sorted = Float64Array.from(values).sort();
  return Math.round(sorted[Math.floor(sorted.length / 2)] ?? 0);
}

/**
 * The dashboard's funnel and note latencies, computed with the verdicts (off the main thread), one slice of the
 * mirror at a time.
 */
export class DashboardTally {
  private readonly funnel = { appointments: 0, eligible: 0, jobNotes: 0, completed: 0, resolution: 0, transcripts: 0 };
  private readonly siteHistory: number[] = [];
  private readonly resolution: number[] = [];
  private readonly transcript: number[] = [];

  add(records: readonly AppointmentRecord[]): void {
    const { funnel } = this;
    funnel.appointments += records.length;
    for (const { appointment, milestones } of records) {
      const sh = timeOf(milestones.siteHistory);
      const since = milestones.eligibleSince;
      if (sh !== undefined && since !== null && sh >= Date.parse(since))
        this.siteHistory.push((sh - Date.parse(since)) / 60_000);
      const completed = appointment.completedAt ? Date.parse(appointment.completedAt) : null;
      const res = timeOf(milestones.resolution);
      const tr = firstTranscriptTime(milestones.transcripts);
      if (completed !== null && res !== undefined && res >= completed) this.resolution.push((res - completed) / 60_000);
      if (completed !== null && tr !== undefined && tr >= completed) this.transcript.push((tr - completed) / 60_000);
      // Each stage of the funnel is a subset of the one before, so it can be drawn as one.
      const eligible = since !== null || sh !== undefined;
      const jobNotes = eligible && milestones.jobNote !== undefined;
      const completedWithJob = jobNotes && completed !== null;
      const resolved = completedWithJob && res !== undefined;
      const transcribed = resolved && tr !== undefined;
      if (eligible) funnel.eligible++;
      if (jobNotes) funnel.jobNotes++;
      if (completedWithJob) funnel.completed++;
      if (resolved) funnel.resolution++;
      if (transcribed) funnel.transcripts++;
    }
  }

  result(counts: StateCounts, now: number): Dashboard {
    const latency = BUCKETS.map(([bucket]) => ({ bucket, siteHistory: 0, resolution: 0, transcript: 0 }));
    for (const value of this.siteHistory) (latency[bucketOf(value)] as { siteHistory: number }).siteHistory++;
    for (const value of this.resolution) (latency[bucketOf(value)] as { resolution: number }).resolution++;
    for (const value of this.transcript) (latency[bucketOf(value)] as { transcript: number }).transcript++;
    return {
      counts,
      funnel: { ...this.funnel },
      latency,
      medians: {
        siteHistoryMinutes: median(this.siteHistory),
        resolutionMinutes: median(this.resolution),
        transcriptMinutes: median(this.transcript),
      },
      computedAt: new Date(now).toISOString(),
    };
  }
}

/** Per technician: eligible appointments, how many got job notes, and their XOi user status. */
export function computeTechnicianRows(context: DiagnosisContext): TechnicianRow[] {
  return [...context.technicians.values()]
    .map((technician) => {
      const status = technicianXoiStatus(technician, context);
      const tally = context.tallies.get(technician.id) ?? { dueForJobNotes: 0, withJobNotes: 0 };
      return {
        id: technician.id,
        name: technician.name,
        mobileTechEmail: technician.email,
        xoiEmail: status.xoiEmail,
        xoiState: status.state,
        certainty: status.certainty,
        eligible: tally.dueForJobNotes,
        withJobNotes: tally.withJobNotes,
        lastDeviceSyncAt: technician.lastDeviceSyncAt,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
