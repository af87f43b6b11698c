import type { Migration } from './types';

/**
 * How many live appointments each technician and each company holds back per reason, kept by triggers like
 * `list_counts`, so the health check reads a few rows, not every held appointment (at 1,000,000 appointments the
 * count took 80 ms, and every screen's first read waited behind it).
 *
 * - `list_codes.holder`: who holds the row back for this code (the technician for a technician's code, the company
 *   for an inactive company), null for every other code. Written with the code, so the triggers need no other row.
 * - `list_held`: rows per code and holder.
 *
 * The codes are written out: a released migration never changes, whatever the codes become.
 */
export const migration006: Migration = {
  version: 6,
  name: 'held counts',
  up(db) {
    db.exec(`
      ALTER TABLE list_codes ADD COLUMN holder TEXT;
      UPDATE list_codes SET holder = (
        SELECT CASE list_codes.code WHEN 'COMPANY_INACTIVE' THEN l.company ELSE l.technician_id END
        FROM appointment_list l WHERE l.id = list_codes.list_id
      )
      WHERE code IN ('TECH_NOT_XOI_USER', 'TECH_XOI_USER_DISABLED', 'TECH_EMAIL_MISMATCH', 'TECH_EMAIL_MISSING',
        'COMPANY_INACTIVE');

      CREATE TABLE list_held (
        code TEXT NOT NULL,
        holder TEXT NOT NULL,
        n INTEGER NOT NULL,
        PRIMARY KEY (code, holder)
      ) WITHOUT ROWID;
      INSERT INTO list_held (code, holder, n)
        SELECT code, holder, count(*) FROM list_codes WHERE live = 1 AND holder IS NOT NULL GROUP BY code, holder;

      CREATE TRIGGER list_held_added AFTER INSERT ON list_codes WHEN new.live = 1 AND new.holder IS NOT NULL BEGIN
        INSERT INTO list_held (code, holder, n) VALUES (new.code, new.holder, 1)
          ON CONFLICT (code, holder) DO UPDATE SET n = n + 1;
      END;
      CREATE TRIGGER list_held_removed AFTER DELETE ON list_codes WHEN old.live = 1 AND old.holder IS NOT NULL BEGIN
        UPDATE list_held SET n = n - 1 WHERE code = old.code AND holder = old.holder;
      END;
    `);
  },
};
