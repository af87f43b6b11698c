import { statement, type ReadHandle, type WriteHandle } from '../handles';

export type FeedCounts = Record<string, { upserted: number; deleted: number; rejected: number }>;

export interface SyncRun {
  id: number;
  startedAt: string;
  endedAt: string | null;
  outcome: 'running' | 'ok' | 'error' | 'stalled' | 'cancelled';
  errorCode: string | null;
  errorMessage: string | null;
  rows: FeedCounts;
}

export function startRun(handle: WriteHandle, startedAt: string): number {
  return Number(
    statement(handle, "INSERT INTO sync_runs (started_at, outcome) VALUES (?, 'running')").run(startedAt)
      .lastInsertRowid,
  );
}

export function finishRun(
  handle: WriteHandle,
  id: number,
  run: Pick<SyncRun, 'endedAt' | 'outcome' | 'errorCode' | 'errorMessage' | 'rows'>,
): void {
  statement(
    handle,
    'UPDATE sync_runs SET ended_at = ?, outcome = ?, error_code = ?, error_message = ?, rows_json = ? WHERE id = ?',
  ).run(run.endedAt, run.outcome, run.errorCode, run.errorMessage, JSON.stringify(run.rows), id);
  // Keep the Activity page's history bounded.
  statement(handle, 'DELETE FROM sync_runs WHERE id <= ? - 500').run(id);
}

/** Runs that were still "running" when the process died are closed as cancelled at the next start. */
export function closeAbandonedRuns(handle: WriteHandle, at: string): void {
  statement(
    handle,
    "UPDATE sync_runs SET outcome = 'cancelled', ended_at = ?, error_message = 'The console stopped during this run.' WHERE outcome = 'running'",
  ).run(at);
}

export function readRecentRuns(handle: ReadHandle | WriteHandle, limit: number): SyncRun[] {
  return (
    statement(handle, 'SELECT * FROM sync_runs ORDER BY id DESC LIMIT ?').all(limit) as Array<{
      id: number;
      started_at: string;
      ended_at: string | null;
      outcome: SyncRun['outcome'];
      error_code: string | null;
      error_message: string | null;
      rows_json: string;
    }>
  ).map((row) => ({
    id: row.id,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    outcome: row.outcome,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    rows: JSON.parse(row.rows_json) as FeedCounts,
  }));
}

export function lastSuccessfulRun(handle: ReadHandle | WriteHandle): SyncRun | undefined {
  const row = statement(handle, "SELECT id FROM sync_runs WHERE outcome = 'ok' ORDER BY id DESC LIMIT 1").get() as
    { id: number } | undefined;
  return row ? readRecentRuns(handle, 1_000).find((run) => run.id === row.id) : undefined;
}
