import { appointmentKeyString } from '../../../shared/domain/appointment-key';
import { isEligibleForXoi } from '../../../shared/domain/eligibility';
import { DAY, HOUR, iso, MINUTE } from '../clock';
import { SANDBOX_INTEGRATION_PASSWORD } from '../credentials';
import { createRng, type Rng } from '../rng';
import { baseWorldInit, DEFAULT_STATUSES, DEFAULT_SYSTEM } from './defaults';
import { CUSTOMERS, DISPATCHERS, FIRST_NAMES, LAST_NAMES } from './names';
import type { Appointment, Company, Technician, XoiJob, XoiUser } from './types';
import { SandboxWorld } from './world';
import {
  jobNotes,
  makeJobId,
  type PlannedNote,
  planVideos,
  resolutionNote,
  transcriptNote,
  xoiUserForTechnician,
  XOI_AUTHOR,
  XOI_POLL_INTERVAL_MS,
} from './xoi-timeline';

export interface GenerateOptions {
  seed: number;
  appointments: number;
  now: number;
  apiUrl?: string;
}

export const GENERATED_COMPANIES: Company[] = [
  { id: 'TWO', name: 'Fabrikam, Inc.', active: true },
  { id: 'THREE', name: 'Contoso Mechanical', active: true },
  { id: 'FOUR', name: 'Northwind HVAC (closed)', active: false },
];

/**
 * The technicians' quirks every generated world has (issue: most are XOi users, some are not, one is disabled, one
 * differs only by case), plus one without an email, one whose email has a trailing space and one whose device has
 * not synced for days.
 */
export const TECHNICIAN_QUIRKS: Record<
  number,
  'no-xoi-user' | 'disabled' | 'case-mismatch' | 'no-email' | 'space-mismatch' | 'stale-device'
> = {
  5: 'no-xoi-user',
  9: 'no-xoi-user',
  12: 'disabled',
  15: 'case-mismatch',
  17: 'no-email',
  18: 'space-mismatch',
  19: 'stale-device',
};

function makeTechnicians(rng: Rng, count: number, now: number): { technicians: Technician[]; xoiUsers: XoiUser[] } {
  const technicians: Technician[] = [];
  const xoiUsers: XoiUser[] = [];
  for (let index = 0; index < count; index++) {
    const first = FIRST_NAMES[index % FIRST_NAMES.length] ?? 'Alex';
    const last = LAST_NAMES[(index * 7 + Math.floor(index / FIRST_NAMES.length)) % LAST_NAMES.length] ?? 'Doe';
    const suffix = index >= FIRST_NAMES.length ? String(Math.floor(index / FIRST_NAMES.length)) : '';
    const email = `${first}.${last}${suffix}@fabrikam.test`.toLowerCase();
    const quirk = TECHNICIAN_QUIRKS[index];
    const id = `T${100 + index}`;
    const lastSync =
      quirk === 'stale-device' ? now - 5 * DAY - rng.int(0, 6) * HOUR : now - rng.int(10, 6 * 60) * MINUTE;
    const techEmail =
      quirk === 'no-email'
        ? null
        : quirk === 'case-mismatch'
          ? `${first}.${last}${suffix}@Fabrikam.test`
          : quirk === 'space-mismatch'
            ? `${email} `
            : email;
    technicians.push({
      id,
      name: `${first} ${last}${suffix ? ` ${suffix}` : ''}`,
      email: techEmail,
      lastDeviceSyncAt: iso(lastSync),
    });
    if (quirk !== 'no-xoi-user') {
      xoiUsers.push({
        id: `usr-${rng.hex(12)}`,
        email,
        givenName: first,
        familyName: `${last}${suffix}`,
        enabled: quirk !== 'disabled',
      });
    }
  }
  return { technicians, xoiUsers };
}

function keyOf(appointment: Appointment) {
  return { company: appointment.company, serviceCall: appointment.serviceCall, appointment: appointment.appointment };
}

/** A note as the XOi integration user writes it: read-only, by XOi Vision. */
export function xoiNote(appointment: Appointment, planned: PlannedNote, at: number) {
  return { ...keyOf(appointment), ...planned, readOnly: true, createdAt: iso(at), author: XOI_AUTHOR };
}

type Stage = {
  at: number;
  status: string;
  technician?: string | null;
  completedAt?: number | null;
  taskDate?: number | null;
};

