import { fail, METHOD_NAMES } from '../../shared/contract';
import type { Dispatch } from '../engine/dispatch';
import type { Logger } from '../engine/logging/logger';
import { isTrustedSender, type IpcEventLike } from './sender-check';

/** The slice of Electron's ipcMain used here. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
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
): () => void {
  for (const method of METHOD_NAMES) {
    ipcMain.handle(method, async (event, args) => {
      if (!isTrustedSender(event, ownWebContentsIds)) {
        log.warn(`Refused IPC call to ${method} from an untrusted sender`);
        return fail('FORBIDDEN_SENDER', 'This window is not allowed to call the console.');
      }
      // The caller is the window itself: a print view's ready signal counts only for the job waiting on that window.
      return dispatch(method, args, { webContentsId: event.sender.id });
    });
  }
  return () => {
    for (const method of METHOD_NAMES) ipcMain.removeHandler(method);
  };
}
