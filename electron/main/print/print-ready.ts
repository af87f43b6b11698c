import { PendingRequests, realTimers, type Timers } from '../../engine/rpc/pending-requests';

/**
 * Print views say when they are ready (data and fonts loaded) through the `print.ready` method; the print module
 * waits for that signal from the one window it created, with a deadline, instead of sleeping. The waiting is the
 * engine's one request/response mechanism, keyed by the window.
 */
export interface ReadySignal {
  ok: boolean;
  error?: string;
}

export class PrintReadyRegistry {
  private readonly pending: PendingRequests<number, ReadySignal>;

  constructor(timers: Timers = realTimers) {
    this.pending = new PendingRequests(timers);
  }

  /** The window's signal, or `{ ok: false }` with the reason when it does not come in time. */
  wait(webContentsId: number, timeoutMs: number): Promise<ReadySignal> {
    return this.pending
      .wait(
        webContentsId,
        timeoutMs,
        () => new Error(`the print view did not become ready within ${Math.round(timeoutMs / 1000)} seconds`),
      )
      .catch((error: Error) => ({ ok: false, error: error.message }));
  }

  /** Returns whether a print job was waiting for this window. */
  signal(webContentsId: number, signal: ReadySignal): boolean {
    return this.pending.resolve(webContentsId, signal);
  }
}
