import type { StatusCategory } from '../../../shared/domain/statuses';
import {
  buildXoiDirectory,
  integrationFindings,
  type DiagnosisContext,
  type TechnicianTally,
} from '../../../shared/diagnosis/context';
import type {
  ActivityFacts,
  AppointmentFacts,
  HistoryFacts,
  IntegrationFacts,
  NoteFacts,
  SystemFacts,
} from '../../../shared/diagnosis/types';
import { statement, type ReadHandle, type WriteHandle } from '../store/handles';
import { fromAppointmentRow, iterateAppointments, type AppointmentRow } from '../store/tables/appointments';
import { readCompanies, readStatuses, readTechnicians } from '../store/tables/reference-lists';
import { readSnapshot } from '../store/tables/snapshots';
import { readXoiUsers } from '../store/tables/xoi-users';
import type { VerdictSettings } from './verdict-settings';
import type { TechnicianRow } from '../../../shared/contract/appointments';
import { recordsOf, type AppointmentRecord } from './appointment-records';

type Handle = ReadHandle | WriteHandle;

export interface MirrorFacts {
  appointments: AppointmentFacts[];
  notesByKey: Map<string, NoteFacts[]>;
  historyByKey: Map<string, HistoryFacts[]>;
}

/** No appointments at all: for a context that is not about the whole mirror. Read-only. */
export const NO_FACTS: MirrorFacts = { appointments: [], notesByKey: new Map(), historyByKey: new Map() };

function group<R extends { appointment_key: string }, T>(rows: Iterable<R>, pick: (row: R) => T): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const list = map.get(row.appointment_key);
    if (list) list.push(pick(row));
    else map.set(row.appointment_key, [pick(row)]);
  }
  return map;
}

const NOTE_FACTS = 'SELECT appointment_key, name, created_at AS createdAt, read_only AS readOnly FROM notes';
const HISTORY_FACTS =
  'SELECT appointment_key, action, technician_id AS technician, status, task_date AS taskDate, completed_at AS completedAt, modified_at AS modifiedAt FROM history';
type NoteFactRow = Omit<NoteFacts, 'readOnly'> & { appointment_key: string; readOnly: number | boolean };
type HistoryFactRow = HistoryFacts & { appointment_key: string };
const noteFacts = (row: NoteFactRow): NoteFacts => ({
  name: row.name,
  createdAt: row.createdAt,
  readOnly: row.readOnly === 1 || row.readOnly === true,
});
const historyFacts = (row: HistoryFactRow): HistoryFacts => ({
  action: row.action,
  technician: row.technician,
  status: row.status,
  taskDate: row.taskDate,
  completedAt: row.completedAt,
  modifiedAt: row.modifiedAt,
});

/** Everything the rules read about every appointment (or one technician's), in three queries. */
export function loadMirrorFacts(handle: Handle, technicianId?: string): MirrorFacts {
  const appointments: AppointmentFacts[] = [];
  if (technicianId === undefined) {
    for (const row of iterateAppointments(handle)) appointments.push(row);
  } else {
    for (const row of statement(handle, 'SELECT * FROM appointments WHERE technician_id = ?').iterate(
      technicianId,
    ) as Iterable<Record<string, unknown>>) {
      appointments.push(fromAppointmentRow(row as never));
    }
  }
  const scope =
    technicianId === undefined
      ? ''
      : ' WHERE appointment_key IN (SELECT key FROM appointments WHERE technician_id = ?)';
  const scopeParams = technicianId === undefined ? [] : [technicianId];
  const notesByKey = group(
    statement(handle, `${NOTE_FACTS}${scope}`).iterate(...scopeParams) as Iterable<NoteFactRow>,
    noteFacts,
  );
  const historyByKey = group(
    statement(handle, `${HISTORY_FACTS}${scope}`).iterate(...scopeParams) as Iterable<HistoryFactRow>,
    historyFacts,
  );
  return { appointments, notesByKey, historyByKey };
}

