import { appointmentChangeSchema, describeFeedItem, historyChangeSchema, noteChangeSchema, type FeedName } from '../schedule/contract';
import type { WriteHandle } from '../store/handles';
import { deleteAppointment, upsertAppointment } from '../store/tables/appointments';
import { upsertHistory } from '../store/tables/history';
import { deleteNote, upsertNote } from '../store/tables/notes';
import { recordRejected } from '../store/tables/rejected-rows';
import { describeZodError } from '../../../shared/validation';

export interface PageCounts {
  upserted: number;
  deleted: number;
  rejected: number;
}

/**
 * Applies one page of a feed. Each item is checked on its own: a bad one is recorded with its reason and the rest
 * of the page is still mirrored. Must run inside the transaction that also stores the page's cursor.
 */
export function applyFeedItems(handle: WriteHandle, feed: FeedName, items: readonly unknown[], at: string): PageCounts {
  const counts: PageCounts = { upserted: 0, deleted: 0, rejected: 0 };
  const reject = (item: unknown, reason: string) => {
    counts.rejected++;
    recordRejected(handle, feed, describeFeedItem(item), reason, at);
  };
  for (const item of items) {
    if (feed === 'appointments') {
      const change = appointmentChangeSchema.safeParse(item);
      if (!change.success) reject(item, describeZodError(change.error, 'item'));
      else if (change.data.kind === 'upsert') counts.upserted += upsertAppointment(handle, change.data.appointment, change.data.version) ? 1 : 0;
      else counts.deleted += deleteAppointment(handle, change.data.key, change.data.version) ? 1 : 0;
    } else if (feed === 'notes') {
      const change = noteChangeSchema.safeParse(item);
      if (!change.success) reject(item, describeZodError(change.error, 'item'));
      else if (change.data.kind === 'upsert') counts.upserted += upsertNote(handle, change.data.note, change.data.version) ? 1 : 0;
      else counts.deleted += deleteNote(handle, change.data.id, change.data.version) ? 1 : 0;
    } else {
      const change = historyChangeSchema.safeParse(item);
      if (!change.success) reject(item, describeZodError(change.error, 'item'));
      else counts.upserted += upsertHistory(handle, change.data.entry, change.data.version) ? 1 : 0;
    }
  }
  return counts;
}
