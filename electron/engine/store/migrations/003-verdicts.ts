import type { Migration } from './types';

/**
 * The diagnosis of every appointment, recomputed after each sync and as time passes, so that screens filter and
 * count among tens of thousands without diagnosing on every keystroke. `search_text` holds what the search box
 * matches: key, customer and technician name, lower-cased.
 */
export const migration003: Migration = {
  version: 3,
  name: 'verdicts',
  up(db) {
    db.exec(`
      CREATE TABLE verdicts (
        appointment_key TEXT PRIMARY KEY REFERENCES appointments (key) ON DELETE CASCADE,
        state TEXT NOT NULL,
        codes TEXT NOT NULL,
        summary TEXT NOT NULL,
        notes_mask INTEGER NOT NULL,
        transcripts INTEGER NOT NULL,
        search_text TEXT NOT NULL,
        computed_at TEXT NOT NULL
      );
      CREATE INDEX verdicts_state ON verdicts (state);
      CREATE TABLE verdict_codes (
        appointment_key TEXT NOT NULL REFERENCES verdicts (appointment_key) ON DELETE CASCADE,
        code TEXT NOT NULL,
        PRIMARY KEY (code, appointment_key)
      ) WITHOUT ROWID;
    `);
  },
};
