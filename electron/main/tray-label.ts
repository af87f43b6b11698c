import type { SyncStatus } from '../../shared/contract/sync';

/** The tray's one line about the poller. */
export function trayStatusLabel(status: SyncStatus): string {
  switch (status.state) {
    case 'running':
      return `Syncing ${status.feed}…`;
    case 'idle':
      return 'Synced; watching for changes';
    case 'paused':
      return 'Sync paused';
    case 'stopped':
      return 'Sync stopped';
    case 'error':
      return 'Sync problem: retrying';
    case 'needs-credentials':
      return 'Sync stopped: login rejected';
  }
}
