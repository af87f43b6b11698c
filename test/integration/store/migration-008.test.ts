import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '../../support/fixtures';
import { createDatabaseAtVersion, insertSampleAppointment, migrateTo } from '../../support/schema-at';

describe('migration 008 (instants in UTC)', () => {
  it('rewrites the instants a server sent in other offsets or precisions in UTC to the millisecond, and no others', ({
    tempDir,
  }) => {
    const file = path.join(tempDir(), 'v7.db');
    createDatabaseAtVersion(file, 7);
    const before = new Database(file);
    insertSampleAppointment(before, 'TWO/SC1/001');
    before
      .prepare("UPDATE appointments SET completed_at = '2026-03-02T04:30:00.5-05:00', modified_at = ? WHERE key = ?")
      .run('2026-03-02T09:30:00.000Z', 'TWO/SC1/001');
    before
      .prepare(
        `INSERT INTO notes (id, appointment_key, name, text, url, internal, read_only, created_at, author, version)
         VALUES ('N1', 'TWO/SC1/001', 'XOi Site History', '', NULL, 1, 1, '2026-03-01T01:05:00-05:00', 'xoi', 1)`,
      )
      .run();
    before
      .prepare(
        `INSERT INTO history (id, appointment_key, action, technician_id, task_date, estimated_hours, status, completed_at,
           modified_at, modified_by, version)
         VALUES ('H1', 'TWO/SC1/001', 'Update', 'T1', NULL, NULL, 'Dispatched', NULL, '2026-03-01T14:00:00+05:00', 'x', 1)`,
      )
      .run();
    before.close();

    const db = migrateTo(file, 8);
    expect(db.pragma('user_version', { simple: true })).toBe(8);
    expect(db.prepare('SELECT task_date, completed_at, created_at, modified_at FROM appointments').get()).toEqual({
      task_date: '2026-03-02T08:00:00.000Z',
      completed_at: '2026-03-02T09:30:00.500Z',
      created_at: '2026-03-01T08:00:00.000Z',
      modified_at: '2026-03-02T09:30:00.000Z',
    });
    expect(db.prepare('SELECT created_at FROM notes').pluck().get()).toBe('2026-03-01T06:05:00.000Z');
    expect(db.prepare('SELECT task_date, completed_at, modified_at FROM history').get()).toEqual({
      task_date: null,
      completed_at: null,
      modified_at: '2026-03-01T09:00:00.000Z',
    });
    db.close();
  });
});
