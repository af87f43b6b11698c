import { accessSync, closeSync, constants, existsSync, openSync, readSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { ConsoleError } from '../../../shared/errors';
import Database from 'better-sqlite3';
import { ensurePrivateFile, isReadOnlyError } from '../paths';
import { MirrorBusyError, MirrorCorruptError, MirrorReadOnlyError, MirrorTooNewError } from './errors';
import type { ReadHandle, WriteHandle } from './handles';
import { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
import { ensureTechnicianIndex } from './tables/appointments';

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** SQLite keeps the schema's user_version at this offset of its 100-byte header (big-endian). */
const USER_VERSION_OFFSET = 60;
/** Page cache sizes, in KiB: the writer's holds the read model's indexes while it fills them. */
const WRITER_CACHE_KIB = 64 * 1024;
const READER_CACHE_KIB = 32 * 1024;
/** The most disk the write-ahead log keeps between transactions (a checkpoint every 40 MB keeps it below that). */
const WAL_KEPT_BYTES = 64 * 1024 * 1024;
/** How long a connection waits for another's lock before giving up (set before anything that can wait). */
export const BUSY_TIMEOUT_MS = 5_000;

/** The file's header, or null when it is shorter than one (not a database). */
function readHeader(file: string): Buffer | null {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(100);
    return readSync(fd, buffer, 0, 100, 0) === 100 ? buffer : null;
  } finally {
    closeSync(fd);
  }
}

/** Turns what better-sqlite3 threw while opening into the console's own errors where it can tell them apart. */
function openFailure(file: string, error: unknown): Error {
  const code = (error as { code?: unknown })?.code;
  if (typeof code === 'string') {
    if (code.startsWith('SQLITE_READONLY') || isReadOnlyError(error)) return new MirrorReadOnlyError(file);
    if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED')) return new MirrorBusyError(file);
  }
  return error instanceof Error ? error : new Error(String(error));
}

/** Refuses a file (or folder) that cannot be written before SQLite opens it, so it leaves nothing beside it. */
function requireWritable(file: string): void {
  try {
    accessSync(path.dirname(file), constants.W_OK);
    if (existsSync(file)) accessSync(file, constants.W_OK);
  } catch (error) {
    if (isReadOnlyError(error)) throw new MirrorReadOnlyError(file);
    throw error;
  }
}

/**
 * Checks an existing file: that it is SQLite, not damaged, and not from a newer version of the console. A file from
 * a newer version is refused from its header alone, without opening it. Returns its schema version (0 when the file
 * does not exist yet). A refused file is left as it was, with no journal files created beside it.
 */
export function inspectMirror(file: string): number {
  if (!existsSync(file) || statSync(file).size === 0) return 0;
  const header = readHeader(file);
  if (header === null || header.toString('latin1', 0, 16) !== SQLITE_HEADER) {
    throw new MirrorCorruptError(file, 'it is not a SQLite database');
  }
  const headerVersion = header.readUInt32BE(USER_VERSION_OFFSET);
  if (headerVersion > LATEST_SCHEMA_VERSION) throw new MirrorTooNewError(file, headerVersion, LATEST_SCHEMA_VERSION);
  const existedBefore = ['-wal', '-shm'].filter((suffix) => existsSync(`${file}${suffix}`));
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    const version = db.pragma('user_version', { simple: true }) as number;
    if (version > LATEST_SCHEMA_VERSION) throw new MirrorTooNewError(file, version, LATEST_SCHEMA_VERSION);
    const check = db.pragma('quick_check(1)', { simple: true });
    if (check !== 'ok') throw new MirrorCorruptError(file, String(check));
    return version;
  } catch (error) {
    db?.close();
    db = undefined;
    // Journal files this inspection made for a file it refuses are removed again.
    for (const suffix of ['-wal', '-shm'])
      if (!existedBefore.includes(suffix)) rmSync(`${file}${suffix}`, { force: true });
    if (error instanceof MirrorTooNewError || error instanceof MirrorCorruptError) throw error;
    const failure = openFailure(file, error);
    if (failure instanceof MirrorReadOnlyError || failure instanceof MirrorBusyError) throw failure;
    throw new MirrorCorruptError(file, failure.message);
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

/**
 * The poller's connection: private file, WAL, foreign keys on, migrated to the latest schema. The busy timeout is set
 * first, so switching to WAL or migrating waits for a reader's lock instead of failing.
 */
export function openMirrorForWriting(file: string): WriteHandle {
  requireWritable(file);
  const version = inspectMirror(file);
  ensurePrivateFile(file);
  let db: Database.Database;
  try {
    db = new Database(file);
  } catch (error) {
    throw openFailure(file, error);
  }
  try {
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    // Each checkpoint syncs the disk twice; at SQLite's default (every 4 MB of log) the first mirror spent about a
    // fifth of its writing time waiting for those syncs. 40 MB between checkpoints keeps the log small on disk. Between
    // passes the poller copies the log in itself, once each run has answered (sync/poller.ts).
    db.pragma('wal_autocheckpoint = 10000');
    // A first fill writes its whole read model in one transaction (about a gigabyte of log at a million appointments):
    // once that is in the file, the log is cut back to this size instead of keeping the space.
    db.pragma(`journal_size_limit = ${WAL_KEPT_BYTES}`);
    // The read model's eight indexes are written in the order of their own columns, not the key's: with SQLite's
    // 2 MB default page cache, a first fill of 100,000 rows spent most of its time moving index pages in and out.
    db.pragma(`cache_size = -${WRITER_CACHE_KIB}`);
    db.pragma('foreign_keys = ON');
    migrate(db, version);
    ensureTechnicianIndex({ kind: 'write', db });
  } catch (error) {
    db.close();
    throw openFailure(file, error);
  }
  return { kind: 'write', db };
}

/** How often, and how patiently, opening for writing is tried again while another connection holds the lock. */
export const OPEN_RETRY = { attempts: 8, baseMs: 100, capMs: 3_000 };

/**
 * Opens for writing, trying again (with growing waits) while the file is busy: a passing lock never fails the
 * poller. Damaged, too new or read-only files fail at once: waiting cannot fix them.
 */
export async function openMirrorForWritingWhenFree(
  file: string,
  sleep: (ms: number) => Promise<void>,
  random: () => number = Math.random,
): Promise<WriteHandle> {
  for (let attempt = 0; ; attempt++) {
    try {
      return openMirrorForWriting(file);
    } catch (error) {
      if (!(error instanceof MirrorBusyError) || attempt + 1 >= OPEN_RETRY.attempts) throw error;
      const ceiling = Math.min(OPEN_RETRY.capMs, OPEN_RETRY.baseMs * 2 ** attempt);
      await sleep(Math.floor(ceiling / 2 + (random() * ceiling) / 2));
    }
  }
}

/** A screen's connection: read-only, so no query can change the mirror. */
export function openMirrorForReading(file: string): ReadHandle {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma(`cache_size = -${READER_CACHE_KIB}`);
  return { kind: 'read', db };
}

/** Why a reader may not open the mirror yet: it does not exist, or the writer has not finished migrating it. */
class NotReadyYet extends Error {}

/**
 * A reader's connection, opened once the writer has created and migrated the file: until then (no file, an older
 * schema, a lock held while the writer switches the journal) it waits and tries again, never creating anything. A
 * file from a newer version is refused at once.
 */
export async function openMirrorForReadingWhenReady(
  file: string,
  sleep: (ms: number) => Promise<void>,
  patienceMs = 60_000,
): Promise<ReadHandle> {
  let waited = 0;
  for (let attempt = 0; ; attempt++) {
    let handle: ReadHandle | null = null;
    try {
      if (!existsSync(file)) throw new NotReadyYet();
      handle = openMirrorForReading(file);
      const version = handle.db.pragma('user_version', { simple: true }) as number;
      if (version > LATEST_SCHEMA_VERSION) throw new MirrorTooNewError(file, version, LATEST_SCHEMA_VERSION);
      if (version < LATEST_SCHEMA_VERSION) throw new NotReadyYet();
      return handle;
    } catch (error) {
      handle?.db.close();
      const failure = error instanceof NotReadyYet ? error : openFailure(file, error);
      const passing =
        failure instanceof NotReadyYet ||
        failure instanceof MirrorBusyError ||
        (error as { code?: string }).code === 'SQLITE_CANTOPEN';
      if (!passing || waited >= patienceMs) {
        if (failure instanceof NotReadyYet)
          throw new ConsoleError(
            'MIRROR_NOT_READY',
            'The mirror is not ready yet.',
            'Wait for the first sync to start, then try again.',
          );
        throw failure;
      }
      const wait = Math.min(500, 5 * 2 ** attempt);
      waited += wait;
      await sleep(wait);
    }
  }
}

/** The mirror is a cache of the server: rebuilding it means removing the file and reading everything again. */
export function removeMirrorFiles(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(`${file}${suffix}`, { force: true });
}