/** Groups raw rows ([appointment key, ...fields]) by their first column. */
function groupRaw<T>(rows: unknown[][], pick: (row: unknown[]) => T): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const key = row[0] as string;
    const list = map.get(key);
    if (list) list.push(pick(row));
    else map.set(key, [pick(row)]);
  }
  return map;
}

const rawAppointment = (row: unknown[]): AppointmentFacts => ({
  key: row[0] as string,
  company: row[1] as string,
  serviceCall: row[2] as string,
  appointment: row[3] as string,
  customer: row[4] as string,
  status: row[5] as string,
  technician: row[6] as string | null,
  taskDate: row[7] as string | null,
  completedAt: row[8] as string | null,
  createdIn: row[9] as AppointmentFacts['createdIn'],
  createdAt: row[10] as string,
  modifiedAt: row[11] as string,
});
const rawNote = (row: unknown[]): NoteFacts => ({
  name: row[1] as string,
  createdAt: row[2] as string,
  readOnly: row[3] === 1,
});
const rawHistory = (row: unknown[]): HistoryFacts => ({
  action: row[1] as string,
  technician: row[2] as string | null,
  status: row[3] as string,
  taskDate: row[4] as string | null,
  completedAt: row[5] as string | null,
  modifiedAt: row[6] as string,
});

/**
 * The same facts, a slice of appointments at a time in key order. A full recompute reads them this way so it never
 * holds every appointment's facts at once (about 216 MB of heap at 100,000 appointments, and long collections).
 * Each slice is read completely before it is handed over, so the caller may write between slices. Notes and history
 * are read as arrays rather than objects: a full recompute reads hundreds of thousands of them.
 */
export function* mirrorFactsInSlices(handle: Handle, sliceSize: number): Generator<MirrorFacts> {
  let after = '';
  const notes = statement(
    handle,
    'SELECT appointment_key, name, created_at, read_only FROM notes WHERE appointment_key BETWEEN ? AND ? /* raw */',
  ).raw(true);
  const history = statement(
    handle,
    'SELECT appointment_key, action, technician_id, status, task_date, completed_at, modified_at FROM history WHERE appointment_key BETWEEN ? AND ? /* raw */',
  ).raw(true);
  const appointments = statement(
    handle,
    `SELECT key, company, service_call, appointment, customer, status, technician_id, task_date, completed_at,
       created_in, created_at, modified_at FROM appointments WHERE key > ? ORDER BY key LIMIT ? /* raw */`,
  ).raw(true);
  for (;;) {
    const rows = (appointments.all(after, sliceSize) as unknown[][]).map(rawAppointment);
    const first = rows[0];
    const last = rows[rows.length - 1];
    if (!first || !last) return;
    yield {
      appointments: rows,
      notesByKey: groupRaw(notes.all(first.key, last.key) as unknown[][], rawNote),
      historyByKey: groupRaw(history.all(first.key, last.key) as unknown[][], rawHistory),
    };
    after = last.key;
  }
}

/** The facts of the given appointments only (a pass's changed ones); keys of deleted appointments are skipped. */
export function mirrorFactsFor(handle: Handle, keys: readonly string[]): MirrorFacts {
  const marks = keys.map(() => '?').join(', ');
  return {
    appointments: (
      statement(handle, `SELECT * FROM appointments WHERE key IN (${marks})`).all(...keys) as AppointmentRow[]
    ).map(fromAppointmentRow),
    notesByKey: group(
      statement(handle, `${NOTE_FACTS} WHERE appointment_key IN (${marks})`).all(...keys) as NoteFactRow[],
      noteFacts,
    ),
    historyByKey: group(
      statement(handle, `${HISTORY_FACTS} WHERE appointment_key IN (${marks})`).all(...keys) as HistoryFactRow[],
      historyFacts,
    ),
  };
}

/**
 * Per technician: eligible appointments XOi should have handled by now, and how many have job notes. The basis
 * of "likely not an XOi user" when XOi's own user list is not available. Adds to `tallies` when given (one slice at a time).
 */
