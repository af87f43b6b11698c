import path from 'node:path';
import { BrowserWindow } from 'electron';
import { APP_ORIGIN } from './app-origin';
import { secureWebPreferences } from './secure-web-preferences';

export function createMainWindow(bundleDir: string): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 820,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'XOi Console',
    webPreferences: secureWebPreferences(path.join(bundleDir, 'preload.cjs')),
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_ORIGIN}/index.html`);
  return window;
}
