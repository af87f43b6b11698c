import { statement, type ReadHandle, type WriteHandle } from '../handles';

/** Small server documents kept whole (system, integration, XOi activity), each with when it was fetched. */
export type SnapshotKind =
  'system' | 'integration' | 'activity' | 'xoi-check' | 'dashboard' | 'technicians' | 'reference-etags' | 'verdicts';

/** The version (ETag) of each reference list the mirror holds, so an unchanged list is not sent again. */
export interface ReferenceEtags {
  companies?: string | null;
  technicians?: string | null;
  statuses?: string | null;
}

export function writeSnapshot(handle: WriteHandle, kind: SnapshotKind, value: unknown, fetchedAt: string): void {
  statement(
    handle,
    'INSERT INTO snapshots (kind, json, fetched_at) VALUES (?, ?, ?) ON CONFLICT (kind) DO UPDATE SET json = excluded.json, fetched_at = excluded.fetched_at',
  ).run(kind, JSON.stringify(value), fetchedAt);
}

export function readSnapshot<T>(
  handle: ReadHandle | WriteHandle,
  kind: SnapshotKind,
): { value: T; fetchedAt: string } | null {
  const row = statement(handle, 'SELECT json, fetched_at FROM snapshots WHERE kind = ?').get(kind) as
    { json: string; fetched_at: string } | undefined;
  return row ? { value: JSON.parse(row.json) as T, fetchedAt: row.fetched_at } : null;
}
