import type { Migration } from './types';

/** The mirror of the Schedule server: reference lists, the three change feeds with their cursors, and sync runs. */
export const migration001: Migration = {
  version: 1,
  name: 'initial mirror',
  up(db) {
    db.exec(`
      CREATE TABLE cursors (
        feed TEXT PRIMARY KEY,
        cursor TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE snapshots (
        kind TEXT PRIMARY KEY,
        json TEXT NOT NULL,
        fetched_at TEXT NOT NULL
      );
      CREATE TABLE companies (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        active INTEGER NOT NULL
      );
      CREATE TABLE technicians (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        email TEXT,
        last_device_sync_at TEXT
      );
      CREATE TABLE statuses (
        name TEXT PRIMARY KEY,
        category TEXT NOT NULL,
        built_in INTEGER NOT NULL
      );
      CREATE TABLE appointments (
        key TEXT PRIMARY KEY,
        company TEXT NOT NULL,
        service_call TEXT NOT NULL,
        appointment TEXT NOT NULL,
        customer TEXT NOT NULL,
        status TEXT NOT NULL,
        technician_id TEXT,
        task_date TEXT,
        estimated_hours REAL,
        completed_at TEXT,
        created_in TEXT NOT NULL,
        created_at TEXT NOT NULL,
        modified_at TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX appointments_task_date ON appointments (task_date);
      CREATE INDEX appointments_technician ON appointments (technician_id);
      CREATE TABLE notes (
        id TEXT PRIMARY KEY,
        appointment_key TEXT NOT NULL,
        name TEXT NOT NULL,
        text TEXT NOT NULL,
        url TEXT,
        internal INTEGER NOT NULL,
        read_only INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        author TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX notes_appointment ON notes (appointment_key);
      CREATE TABLE history (
        id TEXT PRIMARY KEY,
        appointment_key TEXT NOT NULL,
        action TEXT NOT NULL,
        technician_id TEXT,
        task_date TEXT,
        estimated_hours REAL,
        status TEXT NOT NULL,
        completed_at TEXT,
        modified_at TEXT NOT NULL,
        modified_by TEXT NOT NULL,
        version INTEGER NOT NULL
      );
      CREATE INDEX history_appointment ON history (appointment_key);
      CREATE TABLE sync_runs (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,
        ended_at TEXT,
        outcome TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT,
        rows_json TEXT NOT NULL DEFAULT '{}'
      );
      CREATE TABLE rejected_rows (
        id INTEGER PRIMARY KEY,
        feed TEXT NOT NULL,
        item TEXT NOT NULL,
        reason TEXT NOT NULL,
        seen_at TEXT NOT NULL
      );
    `);
  },
};
