import { closeSync, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import Database from 'better-sqlite3';
import { MirrorCorruptError, MirrorTooNewError } from './errors';
import type { ReadHandle, WriteHandle } from './handles';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';

const SQLITE_HEADER = 'SQLite format 3\u0000';

function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    const read = readSync(fd, buffer, 0, 16, 0);
    return read === 16 && buffer.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

/**
 * Checks an existing file without changing a byte of it: that it is SQLite, not damaged, and not from a newer
 * version of the console. Returns its schema version (0 when the file does not exist yet).
 */
export function inspectMirror(file: string): number {
  if (!existsSync(file) || statSync(file).size === 0) return 0;
  if (!looksLikeSqlite(file)) throw new MirrorCorruptError(file, 'it is not a SQLite database');
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) throw new MirrorTooNewError(file, version, LATEST_SCHEMA_VERSION);
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new MirrorCorruptError(file, String(check));
    return version;
  } catch (error) {
    if (error instanceof MirrorTooNewError || error instanceof MirrorCorruptError) throw error;
    throw new MirrorCorruptError(file, error instanceof Error ? error.message : String(error));
  } finally {
    db?.close();
  }
}

function migrate(db: Database.Database, from: number): void {
  for (const migration of MIGRATIONS) {
    if (migration.version <= from) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
}

/** The poller's connection: WAL, foreign keys on, migrated to the latest schema. */
export function openMirrorForWriting(file: string): WriteHandle {
  const version = inspectMirror(file);
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Each checkpoint syncs the disk twice; at SQLite's default (every 4 MB of log) the first mirror spent about a
    // fifth of its writing time waiting for those syncs. 40 MB between checkpoints keeps the log small on disk.
    db.pragma('wal_autocheckpoint = 10000');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, version);
  } catch (error) {
    db.close();
    throw error;
  }
  return { kind: 'write', db };
}

/** A screen's connection: read-only, so no query can change the mirror. */
export function openMirrorForReading(file: string): ReadHandle {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  return { kind: 'read', db };
}

/** The mirror is a cache of the server: rebuilding it means removing the file and reading everything again. */
export function removeMirrorFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
