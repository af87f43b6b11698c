import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '../../support/fixtures';
import { recomputeAllVerdicts, verdictSettingsFrom } from '../../../electron/engine/diagnosis';
import { LATEST_SCHEMA_VERSION, openMirrorForWriting } from '../../../electron/engine/store';
import { DEFAULT_PROFILE_SETTINGS } from '../../../shared/contract';
import { createDatabaseAtVersion, insertSampleAppointment, migrateTo, tableColumns } from '../../support/schema-at';

describe('migration 005 (read model)', () => {
  it('replaces the verdict tables with the read model, keeps the mirror, and the first recompute fills it', ({
    defer,
    tempDir,
  }) => {
    const folder = tempDir();
    const file = path.join(folder, 'v4.db');
    createDatabaseAtVersion(file, 4);
    const old = new Database(file);
    insertSampleAppointment(old);
    old
      .prepare(
        "INSERT INTO verdicts (appointment_key, state, codes, summary, notes_mask, transcripts, search_text, computed_at) VALUES ('TWO/SC1/001', 'ok', 'NOTES_COMPLETE', 's', 7, 0, 'two/sc1/001 lakeside', 'now')",
      )
      .run();
    old.close();

    const migrated = migrateTo(file, 5);
    const tables = (
      migrated.prepare("SELECT name FROM sqlite_schema WHERE type = 'table'").all() as Array<{ name: string }>
    ).map((row) => row.name);
    expect(tables).not.toContain('verdicts');
    expect(tables).not.toContain('verdict_codes');
    expect(tables).toEqual(
      expect.arrayContaining(['appointment_list', 'list_codes', 'list_counts', 'deleted_appointments']),
    );
    expect(tableColumns(migrated, 'appointment_list')).toEqual(
      expect.arrayContaining(['live', 'state_rank', 'job_id']),
    );
    expect(migrated.prepare('SELECT count(*) AS n FROM appointments').get()).toEqual({ n: 1 });
    expect(migrated.prepare('SELECT count(*) AS n FROM appointment_list').get()).toEqual({ n: 0 });
    migrated.close();

    const store = openMirrorForWriting(file);
    defer(() => store.db.close());
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    const result = recomputeAllVerdicts(
      store,
      Date.parse('2026-03-02T12:00:00Z'),
      verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, false),
    );
    expect(result).toMatchObject({ count: 1, written: 1 });
    const row = store.db.prepare('SELECT key, live, search_text FROM appointment_list').get();
    expect(row).toEqual({ key: 'TWO/SC1/001', live: 1, search_text: 'two/sc1/001 lakeside  t1' });
    const found = store.db.prepare('SELECT rowid FROM list_search WHERE list_search MATCH \'"side"\'').all() as Array<{
      rowid: number;
    }>;
    expect(found).toHaveLength(1);
    const kept = store.db.prepare("SELECT n FROM list_counts WHERE live = 1 AND kind = 'state'").all();
    expect(kept).toEqual([{ n: 1 }]);
  });
});
