import { Menu, nativeImage, Tray } from 'electron';
import type { HealthCondition } from '../../shared/contract/health';
import type { SyncStatus } from '../../shared/contract/sync';
import { badgeColour, trayLabel, withBadge } from './tray-label';

export interface TrayActions {
  open(): void;
  syncNow(): void;
  pause(): void;
  resume(): void;
  quit(): void;
}

/** The tray icon (menu bar on macOS): the poller's state, Sync now, Pause or Resume, Open, Quit. */
export function createStatusTray(
  iconPath: string,
  actions: TrayActions,
): { update(status: SyncStatus): void; updateHealth(worst: HealthCondition | undefined): void; destroy(): void } {
  const image = nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 });
  const { width, height } = image.getSize();
  const tray = new Tray(image);
  tray.setToolTip('XOi Console');
  tray.on('click', () => actions.open());
  let lastStatus: SyncStatus = { state: 'stopped', lastSuccessAt: null };
  let worst: HealthCondition | undefined;
  const update = (status: SyncStatus) => {
    lastStatus = status;
    const label = trayLabel(status, worst);
    tray.setToolTip(`XOi Console: ${label}`);
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label, enabled: false },
        { type: 'separator' },
        { label: 'Sync Now', click: () => actions.syncNow(), enabled: status.state !== 'running' },
        status.state === 'paused'
          ? { label: 'Resume', click: () => actions.resume() }
          : { label: 'Pause', click: () => actions.pause() },
        { type: 'separator' },
        { label: 'Open XOi Console', click: () => actions.open() },
        { label: 'Quit', click: () => actions.quit() },
      ]),
    );
  };
  /** The worst condition shows in the tooltip, the menu's first line and as a coloured badge on the icon. */
  const updateHealth = (next: HealthCondition | undefined) => {
    worst = next;
    const colour = badgeColour(worst);
    tray.setImage(
      colour
        ? nativeImage.createFromBitmap(withBadge(image.toBitmap(), width, height, colour), { width, height })
        : image,
    );
    update(lastStatus);
  };
  update(lastStatus);
  return { update, updateHealth, destroy: () => tray.destroy() };
}
