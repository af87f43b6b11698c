import type Database from 'better-sqlite3';

/** One numbered step of the schema. Applied in a transaction; `user_version` records the last one applied. */
export interface Migration {
  readonly version: number;
  readonly name: string;
  up(db: Database.Database): void;
}
