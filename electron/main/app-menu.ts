import type { MenuItemConstructorOptions } from 'electron';

export type MenuCommand =
  | 'print-setup-sheet'
  | 'save-setup-sheet-pdf'
  | 'export-csv'
  | 'print-report'
  | 'save-report-pdf'
  | 'sync-now'
  | 'go-settings';

export interface MenuActions {
  command(command: MenuCommand): void;
  openLogsFolder(): void;
  showAbout(): void;
}

/** The application menu, with each platform's conventions (the app menu on macOS, Exit/About placement on Windows). */
export function buildMenuTemplate(platform: NodeJS.Platform, actions: MenuActions): MenuItemConstructorOptions[] {
  const mac = platform === 'darwin';
  const file: MenuItemConstructorOptions = {
    label: '&File',
    submenu: [
      { label: 'Print Setup Sheet…', accelerator: 'CmdOrCtrl+P', click: () => actions.command('print-setup-sheet') },
      {
        label: 'Save Setup Sheet as PDF…',
        accelerator: 'CmdOrCtrl+Shift+S',
        click: () => actions.command('save-setup-sheet-pdf'),
      },
      {
        label: 'Print Troubleshooting Report…',
        accelerator: 'CmdOrCtrl+Shift+P',
        click: () => actions.command('print-report'),
      },
      { label: 'Save Troubleshooting Report as PDF…', click: () => actions.command('save-report-pdf') },
      { type: 'separator' },
      { label: 'Export Appointments as CSV…', accelerator: 'CmdOrCtrl+E', click: () => actions.command('export-csv') },
      { type: 'separator' },
      { label: 'Sync Now', accelerator: 'CmdOrCtrl+R', click: () => actions.command('sync-now') },
      ...(mac
        ? []
        : [
            { type: 'separator' } as const,
            { label: 'Settings', accelerator: 'CmdOrCtrl+,', click: () => actions.command('go-settings') },
            { type: 'separator' } as const,
            { role: 'quit', label: 'E&xit' } as const,
          ]),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: '&View',
    submenu: [
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };
  const window: MenuItemConstructorOptions = { label: '&Window', role: 'windowMenu' };
  const help: MenuItemConstructorOptions = {
    label: '&Help',
    role: 'help',
    submenu: [
      { label: 'Open Logs Folder', click: () => actions.openLogsFolder() },
      ...(mac
        ? []
        : [{ type: 'separator' } as const, { label: 'About XOi Console', click: () => actions.showAbout() }]),
    ],
  };
  const appMenu: MenuItemConstructorOptions = {
    label: 'XOi Console',
    submenu: [
      { label: 'About XOi Console', click: () => actions.showAbout() },
      { type: 'separator' },
      { label: 'Settings…', accelerator: 'Cmd+,', click: () => actions.command('go-settings') },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { role: 'quit' },
    ],
  };
  return mac
    ? [appMenu, file, { role: 'editMenu' }, view, window, help]
    : [file, { label: '&Edit', role: 'editMenu' }, view, window, help];
}
