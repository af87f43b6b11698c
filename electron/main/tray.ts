import { Menu, nativeImage, Tray } from 'electron';
import type { SyncStatus } from '../../shared/contract/sync';
import { trayStatusLabel } from './tray-label';

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
): { update(status: SyncStatus): void; destroy(): void } {
  const image = nativeImage.createFromPath(iconPath).resize({ width: 16, height: 16 });
  const tray = new Tray(image);
  tray.setToolTip('XOi Console');
  tray.on('click', () => actions.open());
  const update = (status: SyncStatus) => {
    const label = trayStatusLabel(status);
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
  update({ state: 'stopped', lastSuccessAt: null });
  return { update, destroy: () => tray.destroy() };
}
