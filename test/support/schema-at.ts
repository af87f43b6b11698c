import Database from 'better-sqlite3';
import { MIGRATIONS } from '../../electron/engine/store';

/** A database file exactly as a console at schema `version` would have left it. */
export function createDatabaseAtVersion(file: string, version: number): void {
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  for (const migration of MIGRATIONS.slice(0, version)) {
    migration.up(db);
    db.pragma(`user_version = ${migration.version}`);
  }
  db.close();
}

/**
 * Upgrades a database file to `version` exactly (not to the latest), as the console of that version did: the test of
 * one migration sees its own effects, not those of the migrations released after it.
 */
export function migrateTo(file: string, version: number): Database.Database {
  const db = new Database(file);
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const migration of MIGRATIONS.slice(current, version)) {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db;
}

export function tableColumns(db: Database.Database, table: string): string[] {
  return (db.prepare(`PRAGMA table_info(${table})`).all() as Array<{ name: string }>).map((column) => column.name);
}

export function tableIndexes(db: Database.Database, table: string): string[] {
  return (
    db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ? ORDER BY name")
      .all(table) as Array<{
      name: string;
    }>
  ).map((index) => index.name);
}

/** The steps of SQLite's plan for a statement, in order. */
export function queryPlan(db: Database.Database, sql: string, ...params: unknown[]): string[] {
  return (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...params) as Array<{ detail: string }>).map(
    (step) => step.detail,
  );
}

export function insertSampleAppointment(db: Database.Database, key = 'TWO/SC1/001'): void {
  const [company, serviceCall, appointment] = key.split('/');
  db.prepare(
    `INSERT INTO appointments (key, company, service_call, appointment, customer, status, technician_id, task_date, estimated_hours, completed_at, created_in, created_at, modified_at, version)
    VALUES (?, ?, ?, ?, 'Lakeside', 'Dispatched', 'T1', '2026-03-02T08:00:00Z', 2, NULL, 'Schedule', '2026-03-01T08:00:00Z', '2026-03-01T09:00:00Z', 5)`,
  ).run(key, company, serviceCall, appointment);
}
