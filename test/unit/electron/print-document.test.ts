import { describe, expect, it } from 'vitest';
import { ConsoleError } from '../../../shared';
import { silentLogger } from '../../../electron/engine/logging';
import { printDocument, type PrintDeps, type PrintWindow } from '../../../electron/main/print/print-document';
import { PrintReadyRegistry } from '../../../electron/main/print/print-ready';

/**
 * Stands in for a hidden BrowserWindow (the Electron runtime cannot run here): it records what the print module
 * asks of it, and plays the print view's ready signal and the OS dialog's answer as the test says.
 */
function standInWindow(
  behaviour: {
    printAnswer?: [boolean, string];
    pdf?: Uint8Array;
    loadFails?: boolean;
    ready?: { ok: boolean; error?: string } | 'never';
  },
  registry: PrintReadyRegistry,
) {
  const calls: string[] = [];
  let destroyed = false;
  const window: PrintWindow = {
    webContents: {
      id: 41,
      print: (options, callback) => {
        calls.push(`print silent=${options.silent}`);
        const [success, reason] = behaviour.printAnswer ?? [true, ''];
        callback(success, reason);
      },
      printToPDF: async (options) => {
        calls.push(`printToPDF ${options.pageSize} css=${options.preferCSSPageSize}`);
        return behaviour.pdf ?? new Uint8Array([37, 80, 68, 70]);
      },
    },
    loadURL: async (url) => {
      calls.push(`load ${url}`);
      if (behaviour.loadFails) throw new Error('ERR_FAILED (-2) loading app://console');
      if (behaviour.ready !== 'never') registry.signal(41, behaviour.ready ?? { ok: true });
    },
    destroy: () => {
      calls.push('destroy');
      destroyed = true;
    },
    isDestroyed: () => destroyed,
  };
  return { window, calls };
}

function deps(window: PrintWindow | null, registry: PrintReadyRegistry, extra: Partial<PrintDeps> = {}) {
  const written: Array<[string, number]> = [];
  let created = 0;
  const value: PrintDeps = {
    createWindow: () => {
      created++;
      if (!window) throw new Error('no window expected');
      return window;
    },
    waitForReady: (id) => registry.wait(id, 30_000),
    chooseSavePath: async () => '/home/admin/Documents/sheet.pdf',
    writeFile: async (file, data) => void written.push([file, data.length]),
    pageSize: 'A4',
    appOrigin: 'app://console',
    log: silentLogger,
    ...extra,
  };
  return { value, written, created: () => created };
}

/** Timers that fire only when the test says so. */
function manualTimers() {
  const callbacks: Array<() => void> = [];
  return {
    timers: { setTimeout: (callback: () => void) => callbacks.push(callback), clearTimeout: () => {} },
    fire: () => callbacks.forEach((callback) => callback()),
  };
}

async function failure(promise: Promise<unknown>): Promise<ConsoleError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ConsoleError);
  return error as ConsoleError;
}

describe('printing from a hidden window', () => {
  it('loads the print view, waits for its ready signal, opens the OS dialog, and destroys the window', async () => {
    const registry = new PrintReadyRegistry();
    const { window, calls } = standInWindow({}, registry);
    const result = await printDocument({ kind: 'setup-sheet', mode: 'print' }, deps(window, registry).value);
    expect(result).toEqual({ outcome: 'printed' });
    expect(calls).toEqual(['load app://console/index.html#/print/setup-sheet', 'print silent=false', 'destroy']);
  });

  it('treats a cancelled dialog as a cancel, not an error', async () => {
    const registry = new PrintReadyRegistry();
    const { window, calls } = standInWindow({ printAnswer: [false, 'cancelled'] }, registry);
    expect(await printDocument({ kind: 'setup-sheet', mode: 'print' }, deps(window, registry).value)).toEqual({
      outcome: 'cancelled',
    });
    expect(calls.at(-1)).toBe('destroy');
  });

  it('reports a printer failure with a next step, and still destroys the window', async () => {
    const registry = new PrintReadyRegistry();
    const { window, calls } = standInWindow({ printAnswer: [false, 'Print job failed'] }, registry);
    const error = await failure(printDocument({ kind: 'setup-sheet', mode: 'print' }, deps(window, registry).value));
    expect(error.code).toBe('PRINT_FAILED');
    expect(error.nextStep).toMatch(/PDF/);
    expect(calls.at(-1)).toBe('destroy');
  });

  it('saves a PDF where the user chose, in the page size of the locale, then destroys the window', async () => {
    const registry = new PrintReadyRegistry();
    const { window, calls } = standInWindow({ pdf: new Uint8Array(1234) }, registry);
    const harness = deps(window, registry);
    const result = await printDocument({ kind: 'report', key: 'TWO/SC1/001', mode: 'pdf' }, harness.value);
    expect(result).toEqual({ outcome: 'saved', path: '/home/admin/Documents/sheet.pdf' });
    expect(harness.written).toEqual([['/home/admin/Documents/sheet.pdf', 1234]]);
    expect(calls).toEqual([
      'load app://console/index.html#/print/report/TWO%2FSC1%2F001',
      'printToPDF A4 css=true',
      'destroy',
    ]);
  });

  it('creates no window when the save dialog is cancelled', async () => {
    const registry = new PrintReadyRegistry();
    const harness = deps(null, registry, { chooseSavePath: async () => null });
    expect(await printDocument({ kind: 'setup-sheet', mode: 'pdf' }, harness.value)).toEqual({ outcome: 'cancelled' });
    expect(harness.created()).toBe(0);
  });

  it('gives up when the view never becomes ready, and destroys the window', async () => {
    const clock = manualTimers();
    const registry = new PrintReadyRegistry(clock.timers);
    const { window, calls } = standInWindow({ ready: 'never' }, registry);
    const harness = deps(window, registry);
    const pending = printDocument({ kind: 'setup-sheet', mode: 'print' }, harness.value);
    await Promise.resolve();
    await new Promise((resolve) => setImmediate(resolve));
    clock.fire();
    const error = await failure(pending);
    expect(error.code).toBe('PRINT_VIEW_FAILED');
    expect(error.message).toMatch(/did not become ready/);
    expect(calls).toEqual(['load app://console/index.html#/print/setup-sheet', 'destroy']);
  });

  it('reports a view that failed to load its data', async () => {
    const registry = new PrintReadyRegistry();
    const { window, calls } = standInWindow(
      { ready: { ok: false, error: 'The Schedule server cannot be reached.' } },
      registry,
    );
    const error = await failure(printDocument({ kind: 'setup-sheet', mode: 'print' }, deps(window, registry).value));
    expect(error.message).toContain('The Schedule server cannot be reached.');
    expect(calls.at(-1)).toBe('destroy');
  });

  it('reports a page that failed to load, and destroys the window', async () => {
    const registry = new PrintReadyRegistry();
    const { window, calls } = standInWindow({ loadFails: true }, registry);
    const error = await failure(printDocument({ kind: 'setup-sheet', mode: 'print' }, deps(window, registry).value));
    expect(error.code).toBe('PRINT_FAILED');
    expect(calls.at(-1)).toBe('destroy');
  });

  it('refuses a report without an appointment before creating a window', async () => {
    const registry = new PrintReadyRegistry();
    const harness = deps(null, registry);
    const error = await failure(printDocument({ kind: 'report', mode: 'print' }, harness.value));
    expect(error.code).toBe('INVALID_ARGUMENT');
    expect(harness.created()).toBe(0);
  });

  it('ignores a ready signal from a window no print job is waiting for', () => {
    expect(new PrintReadyRegistry().signal(99, { ok: true })).toBe(false);
  });
});
