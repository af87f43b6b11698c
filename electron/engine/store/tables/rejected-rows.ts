import { statement, type ReadHandle, type WriteHandle } from '../handles';

/** A row the server sent that the console could not store faithfully, with the reason. */
export function recordRejected(handle: WriteHandle, feed: string, item: string, reason: string, at: string): void {
  statement(handle, 'INSERT INTO rejected_rows (feed, item, reason, seen_at) VALUES (?, ?, ?, ?)').run(
    feed,
    item.slice(0, 500),
    reason.slice(0, 500),
    at,
  );
  statement(handle, 'DELETE FROM rejected_rows WHERE id <= (SELECT max(id) FROM rejected_rows) - 1000').run();
}

export function readRejected(
  handle: ReadHandle | WriteHandle,
  limit = 100,
): Array<{ feed: string; item: string; reason: string; seenAt: string }> {
  return (
    statement(handle, 'SELECT feed, item, reason, seen_at FROM rejected_rows ORDER BY id DESC LIMIT ?').all(
      limit,
    ) as Array<{ feed: string; item: string; reason: string; seen_at: string }>
  ).map((row) => ({ feed: row.feed, item: row.item, reason: row.reason, seenAt: row.seen_at }));
}
