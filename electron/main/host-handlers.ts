import { writeFile } from 'node:fs/promises';
import { app, dialog, type BrowserWindow } from 'electron';
import type { HostHandlersFactory } from '../engine/service/host-capabilities';
import type { Logger } from '../engine/logging/logger';
import { APP_ORIGIN } from './app-origin';
import type { DesktopSettingsStore } from './desktop-settings';
import { printDocument } from './print/print-document';
import type { PrintReadyRegistry } from './print/print-ready';
import type { WindowRegistry } from './window-registry';
import { createPrintWindow } from './print/print-window';
import { openExternalIfAllowed } from './web-contents-guard';

export interface HostDeps {
  bundleDir: string;
  windows: WindowRegistry<BrowserWindow>;
  ready: PrintReadyRegistry;
  desktop: DesktopSettingsStore;
  mainWindow(): BrowserWindow | null;
  openInBrowser(url: string): Promise<void>;
  log: Logger;
}

const LETTER_COUNTRIES = new Set(['US', 'CA', 'MX', 'PH', 'CL', 'CO', 'VE']);

/** The native save dialog (attached to the main window when there is one); null when the user cancels. */
async function chooseSavePath(
  owner: BrowserWindow | null,
  defaultPath: string,
  filter: { name: string; extensions: string[] },
): Promise<string | null> {
  const options = { defaultPath, filters: [filter] };
  const result = owner ? await dialog.showSaveDialog(owner, options) : await dialog.showSaveDialog(options);
  return result.canceled || !result.filePath ? null : result.filePath;
}

/**
 * The desktop shell's capabilities (engine/service/host-capabilities.ts): native print, save and confirmation dialogs,
 * the system browser, start at login.
 */
export function electronHostHandlers(deps: HostDeps): HostHandlersFactory {
  return (engine, context) => ({
    'print.document': (args) =>
      printDocument(args, {
        createWindow: () => createPrintWindow(deps.bundleDir, deps.windows),
        waitForReady: (id) => deps.ready.wait(id, 30_000),
        chooseSavePath: (defaultName) =>
          chooseSavePath(deps.mainWindow(), defaultName, { name: 'PDF', extensions: ['pdf'] }),
        writeFile: (file, data) => writeFile(file, data),
        pageSize: LETTER_COUNTRIES.has(app.getLocaleCountryCode()) ? 'Letter' : 'A4',
        appOrigin: APP_ORIGIN,
        log: deps.log,
      }),
    'appointments.export': async (args, caller) => {
      const produced = await engine['appointments.export'](args, caller);
      if (produced.outcome !== 'download') return produced;
      const filter =
        args.format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel workbook', extensions: ['xlsx'] };
      const file = await chooseSavePath(deps.mainWindow(), produced.fileName, filter);
      if (file === null) return { outcome: 'cancelled' as const };
      await writeFile(file, Buffer.from(produced.data, produced.encoding));
      return { outcome: 'saved' as const, path: file, rows: produced.rows };
    },
    // A print view says it is ready; the job waiting for that window (and only that one) goes on.
    'print.ready': async (signal, caller) => ({
      acknowledged: caller.webContentsId !== undefined && deps.ready.signal(caller.webContentsId, signal),
    }),
    'host.confirm': async ({ title, message, confirmLabel }) => {
      const owner = deps.mainWindow();
      const options = {
        type: 'question' as const,
        title,
        message: title,
        detail: message,
        buttons: [confirmLabel, 'Cancel'],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      };
      const { response } = owner ? await dialog.showMessageBox(owner, options) : await dialog.showMessageBox(options);
      return { answer: response === 0 ? ('confirmed' as const) : ('cancelled' as const) };
    },
    'shell.openExternal': async ({ url }) => {
      const opened = openExternalIfAllowed(url, {
        openInBrowser: deps.openInBrowser,
        trustedHosts: context.trustedHosts,
        log: deps.log,
      });
      return {
        opened,
        reason: opened ? null : 'Only links to XOi, WennSoft and your Schedule server open from the console.',
      };
    },
    'desktop.get': async () => {
      const { closeToTray, startAtLogin, notifications } = deps.desktop.get();
      return { available: true, closeToTray, startAtLogin, notifications };
    },
    'desktop.save': async ({ closeToTray, startAtLogin, notifications }) => {
      deps.desktop.update({ closeToTray, startAtLogin, notifications });
      app.setLoginItemSettings({ openAtLogin: startAtLogin });
      return { available: true, closeToTray, startAtLogin, notifications };
    },
  });
}
