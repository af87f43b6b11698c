import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '../../support/fixtures';
import { createDatabaseAtVersion, migrateTo, tableColumns } from '../../support/schema-at';

/** A version-5 read model row with its codes, as the console wrote them before 006. */
function insertListRow(db: Database.Database, id: number, company: string, technician: string | null, codes: string[]) {
  db.prepare(
    `INSERT INTO appointment_list (id, key, live, company, service_call, appointment, customer, status, technician_id,
       technician_name, state, state_rank, codes, summary, notes_mask, transcripts, search_text, signature)
     VALUES (?, ?, 1, ?, 'SC', ?, 'Lakeside', 'Dispatched', ?, NULL, 'blocked', 3, ?, 's', 0, 0, 'x', 'sig')`,
  ).run(id, `${company}/SC/${id}`, company, String(id), technician, codes.join(' '));
  for (const code of codes) db.prepare('INSERT INTO list_codes (live, code, list_id) VALUES (1, ?, ?)').run(code, id);
}

describe('migration 006 (held counts)', () => {
  it('gives each held code its technician or company and counts them, and the counts then follow by trigger', ({
    tempDir,
  }) => {
    const file = path.join(tempDir(), 'v5.db');
    createDatabaseAtVersion(file, 5);
    const migrated = new Database(file);
    insertListRow(migrated, 1, 'TWO', 'T1', ['TECH_NOT_XOI_USER']);
    insertListRow(migrated, 2, 'TWO', 'T1', ['TECH_NOT_XOI_USER', 'JOB_NOTES_OVERDUE']);
    insertListRow(migrated, 3, 'FOUR', 'T2', ['COMPANY_INACTIVE', 'TECH_EMAIL_MISSING']);
    insertListRow(migrated, 4, 'FOUR', null, ['COMPANY_INACTIVE', 'TECH_EMAIL_MISSING']);
    migrated.close();

    const db = migrateTo(file, 6);
    expect(db.pragma('user_version', { simple: true })).toBe(6);
    expect(tableColumns(db, 'list_codes')).toContain('holder');
    const holders = db.prepare('SELECT list_id, code, holder FROM list_codes ORDER BY list_id, code').all();
    expect(holders).toEqual([
      { list_id: 1, code: 'TECH_NOT_XOI_USER', holder: 'T1' },
      { list_id: 2, code: 'JOB_NOTES_OVERDUE', holder: null },
      { list_id: 2, code: 'TECH_NOT_XOI_USER', holder: 'T1' },
      { list_id: 3, code: 'COMPANY_INACTIVE', holder: 'FOUR' },
      { list_id: 3, code: 'TECH_EMAIL_MISSING', holder: 'T2' },
      { list_id: 4, code: 'COMPANY_INACTIVE', holder: 'FOUR' },
      { list_id: 4, code: 'TECH_EMAIL_MISSING', holder: null },
    ]);
    const held = () => db.prepare('SELECT code, holder, n FROM list_held WHERE n <> 0 ORDER BY code, holder').all();
    expect(held()).toEqual([
      { code: 'COMPANY_INACTIVE', holder: 'FOUR', n: 2 },
      { code: 'TECH_EMAIL_MISSING', holder: 'T2', n: 1 },
      { code: 'TECH_NOT_XOI_USER', holder: 'T1', n: 2 },
    ]);

    // A row removed takes its codes, and they their counts (the list's delete trigger removes the codes).
    db.prepare('DELETE FROM appointment_list WHERE id = 3').run();
    expect(held()).toEqual([
      { code: 'COMPANY_INACTIVE', holder: 'FOUR', n: 1 },
      { code: 'TECH_NOT_XOI_USER', holder: 'T1', n: 2 },
    ]);
    db.close();
  });
});
