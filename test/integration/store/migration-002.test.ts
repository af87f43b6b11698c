import path from 'node:path';
import { describe, expect, it } from '../../support/fixtures';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION, openMirrorForWriting } from '../../../electron/engine/store';
import { createDatabaseAtVersion, insertSampleAppointment, tableColumns } from '../../support/schema-at';

describe('migration 002 (XOi users)', () => {
  it('adds xoi_users to a version 1 mirror and keeps its rows', ({ defer, tempDir }) => {
    const folder = tempDir();
    const file = path.join(folder, 'v1.db');
    createDatabaseAtVersion(file, 1);
    const old = new Database(file);
    insertSampleAppointment(old);
    old.close();
    const store = openMirrorForWriting(file);
    defer(() => store.db.close());
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    expect(tableColumns(store.db, 'xoi_users')).toEqual([
      'id',
      'email',
      'given_name',
      'family_name',
      'enabled',
      'fetched_at',
    ]);
    expect(store.db.prepare('SELECT key, status FROM appointments').all()).toEqual([
      { key: 'TWO/SC1/001', status: 'Dispatched' },
    ]);
  });
});
