import { describe, expect, it } from 'vitest';
import type { MenuItemConstructorOptions } from 'electron';
import { buildMenuTemplate, type MenuCommand } from '../../../electron/main/app-menu';
import { claimSingleInstance } from '../../../electron/main/single-instance';
import { trayStatusLabel } from '../../../electron/main/tray-label';
import { restoreBounds } from '../../../electron/main/window-state';
import { secureWebPreferences } from '../../../electron/main/secure-web-preferences';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

describe('the application menu', () => {
  const record = () => {
    const commands: MenuCommand[] = [];
    const other: string[] = [];
    return {
      commands,
      other,
      actions: {
        command: (c: MenuCommand) => commands.push(c),
        openLogsFolder: () => other.push('logs'),
        showAbout: () => other.push('about'),
      },
    };
  };

  it.each(['win32', 'darwin'] as const)('offers print, PDF and CSV with their shortcuts on %s', (platform) => {
    const { actions, commands } = record();
    const items = flatten(buildMenuTemplate(platform, actions));
    const find = (label: string) => items.find((item) => item.label === label);
    expect(find('Print Setup Sheet…')?.accelerator).toBe('CmdOrCtrl+P');
    expect(find('Save Setup Sheet as PDF…')?.accelerator).toBe('CmdOrCtrl+Shift+S');
    expect(find('Export Appointments as CSV…')?.accelerator).toBe('CmdOrCtrl+E');
    for (const label of [
      'Print Setup Sheet…',
      'Save Setup Sheet as PDF…',
      'Print Troubleshooting Report…',
      'Export Appointments as CSV…',
    ]) {
      (find(label)?.click as (() => void) | undefined)?.();
    }
    expect(commands).toEqual(['print-setup-sheet', 'save-setup-sheet-pdf', 'print-report', 'export-csv']);
  });

  it('follows macOS conventions: the app menu first, About and Quit there', () => {
    const template = buildMenuTemplate('darwin', record().actions);
    expect(template[0]?.label).toBe('XOi Console');
    expect(flatten(template).some((item) => item.label === 'E&xit')).toBe(false);
  });

  it('follows Windows conventions: Exit in File, About in Help, with the logs folder', () => {
    const { actions, other } = record();
    const template = buildMenuTemplate('win32', actions);
    expect(template.map((item) => item.label)).toEqual(['&File', '&Edit', '&View', '&Window', '&Help']);
    const items = flatten(template);
    expect(items.some((item) => item.role === 'quit' && item.label === 'E&xit')).toBe(true);
    (items.find((item) => item.label === 'Open Logs Folder')?.click as () => void)();
    (items.find((item) => item.label === 'About XOi Console')?.click as () => void)();
    expect(other).toEqual(['logs', 'about']);
  });
});

describe('window placement', () => {
  const primary = { x: 0, y: 0, width: 1920, height: 1040 };
  it('uses the default size the first time', () => {
    expect(restoreBounds(null, [primary])).toEqual({ width: 1280, height: 820 });
  });
  it('puts the window back where it was', () => {
    expect(restoreBounds({ x: 100, y: 50, width: 1000, height: 700 }, [primary])).toEqual({
      x: 100,
      y: 50,
      width: 1000,
      height: 700,
    });
  });
  it('brings a window from an unplugged monitor back to the primary display', () => {
    const restored = restoreBounds({ x: 2500, y: 100, width: 1200, height: 800 }, [primary]);
    expect(restored.x).toBeUndefined();
    expect(restored).toMatchObject({ width: 1200, height: 800 });
  });
  it('never restores a window smaller than usable or larger than the screen', () => {
    expect(restoreBounds({ x: 10, y: 10, width: 200, height: 100 }, [primary])).toMatchObject({
      width: 900,
      height: 600,
    });
    expect(restoreBounds({ x: 10, y: 10, width: 9000, height: 9000 }, [primary])).toMatchObject({
      width: 1920,
      height: 1040,
    });
  });
});

describe('single instance', () => {
  /** Stands in for Electron's app: records what the rule asks of it. */
  const standInApp = (lock: boolean) => {
    const calls: string[] = [];
    return {
      calls,
      app: {
        requestSingleInstanceLock: () => lock,
        quit: () => calls.push('quit'),
        on: (event: string) => calls.push(`on ${event}`),
      },
    };
  };
  it('a second launch quits at once and does not start', () => {
    const { app, calls } = standInApp(false);
    expect(claimSingleInstance(app, () => {})).toBe(false);
    expect(calls).toEqual(['quit']);
  });
  it('the first launch runs and listens for later launches to focus itself', () => {
    const { app, calls } = standInApp(true);
    expect(claimSingleInstance(app, () => {})).toBe(true);
    expect(calls).toEqual(['on second-instance']);
  });
});

describe('every window is locked down', () => {
  it('writes each security preference explicitly', () => {
    expect(secureWebPreferences('/app/preload.cjs')).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webviewTag: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
    });
  });
});

describe('the tray line', () => {
  it('says what the poller is doing', () => {
    expect(
      trayStatusLabel({
        state: 'running',
        startedAt: 'x',
        lastSuccessAt: null,
        firstMirror: true,
        feed: 'notes',
        pagesDone: 1,
        rowsSoFar: 1,
        feedRows: 1,
        feedEstimate: null,
      }),
    ).toBe('Syncing notes…');
    expect(
      trayStatusLabel({ state: 'needs-credentials', code: 'X', message: 'm', nextStep: 'n', lastSuccessAt: null }),
    ).toBe('Sync stopped: login rejected');
  });
});