/** The story of one appointment: when it was created, assigned, started, finished (times ascending). */
function planAppointment(rng: Rng, now: number, technicianIds: readonly string[]) {
  const taskDate = now - 42 * DAY + Math.floor(rng.next() * 56 * DAY);
  const taskAt = taskDate - (taskDate % HOUR) + 0;
  let createdAt = taskAt - rng.int(1, 7) * DAY + rng.int(0, 8) * HOUR;
  // Future work was booked some time before now, not all in the last minute.
  if (createdAt > now - MINUTE) createdAt = now - rng.int(5, 10 * 24 * 60) * MINUTE;
  const estimatedHours = rng.int(2, 16) / 2;
  const createdIn = rng.chance(0.6) ? 'Schedule' : rng.chance(0.62) ? 'Signature' : 'MobileTech';
  const technician = rng.pick(technicianIds);
  const stages: Stage[] = [];
  const roll = rng.next();
  const past = taskAt < now - DAY;
  const today = !past && taskAt <= now + 4 * HOUR;

  if (createdIn === 'MobileTech') {
    // Created on the technician's device: assigned from the start, reaches the back office at the next sync.
    stages.push({ at: createdAt, status: 'Dispatched', technician, taskDate: taskAt });
  } else {
    stages.push({ at: createdAt, status: 'Unassigned', technician: null, taskDate: roll > 0.97 ? null : taskAt });
  }
  const assignAt = Math.min(now - MINUTE, createdAt + rng.int(5, 24 * 60) * MINUTE);
  const wantsAssignment = past ? roll < 0.94 : today ? roll < 0.9 : roll < 0.65;
  if (wantsAssignment && createdIn !== 'MobileTech')
    stages.push({ at: assignAt, status: 'Dispatched', technician, taskDate: taskAt });
  if (wantsAssignment && rng.chance(0.03)) {
    const other = rng.pick(technicianIds);
    const reassignAt = Math.min(now - MINUTE, assignAt + rng.int(30, 48 * 60) * MINUTE);
    if (other !== technician) stages.push({ at: reassignAt, status: 'Dispatched', technician: other });
  }
  const lastAssigned = stages.at(-1)?.at ?? createdAt;
  if (wantsAssignment && (past || today) && taskAt < now) {
    const startAt = Math.max(lastAssigned + MINUTE, taskAt);
    const finishAt = startAt + Math.round(estimatedHours * rng.between(0.6, 1.4) * HOUR);
    if (startAt < now) stages.push({ at: startAt, status: rng.chance(0.5) ? 'En Route' : 'Working' });
    const completes = past ? rng.next() < 0.93 : rng.next() < 0.5;
    if (completes && finishAt < now) {
      stages.push({ at: finishAt, status: 'Complete', completedAt: finishAt });
      if (past && rng.chance(0.06))
        stages.push({ at: Math.min(now - MINUTE, finishAt + rng.int(1, 5) * DAY), status: 'Closed' });
    } else if (past && rng.chance(0.3)) {
      stages.push({ at: Math.min(now - MINUTE, finishAt), status: 'Waiting for Parts', taskDate: null });
    }
  } else if (!wantsAssignment && !past && rng.chance(0.3)) {
    stages.push({ at: Math.min(now - MINUTE, createdAt + HOUR), status: 'Unscheduled', taskDate: null });
  }
  return {
    createdAt,
    estimatedHours,
    createdIn,
    stages: stages.filter((stage) => stage.at <= now).sort((a, b) => a.at - b.at),
  } as const;
}

