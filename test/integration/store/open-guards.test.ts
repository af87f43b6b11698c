import { createHash } from 'node:crypto';
import { copyFileSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  MirrorCorruptError,
  MirrorTooNewError,
  LATEST_SCHEMA_VERSION,
  openMirrorForReading,
  openMirrorForWriting,
  removeMirrorFiles,
} from '../../../electron/engine/store';
import { makeTempDir } from '../../support/temp-dir';
import { createDatabaseAtVersion } from '../../support/schema-at';

const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');

describe('opening a mirror', () => {
  let temp: ReturnType<typeof makeTempDir>;
  beforeEach(() => {
    temp = makeTempDir();
  });
  afterEach(() => temp.remove());

  it('refuses a database from a newer version with a clear message and leaves it untouched', () => {
    const file = path.join(temp.dir, 'newer.db');
    const db = new Database(file);
    db.exec('CREATE TABLE future (x)');
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 5}`);
    db.close();
    const before = digest(file);
    const error = (() => {
      try {
        openMirrorForWriting(file);
        return null;
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(MirrorTooNewError);
    expect((error as MirrorTooNewError).message).toMatch(
      /newer version of XOi Console \(schema \d+; this version reads up to \d+\)/,
    );
    expect((error as MirrorTooNewError).nextStep).toMatch(/rebuild/i);
    expect(digest(file)).toBe(before);
  });

  it('detects a file that is not SQLite and offers a rebuild', () => {
    const file = path.join(temp.dir, 'garbage.db');
    writeFileSync(file, 'this is not a database at all, just text that someone saved with the wrong name');
    expect(() => openMirrorForWriting(file)).toThrow(MirrorCorruptError);
    try {
      openMirrorForWriting(file);
    } catch (error) {
      expect((error as MirrorCorruptError).nextStep).toMatch(/Rebuild the mirror/);
    }
  });

  it('detects a truncated database', () => {
    const file = path.join(temp.dir, 'full.db');
    const store = openMirrorForWriting(file);
    const insert = store.db.prepare('INSERT INTO rejected_rows (feed, item, reason, seen_at) VALUES (?, ?, ?, ?)');
    store.db.transaction(() => {
      for (let i = 0; i < 3000; i++) insert.run('notes', `item ${i} ${'x'.repeat(200)}`, 'reason', 'now');
    })();
    store.db.pragma('wal_checkpoint(TRUNCATE)');
    store.db.close();
    const truncated = path.join(temp.dir, 'truncated.db');
    copyFileSync(file, truncated);
    truncateSync(truncated, Math.floor(statSync(file).size / 3));
    expect(() => openMirrorForWriting(truncated)).toThrow(MirrorCorruptError);
  });

  it('rebuilds by removing the files, then opens empty at the latest schema', () => {
    const file = path.join(temp.dir, 'garbage.db');
    writeFileSync(file, 'not sqlite');
    removeMirrorFiles(file);
    const store = openMirrorForWriting(file);
    expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
    store.db.close();
  });

  it('migrates from every earlier schema version to the latest', () => {
    for (let version = 0; version < LATEST_SCHEMA_VERSION; version++) {
      const file = path.join(temp.dir, `at-${version}.db`);
      if (version > 0) createDatabaseAtVersion(file, version);
      const store = openMirrorForWriting(file);
      expect(store.db.pragma('user_version', { simple: true })).toBe(LATEST_SCHEMA_VERSION);
      expect(store.db.pragma('integrity_check', { simple: true })).toBe('ok');
      store.db.close();
    }
  });

  it('gives screens a read-only handle', () => {
    const file = path.join(temp.dir, 'ro.db');
    openMirrorForWriting(file).db.close();
    const reader = openMirrorForReading(file);
    expect(() => reader.db.prepare("INSERT INTO cursors VALUES ('x', 'y', 'z')").run()).toThrow(/readonly/i);
    reader.db.close();
  });

  it('cuts the write-ahead log of a large transaction back once it is in the file', () => {
    // A first fill of a million appointments writes about a gigabyte of log in one transaction; once it is folded
    // into the file, the log is cut back to 64 MB at the next write instead of keeping that space.
    const file = path.join(temp.dir, 'large.db');
    const handle = openMirrorForWriting(file);
    const large = 'x'.repeat(96 * 1024 * 1024);
    handle.db.prepare('INSERT INTO snapshots (kind, json, fetched_at) VALUES (?, ?, ?)').run('large', large, 'now');
    expect(statSync(`${file}-wal`).size).toBeGreaterThan(96 * 1024 * 1024);
    handle.db.pragma('wal_checkpoint(PASSIVE)');
    handle.db.prepare('DELETE FROM snapshots WHERE kind = ?').run('large');
    expect(statSync(`${file}-wal`).size).toBeLessThanOrEqual(64 * 1024 * 1024);
    handle.db.close();
  });
});
