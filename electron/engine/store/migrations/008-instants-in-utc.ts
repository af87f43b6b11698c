import { utcInstant } from '../../../../shared/time';
import type { Migration } from './types';

/** The instants a Schedule server sent, by table; the console's own (`fetched_at`, `deleted_at`...) are UTC already. */
const SERVER_INSTANTS: ReadonlyArray<[table: string, columns: readonly string[]]> = [
  ['appointments', ['task_date', 'completed_at', 'created_at', 'modified_at']],
  ['notes', ['created_at']],
  ['history', ['task_date', 'completed_at', 'modified_at']],
  ['technicians', ['last_device_sync_at']],
  ['deleted_appointments', ['task_date', 'completed_at', 'job_made_at']],
  ['appointment_list', ['task_date', 'completed_at']],
];

/** Text already in the kept form, "2026-03-02T12:00:00.000Z": left alone. */
const KEPT_FORM = '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T[0-9][0-9]:[0-9][0-9]:[0-9][0-9].[0-9][0-9][0-9]Z';

/**
 * Rewrites every instant a server sent in UTC to the millisecond, the form new rows arrive in (`utcInstant`): the
 * rules and the list compare instants as text, which follows time only when they are all written alike, and a mirror
 * of a server that writes local offsets ("2026-03-01T04:00:00-05:00") held them as sent. The read model's rows follow
 * at the next full recompute (their signatures no longer match); their dates are rewritten here so the list sorts
 * right before it.
 */
export const migration008: Migration = {
  version: 8,
  name: 'instants in UTC',
  up(db) {
    db.function('utc_instant', { deterministic: true }, (text: unknown) =>
      typeof text === 'string' ? utcInstant(text) : text,
    );
    for (const [table, columns] of SERVER_INSTANTS)
      for (const column of columns)
        db.exec(`UPDATE ${table} SET ${column} = utc_instant(${column}) WHERE ${column} NOT GLOB '${KEPT_FORM}'`);
  },
};
