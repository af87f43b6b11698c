import type { FeedName } from '../records';
import { statement, type ReadHandle, type WriteHandle } from '../handles';

export function readCursor(handle: ReadHandle | WriteHandle, feed: FeedName): string | null {
  const row = statement(handle, 'SELECT cursor FROM cursors WHERE feed = ?').get(feed) as
    { cursor: string } | undefined;
  return row?.cursor ?? null;
}

export function writeCursor(handle: WriteHandle, feed: FeedName, cursor: string | null, at: string): void {
  if (cursor === null) statement(handle, 'DELETE FROM cursors WHERE feed = ?').run(feed);
  else
    statement(
      handle,
      'INSERT INTO cursors (feed, cursor, updated_at) VALUES (?, ?, ?) ON CONFLICT (feed) DO UPDATE SET cursor = excluded.cursor, updated_at = excluded.updated_at',
    ).run(feed, cursor, at);
}
