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
