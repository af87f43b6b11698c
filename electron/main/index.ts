import { createRequire } from 'node:module';
import path from 'node:path';
import {
  app,
  dialog,
  ipcMain,
  Menu,
  net,
  Notification,
  powerMonitor,
  session,
  shell,
  type BrowserWindow,
} from 'electron';
import type { HealthReport } from '../../shared/contract/health';
import { createHealthNotifier } from './health-notifier';
import { EVENT_NAMES } from '../../shared/contract/channels';
import type { SyncStatus } from '../../shared/contract/sync';
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
import { denyPermissionsAndDevices } from './session-guard';
import { mainWindowOpener, WindowRegistry } from './window-registry';
import { syncOnWakeAndReconnect } from './wake-sync';

// The Electron shell: it wires, it does not decide. Everything else lives in ../engine and runs under Node too.
const bundleDir = __dirname;
// Loaded from its own bundle: see system-browser.ts for why.
const { openInSystemBrowser } = createRequire(__filename)('./system-browser.cjs') as typeof SystemBrowser;
const rendererDir = path.resolve(bundleDir, '..', 'renderer');
const windows = new WindowRegistry<BrowserWindow>();
let opener: ReturnType<typeof mainWindowOpener<BrowserWindow>> | null = null;

app.enableSandbox();
registerAppSchemeAsPrivileged();

const focusExisting = () => {
  const window = opener?.open();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
};

if (claimSingleInstance(app, focusExisting)) void start();

async function start(): Promise<void> {
  const log = createMainLogger();
  const ready = new PrintReadyRegistry();
  let runtime: ConsoleRuntime | null = null;
  let quitting = false;
  // The engine owns the trusted link hosts (every configured server), so a profile saved a moment ago counts.
  const trustedHosts = () => runtime?.service.trustedHosts() ?? [];

  app.on('web-contents-created', (_event, contents) => {
    guardWebContents(contents, { openInBrowser: openInSystemBrowser, trustedHosts, log });
  });

  await app.whenReady();
  const desktop = new DesktopSettingsStore(app.getPath('userData'));
  denyPermissionsAndDevices(session.defaultSession);
  serveRenderer(rendererDir);

  runtime = await openConsole({
    host: 'electron',
    version: app.getVersion(),
    dataDir: app.getPath('userData'),
    log,
    workerDir: bundleDir,
    hostHandlers: electronHostHandlers({
      bundleDir,
      windows,
      ready,
      desktop,
      mainWindow: () => opener?.current() ?? null,
      openInBrowser: openInSystemBrowser,
      log,
    }),
  });
  const service = runtime.service;
  registerContractHandlers(ipcMain, service.dispatch, windows, log);

  const send = (command: MenuCommand) => opener?.current()?.webContents.send('event:menu.command', { command });
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
  // A native notification once per condition that appears (Settings > Desktop turns them off).
  const notify = createHealthNotifier({
    show: (title, body) => new Notification({ title, body }).show(),
    enabled: () => desktop.get().notifications && Notification.isSupported(),
  });
  service.events.subscribe((name, payload) => {
    if (name === 'sync.status') tray.update(payload as SyncStatus);
    if (name === 'health.changed') {
      tray.updateHealth((payload as HealthReport).conditions[0]);
      notify(payload as HealthReport);
    }
    if ((EVENT_NAMES as readonly string[]).includes(name)) windows.broadcast(`event:${name}`, payload);
  });

  opener = mainWindowOpener(windows, () => {
    const window = createMainWindow(bundleDir, desktop);
    window.on('close', (event) => {
      // Closing the window keeps the poller running in the tray when the user chose so.
      if (!quitting && desktop.get().closeToTray) {
        event.preventDefault();
        window.hide();
      }
    });
    return window;
  });
  opener.open();
  // The tray and notifications learn the integration's health at once, then from each health.changed.
  void service.dispatch('health.get', {});

  // A pass right after the computer wakes and when the network comes back, instead of at the next interval.
  const stopWatchingWake = syncOnWakeAndReconnect(
    {
      onResume: (listener) => powerMonitor.on('resume', listener),
      isOnline: () => net.isOnline(),
      setInterval: (callback, ms) => setInterval(callback, ms),
      clearInterval: (handle) => clearInterval(handle as ReturnType<typeof setInterval>),
    },
    (reason) => {
      log.info(`Syncing now: the computer ${reason === 'resume' ? 'woke up' : 'is back online'}`);
      void service.dispatch('sync.now', {});
    },
  );

  // On macOS the app lives on with no window; clicking its Dock icon opens one, registered like the first.
  app.on('activate', focusExisting);
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin' && !desktop.get().closeToTray) app.quit();
  });
  app.on('before-quit', (event) => {
    if (quitting) return;
    quitting = true;
    event.preventDefault();
    tray.destroy();
    stopWatchingWake();
    void (runtime?.close() ?? Promise.resolve()).finally(() => app.exit(0));
  });
  log.info(`XOi Console ${app.getVersion()} started`);
}