/** A reproducible world: same seed, count and `now`, same data. */
export function generateWorld(options: GenerateOptions): SandboxWorld {
  const rng = createRng(options.seed);
  const now = options.now;
  const technicianCount = 20 + Math.floor(options.appointments / 500);
  const { technicians, xoiUsers } = makeTechnicians(rng, technicianCount, now);
  const world = new SandboxWorld({
    ...baseWorldInit(options.apiUrl ?? 'http://127.0.0.1'),
    epoch: `g${options.seed.toString(16)}-${now.toString(36)}`,
    system: { ...DEFAULT_SYSTEM },
    companies: GENERATED_COMPANIES.map((company) => ({ ...company })),
    technicians,
    statuses: DEFAULT_STATUSES.map((status) => ({ ...status })),
    xoiUsers,
  });
  world.setIntegrationPassword(SANDBOX_INTEGRATION_PASSWORD, now - 60 * DAY);
  world.xoiKnownPassword = SANDBOX_INTEGRATION_PASSWORD;
  world.recordIntegrationCall(now - rng.int(0, XOI_POLL_INTERVAL_MS), true);

  const technicianIds = technicians.map((technician) => technician.id);
  const technicianById = new Map(technicians.map((technician) => [technician.id, technician]));
  const activeCompanies = new Set(GENERATED_COMPANIES.filter((company) => company.active).map((company) => company.id));
  let made = 0;
  let call = 0;
  while (made < options.appointments) {
    call++;
    const company = rng.chance(0.6) ? 'TWO' : rng.chance(0.88) ? 'THREE' : 'FOUR';
    const customer = `${rng.pick(CUSTOMERS)} – ${rng.int(10, 999)} ${rng.pick(['Main St', 'Oak Ave', 'Industrial Pkwy', 'Harbor Rd', 'Elm Ct'])}`;
    const perCall = Math.min(rng.chance(0.7) ? 1 : rng.int(2, 3), options.appointments - made);
    for (let n = 1; n <= perCall; n++, made++) {
      const plan = planAppointment(rng, now, technicianIds);
      const first = plan.stages[0];
      if (!first) continue;
      const dispatcher = plan.createdIn === 'MobileTech' ? 'mobiletech.sync' : rng.pick(DISPATCHERS);
      let appointment: Appointment = {
        company,
        serviceCall: `SC${String(100000 + call)}`,
        appointment: String(n).padStart(3, '0'),
        customer,
        status: first.status,
        technician: first.technician ?? null,
        taskDate: first.taskDate === undefined || first.taskDate === null ? null : iso(first.taskDate),
        estimatedHours: plan.estimatedHours,
        completedAt: null,
        createdIn: plan.createdIn,
        createdAt: iso(plan.createdAt),
        modifiedAt: iso(first.at),
      };
      world.putAppointment(appointment, dispatcher);
      const key = appointmentKeyString(appointment);
      let job: XoiJob | undefined;
      let resolutionWritten = false;

      const considerXoi = (at: number) => {
        if (!activeCompanies.has(company)) return;
        const eligible = isEligibleForXoi({
          category: world.categoryOf(appointment.status),
          technicianId: appointment.technician,
          taskDate: appointment.taskDate,
        });
        if (!eligible) return;
        const pollAt = at + rng.int(15, XOI_POLL_INTERVAL_MS / 1000) * 1000;
        if (pollAt > now) return;
        if (!job) {
          const user = xoiUserForTechnician(technicianById.get(appointment.technician ?? ''), xoiUsers);
          if (!user) return;
          job = {
            id: makeJobId(rng),
            appointmentKey: key,
            workOrderNumber: `${appointment.serviceCall}-${appointment.appointment}`,
            customerName: appointment.customer,
            assigneeEmail: user.email,
            createdAt: pollAt,
            ...planVideos(rng),
          };
          world.xoiJobs.set(key, job);
          jobNotes(job).forEach((note, index) => world.addNote(xoiNote(appointment, note, pollAt + index * 1000)));
        }
        if (appointment.completedAt && !resolutionWritten) {
          resolutionWritten = true;
          world.addNote(xoiNote(appointment, resolutionNote(job), Math.max(pollAt, job.createdAt) + 2000));
          const completedAt = Date.parse(appointment.completedAt);
          job.transcriptDelaysMs.forEach((delay, index) => {
            if (completedAt + delay <= now) {
              world.addNote(xoiNote(appointment, transcriptNote(job as XoiJob, index), completedAt + delay));
            }
          });
        }
      };

      considerXoi(first.at);
      for (const stage of plan.stages.slice(1)) {
        appointment = {
          ...appointment,
          status: stage.status,
          technician: stage.technician === undefined ? appointment.technician : stage.technician,
          taskDate:
            stage.taskDate === undefined ? appointment.taskDate : stage.taskDate === null ? null : iso(stage.taskDate),
          completedAt:
            stage.completedAt === undefined
              ? appointment.completedAt
              : stage.completedAt === null
                ? null
                : iso(stage.completedAt),
          modifiedAt: iso(stage.at),
        };
        world.putAppointment(appointment, rng.pick(DISPATCHERS));
        considerXoi(stage.at);
      }
      if (rng.chance(0.15)) {
        world.addNote({
          ...keyOf(appointment),
          name: 'Dispatcher note',
          text: rng.pick([
            'Customer asks for a call 30 minutes before arrival.',
            'Gate code 4412. Dog on premises.',
            'Bring a 16x25x1 filter.',
            'Roof access through the north stairwell.',
          ]),
          url: null,
          internal: false,
          readOnly: false,
          createdAt: appointment.createdAt,
          author: dispatcher,
        });
      }
    }
  }
  return world;
}