export function technicianTallies(
  records: readonly AppointmentRecord[],
  now: number,
  settings: VerdictSettings,
  tallies = new Map<string, TechnicianTally>(),
): Map<string, TechnicianTally> {
  const count = (technician: string, withJobNotes: boolean) => {
    const tally = tallies.get(technician) ?? { dueForJobNotes: 0, withJobNotes: 0 };
    tally.dueForJobNotes++;
    if (withJobNotes) tally.withJobNotes++;
    tallies.set(technician, tally);
  };
  for (const { appointment, milestones } of records) {
    if (milestones.jobNote) {
      // Credit the technician XOi matched when it made the job, not whoever holds the appointment now.
      const atJob = milestones.technicianAtJob;
      const credited = atJob?.known ? atJob.technician : appointment.technician;
      if (credited) count(credited, true);
      continue;
    }
    const since = milestones.eligibleSince;
    if (appointment.technician && since !== null && now - Date.parse(since) >= settings.pollDelayMs)
      count(appointment.technician, false);
  }
  return tallies;
}

/**
 * A context for diagnosing one appointment (the detail view, the CLI for one key). The technicians' tallies come from
 * the last full recompute's summary, so one diagnosis never reads the whole mirror.
 */
export function buildContextForOne(
  handle: Handle,
  technicianId: string | null,
  now: number,
  settings: VerdictSettings,
): DiagnosisContext {
  const summary = readSnapshot<TechnicianRow[]>(handle, 'technicians')?.value;
  if (summary) {
    const context = buildContext(handle, NO_FACTS, now, settings);
    return {
      ...context,
      tallies: new Map(
        summary.map((row) => [row.id, { dueForJobNotes: row.eligible, withJobNotes: row.withJobNotes }]),
      ),
    };
  }
  const facts = technicianId === null ? NO_FACTS : loadMirrorFacts(handle, technicianId);
  const context = buildContext(handle, facts, now, settings);
  const others = statement(
    handle,
    "SELECT count(*) AS n FROM notes n JOIN appointments a ON a.key = n.appointment_key WHERE n.name = 'XOi Site History' AND (a.technician_id IS NOT ? )",
  ).get(technicianId) as { n: number };
  const tallies = new Map(context.tallies);
  tallies.set('\u0000others', { dueForJobNotes: others.n, withJobNotes: others.n });
  return { ...context, tallies };
}

/** The part of a context that moves without any reference list changing: the time, the settings, the integration. */
export type IntegrationState = Pick<
  DiagnosisContext,
  'now' | 'settings' | 'system' | 'integration' | 'activity' | 'integrationFindings'
>;

export function integrationState(handle: Handle, now: number, settings: VerdictSettings): IntegrationState {
  const system = readSnapshot<SystemFacts>(handle, 'system')?.value ?? null;
  const integration = readSnapshot<IntegrationFacts>(handle, 'integration')?.value ?? null;
  const activity = readSnapshot<ActivityFacts>(handle, 'activity')?.value ?? null;
  const base = { now, settings, system, integration, activity };
  return { ...base, integrationFindings: integrationFindings(base) };
}

/** The shared context of one diagnosis run: reference lists, snapshots, XOi users, tallies, integration findings. */
export function buildContext(
  handle: Handle,
  facts: MirrorFacts,
  now: number,
  settings: VerdictSettings,
): DiagnosisContext {
  const serverCategories = new Map<string, StatusCategory>(
    readStatuses(handle).map((status) => [status.name, status.category]),
  );
  const xoiUsers = settings.xoiUsersKnown ? readXoiUsers(handle) : null;
  return {
    ...integrationState(handle, now, settings),
    companies: new Map(
      readCompanies(handle).map((company) => [company.id, { name: company.name, active: company.active }]),
    ),
    serverCategories,
    technicians: new Map(readTechnicians(handle).map((technician) => [technician.id, technician])),
    xoiUsers:
      xoiUsers && xoiUsers.length > 0
        ? buildXoiDirectory(
            xoiUsers.map((user) => ({
              email: user.email,
              enabled: user.enabled,
              name: `${user.givenName} ${user.familyName}`.trim(),
            })),
          )
        : null,
    tallies: technicianTallies(recordsOf(facts, { serverCategories, settings }), now, settings),
  };
}
