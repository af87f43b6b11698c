/**
 * Print views say when they are ready (data and fonts loaded) through the `print.ready` method; the print module
 * waits for that signal from the one window it created, with a deadline, instead of sleeping.
 */
export interface ReadySignal {
  ok: boolean;
  error?: string;
}

export class PrintReadyRegistry {
  private readonly waiting = new Map<number, (signal: ReadySignal) => void>();

  wait(
    webContentsId: number,
    timeoutMs: number,
    setTimer: (callback: () => void, ms: number) => unknown = setTimeout,
    clearTimer: (handle: unknown) => void = (handle) => clearTimeout(handle as NodeJS.Timeout),
  ): Promise<ReadySignal> {
    return new Promise((resolve) => {
      const timer = setTimer(() => {
        this.waiting.delete(webContentsId);
        resolve({
          ok: false,
          error: `the print view did not become ready within ${Math.round(timeoutMs / 1000)} seconds`,
        });
      }, timeoutMs);
      this.waiting.set(webContentsId, (signal) => {
        clearTimer(timer);
        this.waiting.delete(webContentsId);
        resolve(signal);
      });
    });
  }

  /** Returns whether a print job was waiting for this window. */
  signal(webContentsId: number, signal: ReadySignal): boolean {
    const resolve = this.waiting.get(webContentsId);
    if (!resolve) return false;
    resolve(signal);
    return true;
  }
}
