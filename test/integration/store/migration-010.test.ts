import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '../../support/fixtures';
import { KEYS_DUE_SQL } from '../../../electron/engine/store';
import { createDatabaseAtVersion, migrateTo, queryPlan, tableColumns, tableIndexes } from '../../support/schema-at';

/** A version-9 read model row, as the console wrote them before 010. */
function insertListRow(db: Database.Database, id: number) {
  db.prepare(
    `INSERT INTO appointment_list (id, key, live, company, service_call, appointment, customer, status, state,
       state_rank, codes, summary, notes_mask, transcripts, search_text, signature)
     VALUES (?, ?, 1, 'TWO', 'SC', ?, 'Lakeside Dental', 'Dispatched', 'waiting', 1, 'AWAITING_XOI_POLL', 's', 0, 0,
       'two/sc lakeside dental', 'sig')`,
  ).run(id, `TWO/SC/${id}`, String(id));
}

describe('migration 010 (verdict changes at)', () => {
  it('gives the rows an instant of change, none yet, and finds the rows due by one range of its index', ({
    tempDir,
  }) => {
    const file = path.join(tempDir(), 'v9.db');
    createDatabaseAtVersion(file, 9);
    const before = new Database(file);
    for (const id of [1, 2, 3]) insertListRow(before, id);
    before.close();

    const db = migrateTo(file, 10);
    expect(db.pragma('user_version', { simple: true })).toBe(10);
    expect(tableColumns(db, 'appointment_list')).toContain('changes_at');
    expect(tableIndexes(db, 'appointment_list')).toContain('list_by_changes_at');
    // The rows are kept, with no instant until the next full recompute gives them one.
    expect(db.prepare('SELECT key, changes_at AS changesAt FROM appointment_list ORDER BY id').all()).toEqual([
      { key: 'TWO/SC/1', changesAt: null },
      { key: 'TWO/SC/2', changesAt: null },
      { key: 'TWO/SC/3', changesAt: null },
    ]);
    const due = (at: string) => db.prepare(KEYS_DUE_SQL).pluck().all(at);
    expect(due('2100-01-01T00:00:00.000Z')).toEqual([]);
    db.prepare("UPDATE appointment_list SET changes_at = '2026-03-02T12:15:00.000Z' WHERE id = 2").run();
    expect(due('2026-03-02T12:14:59.999Z')).toEqual([]);
    expect(due('2026-03-02T12:15:00.000Z')).toEqual(['TWO/SC/2']);
    expect(queryPlan(db, KEYS_DUE_SQL, '2026-03-02T12:15:00.000Z')).toEqual([
      'SEARCH appointment_list USING INDEX list_by_changes_at (changes_at<?)',
    ]);
    db.close();
  });
});
