import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from '../../support/fixtures';
import {
  countListByState,
  ListWriter,
  stateMarker,
  type ReadHandle,
  type WriteHandle,
} from '../../../electron/engine/store';
import { NO_LIST_FILTER } from '../../support/list-filter';
import { createDatabaseAtVersion, migrateTo } from '../../support/schema-at';

const STATES = ['ok', 'waiting', 'needs-action', 'blocked'];

/** A version-8 read model row and its search entry, as the console wrote them before 009. */
function insertListRow(db: Database.Database, id: number, live: boolean, state: string) {
  db.prepare(
    `INSERT INTO appointment_list (id, key, live, company, service_call, appointment, customer, status, state,
       state_rank, codes, summary, notes_mask, transcripts, search_text, signature)
     VALUES (?, ?, ?, 'TWO', 'SC', ?, 'Lakeside Dental', 'Dispatched', ?, 0, '', 's', 0, 0, ?, 'sig')`,
  ).run(id, `TWO/SC/${id}`, live ? 1 : 0, String(id), state, `two/sc/${id} lakeside dental`);
}

const filter = (live: boolean) => ({ ...NO_LIST_FILTER, live, search: 'lakeside' });

describe('migration 009 (search index deletes by text)', () => {
  it('indexes every row with the same text and state marker the writer uses, so the writer can remove it', ({
    tempDir,
  }) => {
    const file = path.join(tempDir(), 'v8.db');
    createDatabaseAtVersion(file, 8);
    const before = new Database(file);
    let id = 0;
    // Each state live and deleted, twice, and a state the console does not know (counted with "ok", as the writer does).
    for (const live of [true, false])
      for (const state of [...STATES, ...STATES, 'unknown-state']) insertListRow(before, ++id, live, state);
    before.close();

    const db = migrateTo(file, 9);
    expect(db.pragma('user_version', { simple: true })).toBe(9);
    const sql = db.prepare("SELECT sql FROM sqlite_master WHERE name = 'list_search'").pluck().get() as string;
    expect(sql).not.toContain('contentless_delete');
    const reader = { kind: 'read', db } as ReadHandle;
    const counts = (live: boolean) => Object.fromEntries(countListByState(reader, filter(live)));
    // Found by their text, and counted per state by the marker the writer's searches look for.
    expect(counts(true)).toEqual({ ok: 3, waiting: 2, 'needs-action': 2, blocked: 2 });
    expect(counts(false)).toEqual({ ok: 3, waiting: 2, 'needs-action': 2, blocked: 2 });

    // The writer removes rows by the text they were indexed with: had the migration indexed any other text, the row
    // would still be found.
    const writer = new ListWriter({ kind: 'write', db } as WriteHandle);
    for (const key of ['TWO/SC/2', 'TWO/SC/9', 'TWO/SC/12', 'TWO/SC/18']) expect(writer.delete(key)).toBe(true);
    writer.flush();
    expect(counts(true)).toEqual({ ok: 2, waiting: 1, 'needs-action': 2, blocked: 2 });
    expect(counts(false)).toEqual({ ok: 2, waiting: 2, 'needs-action': 1, blocked: 2 });
    // Nothing of a removed row stays behind, its state marker included.
    const byMarker = db.prepare('SELECT count(*) FROM list_search WHERE list_search MATCH ?').pluck();
    const markers = (live: boolean) => STATES.map((state) => byMarker.get(`"${stateMarker(live, state)}"`));
    expect(markers(true)).toEqual([2, 1, 2, 2]);
    expect(markers(false)).toEqual([2, 2, 1, 2]);
    const found = db
      .prepare('SELECT rowid FROM list_search WHERE list_search MATCH \'"lakeside"\' ORDER BY rowid')
      .pluck()
      .all();
    expect(found).toEqual([1, 3, 4, 5, 6, 7, 8, 10, 11, 13, 14, 15, 16, 17]);
    db.close();
  });
});
