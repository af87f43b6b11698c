import type { Dashboard, TechnicianRow } from '../../../shared/contract/appointments';
import { statusCategory, type DiagnosisContext } from '../../../shared/diagnosis/context';
import { eligibleSince } from '../../../shared/diagnosis/eligibility-since';
import { technicianXoiStatus } from '../../../shared/diagnosis/technician-status';
import type { Verdict } from '../../../shared/diagnosis/types';
import type { MirrorFacts } from './load-facts';

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

function median(values: number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
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

  add(facts: MirrorFacts, context: DiagnosisContext): void {
    const { funnel } = this;
    const categoryOf = (status: string) => statusCategory(status, context);
    funnel.appointments += facts.appointments.length;
    for (const appointment of facts.appointments) {
      const notes = facts.notesByKey.get(appointment.key) ?? [];
      const first = (name: string) =>
        notes
          .filter((note) => note.name === name && note.readOnly)
          .map((note) => Date.parse(note.createdAt))
          .sort((a, b) => a - b)[0];
      const sh = first('XOi Site History');
      const since = eligibleSince(appointment, facts.historyByKey.get(appointment.key) ?? [], categoryOf);
      if (sh !== undefined && since !== null && sh >= Date.parse(since))
        this.siteHistory.push((sh - Date.parse(since)) / 60_000);
      const completed = appointment.completedAt ? Date.parse(appointment.completedAt) : null;
      const res = first('XOi Resolution');
      const tr = first('XOi Transcript');
      if (completed !== null && res !== undefined && res >= completed) this.resolution.push((res - completed) / 60_000);
      if (completed !== null && tr !== undefined && tr >= completed) this.transcript.push((tr - completed) / 60_000);
      // Each stage of the funnel is a subset of the one before, so it can be drawn as one.
      const eligible = since !== null || sh !== undefined;
      const jobNotes = eligible && (sh !== undefined || first('XOi Workflow') !== undefined);
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
