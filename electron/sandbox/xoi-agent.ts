import { appointmentKeyString, keyFields } from '../../shared/domain/appointment-key';
import { isEligibleForXoi } from '../../shared/domain/eligibility';
import { appointmentChangeSchema } from '../engine/schedule/contract';
import { createAgentClient, type AgentClient } from './xoi-agent-client';
import type { SandboxClock } from './clock';
import type { Rng } from './rng';
import type { SandboxWorld } from './world/world';
import type { XoiJob } from './world/types';
import {
  jobNotes,
  makeJobId,
  planVideos,
  resolutionNote,
  transcriptNote,
  xoiUserForTechnician,
  type PlannedNote,
} from './world/xoi-timeline';

interface PendingNote {
  dueAt: number;
  key: string;
  note: PlannedNote;
}

export interface AgentTickReport {
  polled: boolean;
  authFailed: boolean;
  jobsCreated: number;
  notesWritten: number;
  error?: string;
}

/**
 * A simulated XOi: it signs in to the sandbox's own Schedule API over HTTP with the integration password it was
 * given, reads the appointment feed, makes a Vision job for each eligible appointment of a technician whose email is
 * an enabled XOi user, and writes the notes on the documented timeline. When the password changed and XOi was not
 * told, its calls fail with 401 and the server records them.
 */
export class XoiAgent {
  private cursor: string | null = null;
  private pending: PendingNote[] = [];
  private readonly resolved = new Set<string>();
  private running = false;
  private inFlight: Promise<AgentTickReport> | null = null;

  constructor(
    private readonly world: SandboxWorld,
    private readonly clock: SandboxClock,
    private readonly rng: Rng,
    private readonly baseUrl: () => string,
  ) {
    // Carry on from what XOi already did in the generated or scenario world; the first poll reads the whole feed,
    // so anything eligible that XOi has not yet handled is picked up then.
    const now = clock.now();
    for (const job of world.xoiJobs.values()) {
      const notes = world.notesOf(job.appointmentKey).map((note) => note.name);
      if (notes.includes('XOi Resolution')) this.resolved.add(job.appointmentKey);
      const completedAt = world.getAppointment(job.appointmentKey)?.completedAt;
      if (!completedAt || !notes.includes('XOi Resolution')) continue;
      job.transcriptDelaysMs.forEach((delay, index) => {
        const note = transcriptNote(job, index);
        const dueAt = Date.parse(completedAt) + delay;
        if (!notes.includes(note.name) && dueAt > now) this.pending.push({ dueAt, key: job.appointmentKey, note });
      });
    }
  }

  /** A polling cycle that starts now, after the one in progress (if any): the sandbox's "poll now" control. */
  async pollNow(): Promise<AgentTickReport> {
    for (;;) {
      await this.inFlight;
      if (!this.running) return this.tick();
    }
  }

  /** One polling cycle. Single-flight: a tick while another runs does nothing. */
  tick(): Promise<AgentTickReport> {
    if (this.running) return Promise.resolve({ polled: false, authFailed: false, jobsCreated: 0, notesWritten: 0 });
    this.inFlight = this.cycle();
    return this.inFlight;
  }

  private async cycle(): Promise<AgentTickReport> {
    const report: AgentTickReport = { polled: false, authFailed: false, jobsCreated: 0, notesWritten: 0 };
    const password = this.world.xoiKnownPassword;
    if (this.running || password === null) return report;
    this.running = true;
    const client = createAgentClient({
      baseUrl: this.baseUrl(),
      userName: this.world.integration.userName,
      password,
      timeoutMs: 10_000,
    });
    try {
      report.polled = true;
      await this.poll(client, report);
      await this.writeDue(client, report);
    } catch (error) {
      const code = (error as { code?: string }).code;
      report.authFailed = code === 'AUTH_REJECTED';
      report.error = code ?? String(error);
    } finally {
      this.running = false;
    }
    return report;
  }

  private async poll(client: AgentClient, report: AgentTickReport): Promise<void> {
    const technicians = new Map((await client.technicians()).map((technician) => [technician.id, technician]));
    const categories = new Map((await client.statuses()).map((status) => [status.name, status.category]));
    const active = new Set((await client.companies()).filter((company) => company.active).map((company) => company.id));
    for (;;) {
      const page = await client.changes('appointments', this.cursor, 500);
      for (const raw of page.items) {
        const change = appointmentChangeSchema.safeParse(raw);
        if (!change.success) continue;
        if (change.data.kind === 'delete') {
          const key = appointmentKeyString(change.data.key);
          this.pending = this.pending.filter((pending) => pending.key !== key);
          continue;
        }
        const appointment = change.data.appointment;
        const key = appointmentKeyString(appointment);
        if (!active.has(appointment.company)) continue;
        const eligible = isEligibleForXoi({
          category: categories.get(appointment.status) ?? null,
          technicianId: appointment.technician,
          taskDate: appointment.taskDate,
        });
        if (!eligible) continue;
        let job = this.world.xoiJobs.get(key);
        if (!job) {
          const user = xoiUserForTechnician(technicians.get(appointment.technician ?? ''), this.world.xoiUsers);
          if (!user) continue;
          job = {
            id: makeJobId(this.rng),
            appointmentKey: key,
            workOrderNumber: `${appointment.serviceCall}-${appointment.appointment}`,
            customerName: appointment.customer,
            assigneeEmail: user.email,
            createdAt: this.clock.now(),
            ...planVideos(this.rng),
          };
          this.world.xoiJobs.set(key, job);
          report.jobsCreated++;
          for (const note of jobNotes(job)) this.pending.push({ dueAt: this.clock.now(), key, note });
        }
        if (appointment.completedAt && !this.resolved.has(key)) {
          this.resolved.add(key);
          this.scheduleCompletion(job, key, Date.parse(appointment.completedAt));
        }
      }
      this.cursor = page.nextCursor;
      if (!page.hasMore) break;
    }
  }

  private scheduleCompletion(job: XoiJob, key: string, completedAt: number): void {
    const now = this.clock.now();
    this.pending.push({ dueAt: now, key, note: resolutionNote(job) });
    job.transcriptDelaysMs.forEach((delay, index) =>
      this.pending.push({ dueAt: Math.max(now, completedAt + delay), key, note: transcriptNote(job, index) }),
    );
  }

  private async writeDue(client: AgentClient, report: AgentTickReport): Promise<void> {
    const now = this.clock.now();
    this.pending.sort((a, b) => a.dueAt - b.dueAt);
    while (this.pending.length > 0 && (this.pending[0]?.dueAt ?? Infinity) <= now) {
      const next = this.pending[0] as PendingNote;
      try {
        await client.addNote(keyFields(next.key), next.note);
      } catch (error) {
        if ((error as { code?: string }).code !== 'NOT_FOUND') throw error;
      }
      this.pending.shift();
      report.notesWritten++;
    }
  }

  get pendingCount(): number {
    return this.pending.length;
  }
}
