import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '../../support/fixtures';
import {
  createDatabaseAtVersion,
  insertSampleAppointment,
  migrateTo,
  queryPlan,
  tableIndexes,
} from '../../support/schema-at';

describe('migration 007 (drop appointments by task date)', () => {
  it('drops the unused task-date index of the mirrored appointments and keeps their rows and other indexes', ({
    tempDir,
  }) => {
    const file = path.join(tempDir(), 'v6.db');
    createDatabaseAtVersion(file, 6);
    const before = new Database(file);
    insertSampleAppointment(before, 'TWO/SC1/001');
    insertSampleAppointment(before, 'TWO/SC2/001');
    expect(tableIndexes(before, 'appointments')).toContain('appointments_task_date');
    before.close();

    const db = migrateTo(file, 7);
    expect(db.pragma('user_version', { simple: true })).toBe(7);
    expect(tableIndexes(db, 'appointments')).not.toContain('appointments_task_date');
    expect(tableIndexes(db, 'appointments')).toContain('appointments_technician');
    expect(db.prepare('SELECT key FROM appointments ORDER BY key').all()).toEqual([
      { key: 'TWO/SC1/001' },
      { key: 'TWO/SC2/001' },
    ]);
    // The lookup a technician's change still needs keeps its index.
    expect(queryPlan(db, 'SELECT key FROM appointments WHERE technician_id = ?', 'T1').join(' ')).toContain(
      'appointments_technician',
    );
    db.close();
  });
});
