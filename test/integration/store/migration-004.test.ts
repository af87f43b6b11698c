import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '../../support/fixtures';
import { createDatabaseAtVersion, insertSampleAppointment, migrateTo, queryPlan } from '../../support/schema-at';

describe('migration 004 (search index)', () => {
  it('indexes the existing verdicts for substring search and their codes by appointment', ({ defer, tempDir }) => {
    const folder = tempDir();
    const file = path.join(folder, 'v3.db');
    createDatabaseAtVersion(file, 3);
    const old = new Database(file);
    insertSampleAppointment(old);
    old
      .prepare(
        "INSERT INTO verdicts (appointment_key, state, codes, summary, notes_mask, transcripts, search_text, computed_at) VALUES ('TWO/SC1/001', 'ok', 'NOTES_COMPLETE', 's', 7, 0, 'two/sc1/001 lakeside medical center ana ruiz', 'now')",
      )
      .run();
    old.close();
    const store = { db: migrateTo(file, 4) };
    defer(() => store.db.close());
    expect(store.db.pragma('user_version', { simple: true })).toBe(4);
    const found = store.db
      .prepare(
        'SELECT v.appointment_key FROM verdicts v WHERE v.rowid IN (SELECT rowid FROM verdict_search WHERE verdict_search MATCH \'"side med"\')',
      )
      .all();
    expect(found).toEqual([{ appointment_key: 'TWO/SC1/001' }]);
    expect(queryPlan(store.db, "DELETE FROM verdict_codes WHERE appointment_key = 'x'").join(' ')).toMatch(
      /verdict_codes_appointment/,
    );
  });
});
