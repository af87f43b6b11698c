import path from 'node:path';
import { BrowserWindow } from 'electron';
import { secureWebPreferences } from '../secure-web-preferences';
import type { PrintWindow } from './print-document';

/** A hidden window for one print job, locked down like every window, registered as ours for IPC until destroyed. */
export function createPrintWindow(bundleDir: string, ownWebContents: Set<number>): PrintWindow {
  const window = new BrowserWindow({
    show: false,
    width: 900,
    height: 1200,
    webPreferences: secureWebPreferences(path.join(bundleDir, 'preload.cjs')),
  });
  const id = window.webContents.id;
  ownWebContents.add(id);
  window.on('closed', () => ownWebContents.delete(id));
  return window as unknown as PrintWindow;
}
