import type { SyncStatus } from '../../shared/contract';
import { formatNumber, formatRelative } from '../app/format';

/** The poller's state in a few words; on the first full mirror, a progress bar. */
export function SyncIndicator({ status }: { status: SyncStatus | null }) {
  if (!status) return <span>Sync: connecting…</span>;
  switch (status.state) {
    case 'running':
      return (
        <span className="sync-indicator" data-testid="sync-state">
          Syncing {status.feed}: {formatNumber(status.feedRows)}
          {status.feedEstimate ? ` of about ${formatNumber(status.feedEstimate)}` : ''} rows
          {status.firstMirror && status.feedEstimate ? (
            <progress
              className="sync-progress"
              max={status.feedEstimate}
              value={Math.min(status.feedRows, status.feedEstimate)}
              aria-label={`First mirror of ${status.feed}`}
            />
          ) : null}
        </span>
      );
    case 'idle':
      return <span data-testid="sync-state">Synced {formatRelative(status.lastSuccessAt)}</span>;
    case 'paused':
      return <span data-testid="sync-state">Sync paused</span>;
    case 'stopped':
      return <span data-testid="sync-state">Sync stopped</span>;
    case 'error':
      return (
        <span data-testid="sync-state" className="state-needs-action">
          Sync problem: {status.message}
        </span>
      );
    case 'needs-credentials':
      return (
        <span data-testid="sync-state" className="state-needs-action">
          Sync stopped: the login was rejected
        </span>
      );
  }
}
