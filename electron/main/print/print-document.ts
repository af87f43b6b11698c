import type { PrintArgs, PrintResult } from '../../../shared/contract/print';
import { ConsoleError } from '../../../shared/errors';
import type { Logger } from '../../engine/logging/logger';
import type { ReadySignal } from './print-ready';
import { messageOf } from '../../../shared/validation';

/** The parts of a hidden BrowserWindow the print module uses (tests stand them in). */
export interface PrintWindow {
  readonly webContents: {
    readonly id: number;
    print(
      options: { silent: boolean; printBackground: boolean },
      callback: (success: boolean, failureReason: string) => void,
    ): void;
    printToPDF(options: {
      pageSize: 'Letter' | 'A4';
      printBackground: boolean;
      preferCSSPageSize: boolean;
    }): Promise<Uint8Array>;
  };
  loadURL(url: string): Promise<void>;
  destroy(): void;
  isDestroyed(): boolean;
}

export interface PrintDeps {
  createWindow(): PrintWindow;
  waitForReady(webContentsId: number): Promise<ReadySignal>;
  chooseSavePath(defaultName: string): Promise<string | null>;
  writeFile(path: string, data: Uint8Array): Promise<void>;
  pageSize: 'Letter' | 'A4';
  appOrigin: string;
  log: Logger;
}

export function printRoute(args: PrintArgs): string {
  if (args.kind === 'setup-sheet') return '#/print/setup-sheet';
  if (!args.key)
    throw new ConsoleError(
      'INVALID_ARGUMENT',
      'key: the appointment to print is missing (COMPANY/SERVICECALL/APPOINTMENT).',
      'Open an appointment first.',
    );
  return `#/print/report/${encodeURIComponent(args.key)}`;
}

function defaultFileName(args: PrintArgs): string {
  const date = new Date().toISOString().slice(0, 10);
  return args.kind === 'setup-sheet'
    ? `XOi setup sheet ${date}.pdf`
    : `XOi report ${(args.key ?? '').replace(/[\\/:*?"<>|]/g, '-')} ${date}.pdf`;
}

/**
 * Prints through the operating system's dialog, or saves a PDF where the user chose: a hidden, sandboxed window loads
 * the print view, waits for its ready signal, prints, and is always destroyed afterwards. A cancel is not an error.
 */
export async function printDocument(args: PrintArgs, deps: PrintDeps): Promise<PrintResult> {
  const route = printRoute(args);
  let target: string | null = null;
  if (args.mode === 'pdf') {
    target = await deps.chooseSavePath(defaultFileName(args));
    if (target === null) return { outcome: 'cancelled' };
  }
  const window = deps.createWindow();
  try {
    const ready = deps.waitForReady(window.webContents.id);
    await window.loadURL(`${deps.appOrigin}/index.html${route}`);
    const signal = await ready;
    if (!signal.ok)
      throw new ConsoleError(
        'PRINT_VIEW_FAILED',
        `The document could not be prepared for printing: ${signal.error ?? 'unknown reason'}.`,
        'Check the connection to the Schedule server, then try again.',
      );
    if (target !== null) {
      const pdf = await window.webContents.printToPDF({
        pageSize: deps.pageSize,
        printBackground: false,
        preferCSSPageSize: true,
      });
      await deps.writeFile(target, pdf);
      deps.log.info(`Saved a ${args.kind} as PDF`);
      return { outcome: 'saved', path: target };
    }
    const outcome = await new Promise<{ success: boolean; reason: string }>((resolve) => {
      window.webContents.print({ silent: false, printBackground: false }, (success, reason) =>
        resolve({ success, reason }),
      );
    });
    if (outcome.success) return { outcome: 'printed' };
    if (/cancel/i.test(outcome.reason)) return { outcome: 'cancelled' };
    throw new ConsoleError(
      'PRINT_FAILED',
      `Printing failed: ${outcome.reason}.`,
      'Check the printer, or save the document as PDF instead.',
    );
  } catch (error) {
    if (error instanceof ConsoleError) throw error;
    const detail = messageOf(error);
    deps.log.error('Printing failed', error);
    throw new ConsoleError(
      'PRINT_FAILED',
      `Printing failed (${detail.split('\n')[0]}).`,
      'Try again, or save the document as PDF instead.',
    );
  } finally {
    if (!window.isDestroyed()) window.destroy();
  }
}
