import { fail, METHOD_NAMES, methods, ok } from '../../shared/contract';
import { describeZodError } from '../../shared/validation';
import type { Dispatch } from '../engine/dispatch';
import type { Logger } from '../engine/logging/logger';
import { isTrustedSender, type IpcEventLike } from './sender-check';

/** The slice of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions {
  /** A print view's ready signal, tied to the window that sent it. */
  onPrintReady?: (senderId: number, signal: { ok: boolean; error?: string }) => boolean;
}

/**
 * One handler per contract method. Each checks its sender before anything else, then hands the raw argument to the
 * dispatcher, which parses it with the method's zod schema.
 */
export function registerContractHandlers(
  ipcMain: IpcMainLike,
  dispatch: Dispatch,
  ownWebContentsIds: { has(id: number): boolean },
  log: Logger,
  options: IpcOptions = {},
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(method, async (event, args) => {
      if (!isTrustedSender(event, ownWebContentsIds)) {
        log.warn(`Refused IPC call to ${method} from an untrusted sender`);
        return fail('FORBIDDEN_SENDER', 'This window is not allowed to call the console.');
      }
      if (method === 'print.ready' && options.onPrintReady) {
        const parsed = methods['print.ready'].args.safeParse(args ?? {});
        if (!parsed.success)
          return fail(
            'INVALID_ARGUMENT',
            `Invalid arguments for print.ready: ${describeZodError(parsed.error, 'arguments')}.`,
          );
        return ok({ acknowledged: options.onPrintReady(event.sender.id, parsed.data) });
      }
      return dispatch(method, args);
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(method);
  };
}
