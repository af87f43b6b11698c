import type { Migration } from './types';

/**
 * Gives each read-model row the next instant its verdict's state or codes can change with time alone (a wait for XOi
 * turning overdue, the transcripts' window closing), and an index of the rows that have one. After each pass the
 * rows whose instant has come are diagnosed again, so the list turns a row overdue when it becomes overdue rather than
 * at the next full recompute, up to ten minutes later; finding them is one index range, not a walk of every row.
 *
 * Existing rows start with none: the first full recompute after the upgrade fills it (and rewrites each row once).
 */
export const migration010: Migration = {
  version: 10,
  name: 'verdict changes at',
  up(db) {
    db.exec(`
      ALTER TABLE appointment_list ADD COLUMN changes_at TEXT;
      CREATE INDEX list_by_changes_at ON appointment_list (changes_at) WHERE changes_at IS NOT NULL;
    `);
  },
};
