import type { Migration } from './types';

/**
 * Drops the index of the mirrored appointments by task date. Since the read model (005) every screen filters and sorts
 * dates on `appointment_list`, so nothing read through this index any more, while every mirrored appointment still
 * paid for it: task dates arrive in no order, so each row was a random insert into it (at 1,000,000 appointments, 2.3
 * of the 10.7 s spent writing the appointments feed's rows).
 */
export const migration007: Migration = {
  version: 7,
  name: 'drop appointments by task date',
  up(db) {
    db.exec('DROP INDEX IF EXISTS appointments_task_date');
  },
};
