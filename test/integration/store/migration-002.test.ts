import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { LATEST_SCHEMA_VERSION } from '../../../electron/engine/store/migrations';
import { openMirrorForWriting } from '../../../electron/engine/store/open';
import { makeTempDir } from '../../support/temp-dir';
import { createDatabaseAtVersion, insertSampleAppointment, tableColumns } from '../../support/schema-at';

describe('migration 002 (XOi users)', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('adds xoi_users to a version 1 mirror and keeps its rows', () => {
    const file = path.join(temp.dir, 'v1.db');
    createDatabaseAtVersion(file, 1);
    const old = new Database(file);
    insertSampleAppointment(old);
    old.close();
    const store = openMirrorForWriting(file);
    try {
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
    } finally {
      store.db.close();
    }
  });
});
