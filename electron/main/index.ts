import { createRequire } from 'node:module';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell } from 'electron';
import { EVENT_NAMES } from '../../shared/contract/channels';
import type { SyncStatus } from '../../shared/contract/sync';
import { serverHosts } from '../../shared/links/external-url';
import { openConsole, type ConsoleRuntime } from '../compose/open-console';
import { buildMenuTemplate, type MenuCommand } from './app-menu';
import { registerAppSchemeAsPrivileged, serveRenderer } from './app-protocol';
import { DesktopSettingsStore } from './desktop-settings';
import { electronHostHandlers } from './host-handlers';
import { registerContractHandlers } from './ipc';
import { createMainLogger, logFilePath } from './logging';
import { createMainWindow } from './main-window';
import { PrintReadyRegistry } from './print/print-ready';
import { claimSingleInstance } from './single-instance';
import type * as SystemBrowser from './system-browser';
import { createStatusTray } from './tray';
import { guardWebContents } from './web-contents-guard';

// The Electron shell: it wires, it does not decide. Everything else lives in ../engine and runs under Node too.
const bundleDir = __dirname;
// Loaded from its own bundle: see system-browser.ts for why.
const { openInSystemBrowser } = createRequire(__filename)('./system-browser.cjs') as typeof SystemBrowser;
const rendererDir = path.resolve(bundleDir, '..', 'renderer');
let mainWindow: BrowserWindow | null = null;

app.enableSandbox();
registerAppSchemeAsPrivileged();

const focusExisting = () => {
  if (!mainWindow) return;
  if (mainWindow.isMinimized()) mainWindow.restore();
  mainWindow.show();
  mainWindow.focus();
};

if (claimSingleInstance(app, focusExisting)) void start();

async function start(): Promise<void> {
  const log = createMainLogger();
  const ownWebContents = new Set<number>();
  const ready = new PrintReadyRegistry();
  let runtime: ConsoleRuntime | null = null;
  let quitting = false;
  let trustedHosts: string[] = [];

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { openInBrowser: openInSystemBrowser, trustedHosts: () => trustedHosts, log });
  });

  await app.whenReady();
  const desktop = new DesktopSettingsStore(app.getPath('userData'));
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);
  serveRenderer(rendererDir);

  runtime = await openConsole({
    host: 'electron',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    log,
    workerDir: bundleDir,
    hostHandlers: electronHostHandlers({
      bundleDir,
      ownWebContents,
      ready,
      desktop,
      mainWindow: () => mainWindow,
      trustedHosts: () => trustedHosts,
      openInBrowser: openInSystemBrowser,
      log,
    }),
  });
  const service = runtime.service;
  const profiles = await service.dispatch('profiles.list', {});
  if (profiles.ok) {
    const value = profiles.value as { profiles: Array<{ apiUrl: string }> };
    trustedHosts = serverHosts(value.profiles.map((profile) => profile.apiUrl));
  }
  registerContractHandlers(ipcMain, service.dispatch, ownWebContents, log, {
    onPrintReady: (id, signal) => ready.signal(id, signal),
  });

  const send = (command: MenuCommand) => mainWindow?.webContents.send('event:menu.command', { command });
  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      buildMenuTemplate(process.platform, {
        command: send,
        openLogsFolder: () => void shell.openPath(path.dirname(logFilePath())),
        showAbout: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: 'About XOi Console',
            message: `XOi Console ${app.getVersion()}`,
            detail: 'Administration console for the XOi Vision integration of WennSoft Service Management.',
          }),
      }),
    ),
  );

  const tray = createStatusTray(path.join(bundleDir, 'icon.png'), {
    open: focusExisting,
    syncNow: () => void service.dispatch('sync.now', {}),
    pause: () => void service.dispatch('sync.pause', {}),
    resume: () => void service.dispatch('sync.resume', {}),
    quit: () => app.quit(),
  });
  service.events.subscribe((name, payload) => {
    if (name === 'sync.status') tray.update(payload as SyncStatus);
    if (!(EVENT_NAMES as readonly string[]).includes(name)) return;
    for (const window of BrowserWindow.getAllWindows())
      if (ownWebContents.has(window.webContents.id)) window.webContents.send(`event:${name}`, payload);
  });

  mainWindow = createMainWindow(bundleDir, desktop);
  ownWebContents.add(mainWindow.webContents.id);
  mainWindow.on('close', (event) => {
    // Closing the window keeps the poller running in the tray when the user chose so.
    if (!quitting && desktop.get().closeToTray) {
      event.preventDefault();
      mainWindow?.hide();
    }
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  app.on('activate', () => {
    if (mainWindow) focusExisting();
    else mainWindow = createMainWindow(bundleDir, desktop);
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !desktop.get().closeToTray) app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    tray.destroy();
    void (runtime?.close() ?? Promise.resolve()).finally(() => app.exit(0));
  });
  log.info(`XOi Console ${app.getVersion()} started`);
}
