import { appointmentKeyString, keyFields } from '../../../../shared/domain/appointment-key';
import type { HistoryRecord } from '../records';
import { statement, type ReadHandle, type WriteHandle } from '../handles';

interface HistoryRow {
  id: string;
  appointment_key: string;
  action: HistoryRecord['action'];
  technician_id: string | null;
  task_date: string | null;
  estimated_hours: number | null;
  status: string;
  completed_at: string | null;
  modified_at: string;
  modified_by: string;
  version: number;
}

export interface StoredHistoryEntry extends HistoryRecord {
  appointmentKey: string;
  version: number;
}

function fromRow(row: HistoryRow): StoredHistoryEntry {
  return {
    id: row.id,
    appointmentKey: row.appointment_key,
    ...keyFields(row.appointment_key),
    action: row.action,
    technician: row.technician_id,
    taskDate: row.task_date,
    estimatedHours: row.estimated_hours,
    status: row.status,
    completedAt: row.completed_at,
    modifiedAt: row.modified_at,
    modifiedBy: row.modified_by,
    version: row.version,
  };
}

export function upsertHistory(handle: WriteHandle, entry: HistoryRecord, version: number): boolean {
  return (
    statement(
      handle,
      `
      INSERT INTO history (id, appointment_key, action, technician_id, task_date, estimated_hours, status, completed_at, modified_at, modified_by, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        appointment_key = excluded.appointment_key, action = excluded.action, technician_id = excluded.technician_id,
        task_date = excluded.task_date, estimated_hours = excluded.estimated_hours, status = excluded.status,
        completed_at = excluded.completed_at, modified_at = excluded.modified_at, modified_by = excluded.modified_by, version = excluded.version
      WHERE excluded.version > history.version`,
    ).run(
      entry.id,
      appointmentKeyString(entry),
      entry.action,
      entry.technician,
      entry.taskDate,
      entry.estimatedHours,
      entry.status,
      entry.completedAt,
      entry.modifiedAt,
      entry.modifiedBy,
      version,
    ).changes > 0
  );
}

export function deleteAllHistory(handle: WriteHandle): void {
  statement(handle, 'DELETE FROM history').run();
}

export function readHistoryOf(handle: ReadHandle | WriteHandle, appointmentKey: string): StoredHistoryEntry[] {
  return (
    statement(handle, 'SELECT * FROM history WHERE appointment_key = ? ORDER BY modified_at, id').all(
      appointmentKey,
    ) as HistoryRow[]
  ).map(fromRow);
}

export function readAllHistory(handle: ReadHandle | WriteHandle): StoredHistoryEntry[] {
  return (statement(handle, 'SELECT * FROM history ORDER BY id').all() as HistoryRow[]).map(fromRow);
}
