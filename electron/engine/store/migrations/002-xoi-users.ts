import type { Migration } from './types';

/** XOi's own users (from XOi's API), so the diagnosis can say with certainty who is an XOi user. */
export const migration002: Migration = {
  version: 2,
  name: 'XOi users',
  up(db) {
    db.exec(`
      CREATE TABLE xoi_users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL,
        given_name TEXT NOT NULL,
        family_name TEXT NOT NULL,
        enabled INTEGER NOT NULL,
        fetched_at TEXT NOT NULL
      );
      CREATE INDEX xoi_users_email ON xoi_users (email);
    `);
  },
};
