import { appointmentKeyString, type AppointmentKey } from '../../../../shared/domain/appointment-key';
import type { AppointmentRecord } from '../records';
import { statement, type ReadHandle, type WriteHandle } from '../handles';
import { forgetDeleted, keepDeletedAfterJob } from './deleted-appointments';

/** An appointments row as SQLite returns it. */
export interface AppointmentRow {
  key: string;
  company: string;
  service_call: string;
  appointment: string;
  customer: string;
  status: string;
  technician_id: string | null;
  task_date: string | null;
  estimated_hours: number | null;
  completed_at: string | null;
  created_in: AppointmentRecord['createdIn'];
  created_at: string;
  modified_at: string;
  version: number;
}

export interface StoredAppointment extends AppointmentRecord {
  key: string;
  version: number;
}

export function fromAppointmentRow(row: AppointmentRow): StoredAppointment {
  return {
    key: row.key,
    version: row.version,
    company: row.company,
    serviceCall: row.service_call,
    appointment: row.appointment,
    customer: row.customer,
    status: row.status,
    technician: row.technician_id,
    taskDate: row.task_date,
    estimatedHours: row.estimated_hours,
    completedAt: row.completed_at,
    createdIn: row.created_in,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

// --- writes (the poller) ---------------------------------------------------------------------------------------

/** Inserts or updates; never moves a row back to an older version. Returns whether anything changed. */
export function upsertAppointment(handle: WriteHandle, appointment: AppointmentRecord, version: number): boolean {
  const result = statement(
    handle,
    `
      INSERT INTO appointments (key, company, service_call, appointment, customer, status, technician_id, task_date, estimated_hours, completed_at, created_in, created_at, modified_at, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (key) DO UPDATE SET
        customer = excluded.customer, status = excluded.status, technician_id = excluded.technician_id, task_date = excluded.task_date,
        estimated_hours = excluded.estimated_hours, completed_at = excluded.completed_at, created_in = excluded.created_in,
        created_at = excluded.created_at, modified_at = excluded.modified_at, version = excluded.version
      WHERE excluded.version > appointments.version`,
  )
    // Positional parameters: binding by name costs twice as much in the mirror's hottest loop.
    .run(
      appointmentKeyString(appointment),
      appointment.company,
      appointment.serviceCall,
      appointment.appointment,
      appointment.customer,
      appointment.status,
      appointment.technician,
      appointment.taskDate,
      appointment.estimatedHours,
      appointment.completedAt,
      appointment.createdIn,
      appointment.createdAt,
      appointment.modifiedAt,
      version,
    );
  if (result.changes === 0) return false;
  forgetDeleted(handle, appointmentKeyString(appointment));
  return true;
}

/**
 * A tombstone deletes the row (and its notes) unless the row is already newer than the tombstone. If XOi had made its
 * Vision job, what finds that job is kept first (deleted-appointments.ts).
 */
export function deleteAppointment(handle: WriteHandle, key: AppointmentKey, version: number, at: string): boolean {
  const keyText = appointmentKeyString(key);
  const current = statement(handle, 'SELECT version FROM appointments WHERE key = ?').get(keyText) as
    { version: number } | undefined;
  if (!current || current.version >= version) return false;
  keepDeletedAfterJob(handle, keyText, at);
  statement(handle, 'DELETE FROM appointments WHERE key = ?').run(keyText);
  statement(handle, 'DELETE FROM notes WHERE appointment_key = ?').run(keyText);
  return true;
}

export function deleteAllAppointments(handle: WriteHandle): void {
  statement(handle, 'DELETE FROM appointments').run();
}

/**
 * The appointments' technician index (migration 001), as it is made again after a first mirror's appointments feed.
 * Technicians arrive in no order, so each appointment is a random insert into it: at a million appointments nearly
 * every one changed a page of its own, and each commit of the feed logged thousands of them (the appointments feed
 * took 14 s there against 0.7 s at 100,000; without the index, then one build by sorting, 7.8 s).
 */
const TECHNICIAN_INDEX = 'CREATE INDEX IF NOT EXISTS appointments_technician ON appointments (technician_id)';

/** Drops the technician index while an empty appointments table is filled from its feed's start (see above). */
export function deferTechnicianIndex(handle: WriteHandle): boolean {
  if (statement(handle, 'SELECT 1 FROM appointments LIMIT 1').get() !== undefined) return false;
  handle.db.exec('DROP INDEX IF EXISTS appointments_technician');
  return true;
}

/**
 * Makes the technician index if it is missing: after the feed that deferred it, and when the mirror is opened, so a
 * pass that crashed before the end of that feed leaves no mirror without it.
 */
export function ensureTechnicianIndex(handle: WriteHandle): void {
  handle.db.exec(TECHNICIAN_INDEX);
}

// --- reads (screens, diagnosis, tests) ------------------------------------------------------------------------

export function readAppointment(handle: ReadHandle | WriteHandle, key: string): StoredAppointment | undefined {
  const row = statement(handle, 'SELECT * FROM appointments WHERE key = ?').get(key) as AppointmentRow | undefined;
  return row ? fromAppointmentRow(row) : undefined;
}

export function readAllAppointments(handle: ReadHandle | WriteHandle): StoredAppointment[] {
  return (statement(handle, 'SELECT * FROM appointments ORDER BY key').all() as AppointmentRow[]).map(
    fromAppointmentRow,
  );
}

export function* iterateAppointments(handle: ReadHandle | WriteHandle): IterableIterator<StoredAppointment> {
  for (const row of statement(handle, 'SELECT * FROM appointments').iterate() as IterableIterator<AppointmentRow>)
    yield fromAppointmentRow(row);
}
