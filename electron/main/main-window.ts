import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import { APP_ORIGIN } from './app-origin';
import type { DesktopSettingsStore } from './desktop-settings';
import { secureWebPreferences } from './secure-web-preferences';
import { MIN_SIZE, restoreBounds } from './window-state';

/** The console's window, where the user left it (on a display that still exists), locked down like every window. */
export function createMainWindow(bundleDir: string, desktop: DesktopSettingsStore): BrowserWindow {
  const saved = desktop.get();
  const bounds = restoreBounds(
    saved.bounds ?? null,
    screen.getAllDisplays().map((display) => display.workArea),
  );
  const window = new BrowserWindow({
    ...bounds,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    title: 'XOi Console',
    icon: path.join(bundleDir, 'icon.png'),
    webPreferences: secureWebPreferences(path.join(bundleDir, 'preload.cjs')),
  });
  if (saved.maximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  const remember = () => {
    if (window.isDestroyed()) return;
    desktop.update({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
  };
  window.on('resized', remember);
  window.on('moved', remember);
  window.on('close', remember);
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
