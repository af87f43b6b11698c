import type { Migration } from './types';

/**
 * Faster lists at scale: a trigram full-text index over the verdicts' search text (substring search without scanning
 * every row), and an index that lets deleting a verdict find its codes without a full scan.
 */
export const migration004: Migration = {
  version: 4,
  name: 'search index',
  up(db) {
    db.exec(`
      CREATE INDEX verdict_codes_appointment ON verdict_codes (appointment_key);
      CREATE VIRTUAL TABLE verdict_search USING fts5(search_text, content = '', contentless_delete = 1, tokenize = 'trigram');
      INSERT INTO verdict_search (rowid, search_text) SELECT rowid, search_text FROM verdicts;
    `);
  },
};
