import path from 'node:path';
import { describe, expect, it } from '../../support/fixtures';
import Database from 'better-sqlite3';
import { createDatabaseAtVersion, insertSampleAppointment, migrateTo, tableColumns } from '../../support/schema-at';

describe('migration 003 (verdicts)', () => {
  it.for([1, 2])('upgrades a version %i mirror: verdicts follow their appointment', (from, { defer, tempDir }) => {
    const folder = tempDir();
    const file = path.join(folder, `v${from}.db`);
    createDatabaseAtVersion(file, from);
    const old = new Database(file);
    insertSampleAppointment(old);
    old.close();
    const store = { db: migrateTo(file, 3) };
    defer(() => store.db.close());
    expect(store.db.pragma('user_version', { simple: true })).toBe(3);
    expect(tableColumns(store.db, 'verdicts')).toContain('search_text');
    store.db
      .prepare(
        "INSERT INTO verdicts (appointment_key, state, codes, summary, notes_mask, transcripts, search_text, computed_at) VALUES ('TWO/SC1/001', 'ok', 'NOTES_COMPLETE', 's', 7, 0, 'x', 'now')",
      )
      .run();
    store.db
      .prepare("INSERT INTO verdict_codes (appointment_key, code) VALUES ('TWO/SC1/001', 'NOTES_COMPLETE')")
      .run();
    store.db.prepare("DELETE FROM appointments WHERE key = 'TWO/SC1/001'").run();
    expect(store.db.prepare('SELECT count(*) AS n FROM verdicts').get()).toEqual({ n: 0 });
    expect(store.db.prepare('SELECT count(*) AS n FROM verdict_codes').get()).toEqual({ n: 0 });
  });
});
