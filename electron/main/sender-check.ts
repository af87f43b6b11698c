import { isAppUrl } from './app-origin';

/** The parts of Electron's WebFrameMain and IpcMainInvokeEvent the check reads (so tests can stand them in). */
export interface FrameLike {
  readonly url: string;
  readonly parent: FrameLike | null;
}
export interface IpcEventLike {
  readonly senderFrame: FrameLike | null;
  readonly sender: { readonly id: number };
}

/**
 * An IPC call is served only when it comes from the top frame of one of our own windows showing the
 * app:// origin. A missing (destroyed) frame, a subframe, another origin or an unknown window is refused.
 */
export function isTrustedSender(event: IpcEventLike, ownWebContentsIds: { has(id: number): boolean }): boolean {
  const frame = event.senderFrame;
  if (frame === null || frame === undefined) return false;
  if (frame.parent !== null) return false;
  if (!ownWebContentsIds.has(event.sender.id)) return false;
  return isAppUrl(frame.url);
}
