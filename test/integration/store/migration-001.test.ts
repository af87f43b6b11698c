import path from 'node:path';
import { describe, expect, it } from '../../support/fixtures';
import { openMirrorForWriting } from '../../../electron/engine/store';
import { tableColumns } from '../../support/schema-at';

describe('migration 001 (initial mirror)', () => {
  it('creates the mirror tables on an empty file', ({ defer, tempDir }) => {
    const folder = tempDir();
    const store = openMirrorForWriting(path.join(folder, 'new.db'));
    defer(() => store.db.close());
    for (const table of [
      'cursors',
      'snapshots',
      'companies',
      'technicians',
      'statuses',
      'appointments',
      'notes',
      'history',
      'sync_runs',
      'rejected_rows',
    ]) {
      expect(tableColumns(store.db, table).length).toBeGreaterThan(0);
    }
    expect(tableColumns(store.db, 'appointments')).toEqual([
      'key',
      'company',
      'service_call',
      'appointment',
      'customer',
      'status',
      'technician_id',
      'task_date',
      'estimated_hours',
      'completed_at',
      'created_in',
      'created_at',
      'modified_at',
      'version',
    ]);
    expect(store.db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(store.db.pragma('foreign_keys', { simple: true })).toBe(1);
  });
});
