import path from 'node:path';
import { BrowserWindow } from 'electron';
import { secureWebPreferences } from '../secure-web-preferences';
import type { PrintWindow } from './print-document';
import type { WindowRegistry } from '../window-registry';

/** A hidden window for one print job, locked down like every window, registered as ours for IPC until destroyed. */
export function createPrintWindow(bundleDir: string, windows: WindowRegistry<BrowserWindow>): PrintWindow {
  const window = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: secureWebPreferences(path.join(bundleDir, 'preload.cjs')),
  });
  windows.register(window);
  return window as unknown as PrintWindow;
}
