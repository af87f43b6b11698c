import { appointmentKeyString, keyFields } from '../../../../shared/domain/appointment-key';
import type { NoteRecord } from '../records';
import { statement, type ReadHandle, type WriteHandle } from '../handles';

interface NoteRow {
  id: string;
  appointment_key: string;
  name: string;
  text: string;
  url: string | null;
  internal: number;
  read_only: number;
  created_at: string;
  author: string;
  version: number;
}

export interface StoredNote extends NoteRecord {
  appointmentKey: string;
  version: number;
}

function fromRow(row: NoteRow): StoredNote {
  return {
    id: row.id,
    appointmentKey: row.appointment_key,
    ...keyFields(row.appointment_key),
    name: row.name,
    text: row.text,
    url: row.url,
    internal: row.internal === 1,
    readOnly: row.read_only === 1,
    createdAt: row.created_at,
    author: row.author,
    version: row.version,
  };
}

export function upsertNote(handle: WriteHandle, note: NoteRecord, version: number): boolean {
  return (
    statement(
      handle,
      `
      INSERT INTO notes (id, appointment_key, name, text, url, internal, read_only, created_at, author, version)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (id) DO UPDATE SET
        appointment_key = excluded.appointment_key, name = excluded.name, text = excluded.text, url = excluded.url,
        internal = excluded.internal, read_only = excluded.read_only, created_at = excluded.created_at,
        author = excluded.author, version = excluded.version
      WHERE excluded.version > notes.version`,
    ).run(
      note.id,
      appointmentKeyString(note),
      note.name,
      note.text,
      note.url,
      note.internal ? 1 : 0,
      note.readOnly ? 1 : 0,
      note.createdAt,
      note.author,
      version,
    ).changes > 0
  );
}

/** Deletes a note unless it is newer than the tombstone; returns the appointment it belonged to, or null. */
export function deleteNote(handle: WriteHandle, id: string, version: number): string | null {
  const row = statement(handle, 'SELECT appointment_key FROM notes WHERE id = ? AND version < ?').get(id, version) as
    { appointment_key: string } | undefined;
  if (!row) return null;
  statement(handle, 'DELETE FROM notes WHERE id = ?').run(id);
  return row.appointment_key;
}

export function deleteAllNotes(handle: WriteHandle): void {
  statement(handle, 'DELETE FROM notes').run();
}

export function readNotesOf(handle: ReadHandle | WriteHandle, appointmentKey: string): StoredNote[] {
  return (
    statement(handle, 'SELECT * FROM notes WHERE appointment_key = ? ORDER BY created_at, id').all(
      appointmentKey,
    ) as NoteRow[]
  ).map(fromRow);
}

export function readAllNotes(handle: ReadHandle | WriteHandle): StoredNote[] {
  return (statement(handle, 'SELECT * FROM notes ORDER BY id').all() as NoteRow[]).map(fromRow);
}
