import type { Migration } from './types';

/**
 * Makes the search index again as a contentless index without `contentless_delete`, filled from the read model's
 * rows. With `contentless_delete`, removing a row added a tombstone to every index segment whose row ids spanned it
 * and rebuilt a segment's whole tombstone table when it filled: at 1,000,000 appointments a console left running saw
 * its refresh after each pass grow from tens of milliseconds to seconds. Without it, a row is removed with FTS5's
 * 'delete' command and the text it was indexed with (which the read model keeps), which costs what adding it cost.
 *
 * The text indexed for a row is its search text, a space, and its state marker: three Private Use Area characters,
 * the middle one 'a' plus 4 for a live row plus the state's place in ok, waiting, needs-action, blocked. The writer
 * makes it the same way (`indexedText` in appointment-list.ts); the two must never differ, or a removal would leave
 * the row's old terms behind.
 */
export const migration009: Migration = {
  version: 9,
  name: 'search index deletes by text',
  up(db) {
    db.exec(`
      DROP TABLE list_search;
      CREATE VIRTUAL TABLE list_search USING fts5(search_text, content = '', tokenize = 'trigram');
      INSERT INTO list_search (rowid, search_text)
        SELECT id, search_text || ' ' || char(57344) || char(97 + live * 4 +
          CASE state WHEN 'waiting' THEN 1 WHEN 'needs-action' THEN 2 WHEN 'blocked' THEN 3 ELSE 0 END) || char(57344)
        FROM appointment_list;
      INSERT INTO list_search (list_search) VALUES ('optimize');
    `);
  },
};
