import { describeFeedItem, type FeedName } from '../schedule/contract';
import { checkFeedItem } from '../schedule/fast-check';
import type { WriteHandle } from '../store/handles';
import { deleteAppointment, upsertAppointment } from '../store/tables/appointments';
import { upsertHistory } from '../store/tables/history';
import { deleteNote, upsertNote } from '../store/tables/notes';
import { recordRejected } from '../store/tables/rejected-rows';
import { describeZodError } from '../../../shared/validation';
import { appointmentKeyString, type AppointmentKey } from '../../../shared/domain/appointment-key';

export interface PageCounts {
  upserted: number;
  deleted: number;
  rejected: number;
}

/**
 * Applies one page of a feed. Each item is checked on its own: a bad one is recorded with its reason and the rest
 * of the page is still mirrored. Must run inside the transaction that also stores the page's cursor. The appointments
 * whose rows, notes or history changed are added to `touched` (their verdicts need refreshing); with `null`, when the
 * caller already knows every verdict is recomputed, nothing is tracked.
 */
export function applyFeedItems(
  handle: WriteHandle,
  feed: FeedName,
  items: readonly unknown[],
  at: string,
  touched: Set<string> | null,
): PageCounts {
  const counts: PageCounts = { upserted: 0, deleted: 0, rejected: 0 };
  const touch = touched ? (key: AppointmentKey) => touched.add(appointmentKeyString(key)) : () => undefined;
  const reject = (item: unknown, reason: string) => {
    counts.rejected++;
    recordRejected(handle, feed, describeFeedItem(item), reason, at);
  };
  for (const item of items) {
    if (feed === 'appointments') {
      const change = checkFeedItem('appointments', item);
      if (!change.success) reject(item, describeZodError(change.error, 'item'));
      else if (change.data.kind === 'upsert') {
        if (upsertAppointment(handle, change.data.appointment, change.data.version)) {
          counts.upserted++;
          touch(change.data.appointment);
        }
      } else if (deleteAppointment(handle, change.data.key, change.data.version, at)) {
        counts.deleted++;
        touch(change.data.key);
      }
    } else if (feed === 'notes') {
      const change = checkFeedItem('notes', item);
      if (!change.success) reject(item, describeZodError(change.error, 'item'));
      else if (change.data.kind === 'upsert') {
        if (upsertNote(handle, change.data.note, change.data.version)) {
          counts.upserted++;
          touch(change.data.note);
        }
      } else {
        const deletedFrom = deleteNote(handle, change.data.id, change.data.version);
        if (deletedFrom !== null) {
          counts.deleted++;
          touched?.add(deletedFrom);
        }
      }
    } else {
      const change = checkFeedItem('history', item);
      if (!change.success) reject(item, describeZodError(change.error, 'item'));
      else if (upsertHistory(handle, change.data.entry, change.data.version)) {
        counts.upserted++;
        touch(change.data.entry);
      }
    }
  }
  return counts;
}
