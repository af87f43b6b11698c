import type { Migration } from './types';

/**
 * The screens' read model, replacing the verdict tables of 003 and 004 (derived data: the first recompute after the
 * upgrade fills it again).
 *
 * - `appointment_list`: one row per appointment (`live` = 1) and per appointment Schedule deleted after XOi made its
 *   Vision job (`live` = 0, a tombstone), with everything the list shows, sorts and filters on. Each sort order has an
 *   index in that order (the key breaking ties) that also holds the state, so a window, filtered by state or not, is
 *   read from the index alone, and only its own rows are looked up.
 *   `signature` is a hash of the row's values: a recompute compares it, not every column, to skip unchanged rows.
 * - `list_codes`: the reason codes of each row, by code (the reason filter).
 * - `list_search`: a trigram full-text index of each row's search text (substrings of keys, customers, technicians),
 *   written by the code that writes the rows, not by a trigger: FTS5 flushes its pending terms at every statement
 *   savepoint, and a trigger per row made a first fill seven times slower. Row ids are never reused (AUTOINCREMENT),
 *   so an index entry can never point at another row.
 * - `list_counts`: how many rows per state and per code, kept by triggers in the same transaction as the rows, so the
 *   counts are updated, never recounted.
 * - `deleted_appointments`: what XOi left behind for an appointment Schedule deleted: its last fields and its job.
 */
export const migration005: Migration = {
  version: 5,
  name: 'read model',
  up(db) {
    db.exec(`
      DROP TABLE IF EXISTS verdict_search;
      DROP TABLE IF EXISTS verdict_codes;
      DROP TABLE IF EXISTS verdicts;

      CREATE TABLE deleted_appointments (
        key TEXT PRIMARY KEY,
        company TEXT NOT NULL,
        service_call TEXT NOT NULL,
        appointment TEXT NOT NULL,
        customer TEXT NOT NULL,
        status TEXT NOT NULL,
        technician_id TEXT,
        task_date TEXT,
        completed_at TEXT,
        deleted_at TEXT NOT NULL,
        job_id TEXT,
        job_made_at TEXT NOT NULL,
        notes_mask INTEGER NOT NULL,
        transcripts INTEGER NOT NULL
      );
      CREATE INDEX deleted_appointments_at ON deleted_appointments (deleted_at);

      CREATE TABLE appointment_list (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        key TEXT NOT NULL UNIQUE,
        live INTEGER NOT NULL,
        company TEXT NOT NULL,
        service_call TEXT NOT NULL,
        appointment TEXT NOT NULL,
        customer TEXT NOT NULL,
        status TEXT NOT NULL,
        technician_id TEXT,
        technician_name TEXT,
        task_date TEXT,
        completed_at TEXT,
        state TEXT NOT NULL,
        state_rank INTEGER NOT NULL,
        codes TEXT NOT NULL,
        summary TEXT NOT NULL,
        notes_mask INTEGER NOT NULL,
        transcripts INTEGER NOT NULL,
        deleted_at TEXT,
        job_id TEXT,
        search_text TEXT NOT NULL,
        signature TEXT NOT NULL
      );
      CREATE INDEX list_by_task_date ON appointment_list (live, task_date, key, state);
      CREATE INDEX list_by_key ON appointment_list (live, key, state);
      CREATE INDEX list_by_state ON appointment_list (live, state_rank, key, state);
      CREATE INDEX list_by_technician ON appointment_list (live, technician_name, key, state);
      CREATE INDEX list_by_customer ON appointment_list (live, customer, key, state);
      CREATE INDEX list_by_state_task_date ON appointment_list (live, state, task_date, key);
      CREATE INDEX list_by_technician_id ON appointment_list (live, technician_id, state);
      CREATE INDEX list_by_company ON appointment_list (live, company, state);

      CREATE TABLE list_codes (
        live INTEGER NOT NULL,
        code TEXT NOT NULL,
        list_id INTEGER NOT NULL,
        PRIMARY KEY (live, code, list_id)
      ) WITHOUT ROWID;
      CREATE INDEX list_codes_row ON list_codes (list_id);

      CREATE VIRTUAL TABLE list_search USING fts5(search_text, content = '', contentless_delete = 1, tokenize = 'trigram');

      CREATE TABLE list_counts (
        live INTEGER NOT NULL,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (live, kind, name)
      ) WITHOUT ROWID;

      CREATE TRIGGER list_added AFTER INSERT ON appointment_list BEGIN
        INSERT INTO list_counts (live, kind, name, n) VALUES (new.live, 'state', new.state, 1)
          ON CONFLICT (live, kind, name) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER list_removed AFTER DELETE ON appointment_list BEGIN
        DELETE FROM list_codes WHERE list_id = old.id;
        UPDATE list_counts SET n = n - 1 WHERE live = old.live AND kind = 'state' AND name = old.state;
      END;
      CREATE TRIGGER list_state_changed AFTER UPDATE OF state, live ON appointment_list
        WHEN old.state IS NOT new.state OR old.live IS NOT new.live BEGIN
        UPDATE list_counts SET n = n - 1 WHERE live = old.live AND kind = 'state' AND name = old.state;
        INSERT INTO list_counts (live, kind, name, n) VALUES (new.live, 'state', new.state, 1)
          ON CONFLICT (live, kind, name) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER list_code_added AFTER INSERT ON list_codes BEGIN
        INSERT INTO list_counts (live, kind, name, n) VALUES (new.live, 'code', new.code, 1)
          ON CONFLICT (live, kind, name) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER list_code_removed AFTER DELETE ON list_codes BEGIN
        UPDATE list_counts SET n = n - 1 WHERE live = old.live AND kind = 'code' AND name = old.code;
      END;
    `);
  },
};
