import { notesMask } from '../../../../shared/diagnosis/diagnose';
import { jobIdFromNote } from '../../../../shared/links/deep-link';
import { statement, type ReadHandle, type WriteHandle } from '../handles';

type Handle = ReadHandle | WriteHandle;

/** An appointment Schedule deleted after XOi made its Vision job: the job lives on in Vision, orphaned. */
export interface DeletedAppointment {
  key: string;
  company: string;
  serviceCall: string;
  appointment: string;
  customer: string;
  status: string;
  technicianId: string | null;
  taskDate: string | null;
  completedAt: string | null;
  deletedAt: string;
  jobId: string | null;
  jobMadeAt: string;
  /** The XOi notes it had when it was deleted (bits as in the list: 1 Site History, 2 Workflow, 4 Resolution). */
  notesMask: number;
  transcripts: number;
}

interface Row {
  key: string;
  company: string;
  service_call: string;
  appointment: string;
  customer: string;
  status: string;
  technician_id: string | null;
  task_date: string | null;
  completed_at: string | null;
  deleted_at: string;
  job_id: string | null;
  job_made_at: string;
  notes_mask: number;
  transcripts: number;
}

function fromRow(row: Row): DeletedAppointment {
  return {
    key: row.key,
    company: row.company,
    serviceCall: row.service_call,
    appointment: row.appointment,
    customer: row.customer,
    status: row.status,
    technicianId: row.technician_id,
    taskDate: row.task_date,
    completedAt: row.completed_at,
    deletedAt: row.deleted_at,
    jobId: row.job_id,
    jobMadeAt: row.job_made_at,
    notesMask: row.notes_mask,
    transcripts: row.transcripts,
  };
}

const JOB_NOTES = new Set(['XOi Site History', 'XOi Workflow']);

/**
 * Before an appointment is deleted from the mirror: if XOi had made its job (its read-only job notes are here), what
 * is needed to find that job in Vision is kept. Must run in the transaction that deletes it. Returns whether it was.
 */
export function keepDeletedAfterJob(handle: WriteHandle, key: string, deletedAt: string): boolean {
  const notes = statement(
    handle,
    'SELECT name, created_at, url, text FROM notes WHERE appointment_key = ? AND read_only = 1 ORDER BY created_at',
  ).all(key) as Array<{ name: string; created_at: string; url: string | null; text: string }>;
  const jobNotes = notes.filter((note) => JOB_NOTES.has(note.name));
  const first = jobNotes[0];
  if (!first) return false;
  const jobId = jobNotes.map((note) => jobIdFromNote(note.url) ?? jobIdFromNote(note.text)).find(Boolean) ?? null;
  const { mask, transcripts } = notesMask(
    notes.map((note) => ({ name: note.name, createdAt: note.created_at, readOnly: true })),
  );
  const result = statement(
    handle,
    `INSERT INTO deleted_appointments (key, company, service_call, appointment, customer, status, technician_id,
       task_date, completed_at, deleted_at, job_id, job_made_at, notes_mask, transcripts)
     SELECT key, company, service_call, appointment, customer, status, technician_id, task_date, completed_at,
       ?, ?, ?, ?, ?
     FROM appointments WHERE key = ?
     ON CONFLICT (key) DO UPDATE SET company = excluded.company, service_call = excluded.service_call,
       appointment = excluded.appointment, customer = excluded.customer, status = excluded.status,
       technician_id = excluded.technician_id, task_date = excluded.task_date, completed_at = excluded.completed_at,
       deleted_at = excluded.deleted_at, job_id = excluded.job_id, job_made_at = excluded.job_made_at,
       notes_mask = excluded.notes_mask, transcripts = excluded.transcripts`,
  ).run(deletedAt, jobId, first.created_at, mask, transcripts, key);
  return result.changes > 0;
}

/** An appointment that comes back (the same key upserted again) is no longer deleted. */
export function forgetDeleted(handle: WriteHandle, key: string): void {
  statement(handle, 'DELETE FROM deleted_appointments WHERE key = ?').run(key);
}

export function readDeleted(handle: Handle, key: string): DeletedAppointment | undefined {
  const row = statement(handle, 'SELECT * FROM deleted_appointments WHERE key = ?').get(key) as Row | undefined;
  return row ? fromRow(row) : undefined;
}

/** Every kept deleted appointment, except any whose key is live again. */
export function* iterateDeleted(handle: Handle): IterableIterator<DeletedAppointment> {
  for (const row of statement(
    handle,
    `SELECT * FROM deleted_appointments d WHERE NOT EXISTS (SELECT 1 FROM appointments a WHERE a.key = d.key)
     ORDER BY d.key`,
  ).iterate() as IterableIterator<Row>)
    yield fromRow(row);
}

/** The kept deleted appointments with these keys (a pass's deletions). */
export function readDeletedIn(handle: Handle, keys: readonly string[]): DeletedAppointment[] {
  if (keys.length === 0) return [];
  return (
    statement(handle, `SELECT * FROM deleted_appointments WHERE key IN (${keys.map(() => '?').join(', ')})`).all(
      ...keys,
    ) as Row[]
  ).map(fromRow);
}

/** Deleted appointments kept since before `before` go (their keys are returned, so their list rows go too). */
export function dropDeletedBefore(handle: WriteHandle, before: string): string[] {
  return (
    statement(handle, 'DELETE FROM deleted_appointments WHERE deleted_at < ? RETURNING key').all(before) as Array<{
      key: string;
    }>
  ).map((row) => row.key);
}

export function deleteAllDeleted(handle: WriteHandle): void {
  statement(handle, 'DELETE FROM deleted_appointments').run();
}
