import path from 'node:path';
import { app, BrowserWindow, ipcMain, session, shell } from 'electron';
import { EVENT_NAMES } from '../../shared/contract/channels';
import { openConsole, type ConsoleRuntime } from '../compose/open-console';
import { registerAppSchemeAsPrivileged, serveRenderer } from './app-protocol';
import { registerContractHandlers } from './ipc';
import { createMainLogger } from './logging';
import { createMainWindow } from './main-window';
import { guardWebContents } from './web-contents-guard';

// The Electron shell: it wires, it does not decide. Everything else lives in ../engine and runs under Node too.
const bundleDir = __dirname;
const rendererDir = path.resolve(bundleDir, '..', 'renderer');

app.enableSandbox();
registerAppSchemeAsPrivileged();

if (!app.requestSingleInstanceLock()) {
  // A second launch hands over to the first and leaves before touching any data.
  app.quit();
} else {
  void start();
}

async function start(): Promise<void> {
  const log = createMainLogger();
  const ownWebContents = new Set<number>();
  let mainWindow: BrowserWindow | null = null;
  let runtime: ConsoleRuntime | null = null;

  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { openExternal: (url) => shell.openExternal(url), trustedHosts: () => [], log });
  });

  await app.whenReady();
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(rendererDir);

  runtime = await openConsole({ host: 'electron', version: app.getVersion(), dataDir: app.getPath('userData'), log, workerScript: path.join(bundleDir, 'sync-worker.cjs') });
  registerContractHandlers(ipcMain, runtime.service.dispatch, ownWebContents, log);
  runtime.service.events.subscribe((name, payload) => {
    if (!(EVENT_NAMES as readonly string[]).includes(name)) return;
    for (const window of BrowserWindow.getAllWindows()) window.webContents.send(`event:${name}`, payload);
  });

  mainWindow = createMainWindow(bundleDir);
  ownWebContents.add(mainWindow.webContents.id);
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('before-quit', () => {
    void runtime?.close();
  });
  log.info(`XOi Console ${app.getVersion()} started`);
}
