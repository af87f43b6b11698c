import type Database from 'better-sqlite3';

/**
 * Read and write handles are different types, so a query module's read functions cannot be handed a writer by
 * mistake and a screen can never write. Both wrap a better-sqlite3 connection.
 */
export interface ReadHandle {
  readonly kind: 'read';
  readonly db: Database.Database;
}

export interface WriteHandle {
  readonly kind: 'write';
  readonly db: Database.Database;
}

export function transaction<T>(handle: WriteHandle, work: () => T): T {
  return handle.db.transaction(work)();
}

/**
 * Copies the write-ahead log into the database file as far as the readers allow, without waiting for any of them
 * (SQLite's PASSIVE checkpoint). Once all of it is copied, the log starts again from its beginning at the next write.
 */
export function checkpointLog(handle: WriteHandle): void {
  handle.db.pragma('wal_checkpoint(PASSIVE)');
}

/**
 * One write transaction across several steps that happen between awaits (a sync pass's pages): committed every
 * `stepsPerCommit` steps and by `commit()`. A step that throws rolls the open transaction back (the steps before it in
 * the same transaction too: each step writes its own cursor, so what is rolled back is simply fetched again).
 * Committing less often writes the hot index pages to the log fewer times.
 */
export class BatchedTransaction {
  private open = false;
  private steps = 0;

  constructor(
    private readonly handle: WriteHandle,
    private readonly stepsPerCommit: number,
  ) {}

  step<T>(work: () => T): T {
    if (!this.open) {
      this.handle.db.exec('BEGIN IMMEDIATE');
      this.open = true;
    }
    let result: T;
    try {
      result = work();
    } catch (error) {
      this.rollback();
      throw error;
    }
    this.steps++;
    if (this.steps >= this.stepsPerCommit) this.commit();
    return result;
  }

  commit(): void {
    if (!this.open) return;
    this.handle.db.exec('COMMIT');
    this.open = false;
    this.steps = 0;
  }

  private rollback(): void {
    if (!this.open) return;
    this.open = false;
    this.steps = 0;
    if (this.handle.db.inTransaction) this.handle.db.exec('ROLLBACK');
  }
}

const statementCache = new WeakMap<Database.Database, Map<string, Database.Statement>>();

/** A prepared statement, prepared once per connection (the mirror's hot loops run hundreds of thousands of times). */
export function statement(handle: ReadHandle | WriteHandle, sql: string): Database.Statement {
  let cache = statementCache.get(handle.db);
  if (!cache) {
    cache = new Map();
    statementCache.set(handle.db, cache);
  }
  let prepared = cache.get(sql);
  if (!prepared) {
    prepared = handle.db.prepare(sql);
    cache.set(sql, prepared);
  }
  return prepared;
}
