import type { HealthCondition, HealthSeverity } from '../../shared/contract/health';
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

const SEVERITY_WORDS: Record<HealthSeverity, string> = {
  blocked: 'Blocked',
  'needs-action': 'Needs action',
  warning: 'Warning',
  info: 'Info',
};

/** The tray's line: the worst condition of the integration when there is one that needs a person, else the poller. */
export function trayLabel(status: SyncStatus, worst: HealthCondition | undefined): string {
  if (worst && worst.severity !== 'info') return `${SEVERITY_WORDS[worst.severity]}: ${worst.title}`;
  return trayStatusLabel(status);
}

/** The colour of the tray icon's badge for the worst condition (none when all is well). */
export function badgeColour(worst: HealthCondition | undefined): [number, number, number] | null {
  if (!worst || worst.severity === 'info') return null;
  if (worst.severity === 'warning') return [212, 153, 34];
  return worst.severity === 'blocked' ? [130, 80, 223] : [207, 34, 46];
}

/**
 * Draws a round badge in the lower right quarter of a BGRA bitmap (what Electron's nativeImage gives and takes),
 * with a white ring so it reads on light and dark menu bars. Returns a new bitmap.
 */
export function withBadge(
  bitmap: Buffer,
  width: number,
  height: number,
  [red, green, blue]: [number, number, number],
): Buffer {
  const out = Buffer.from(bitmap);
  const radius = Math.max(2, Math.floor(Math.min(width, height) * 0.28));
  const cx = width - radius - 1;
  const cy = height - radius - 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const distance = Math.hypot(x + 0.5 - cx, y + 0.5 - cy);
      if (distance > radius + 1) continue;
      const i = (y * width + x) * 4;
      const ring = distance > radius;
      out[i] = ring ? 255 : blue;
      out[i + 1] = ring ? 255 : green;
      out[i + 2] = ring ? 255 : red;
      out[i + 3] = 255;
    }
  }
  return out;
}
