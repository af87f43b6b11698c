import { ConsoleError } from '../../../shared/errors';

/** Timers as the owner of the requests sees time (injected: tests move it by hand). */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (callback, ms) => {
    const handle = setTimeout(callback, ms);
    handle.unref?.();
    return handle;
  },
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A request that got no answer in time. */
export class RequestTimedOut extends ConsoleError {
  constructor(what: string, ms: number) {
    super('REQUEST_TIMED_OUT', `${what} did not answer within ${Math.round(ms / 1000)} seconds.`, 'Try again.');
  }
}

interface Waiting<V> {
  resolve(value: V): void;
  reject(error: Error): void;
  timer: unknown;
}

/**
 * Requests waiting for their answer, by id: each settles once, with its answer, its error, or a timeout. The one
 * mechanism behind every request/response exchange of the shell and the engine (worker calls, print-ready signals).
 */
export class PendingRequests<K, V> {
  private readonly waiting = new Map<K, Waiting<V>>();

  constructor(private readonly timers: Timers = realTimers) {}

  /** Waits for the answer to `id`; after `timeoutMs` it rejects with `onTimeout()` (and `cancel` runs). */
  wait(id: K, timeoutMs: number, onTimeout: () => Error, cancel?: () => void): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const timer = this.timers.setTimeout(() => {
        if (!this.waiting.delete(id)) return;
        cancel?.();
        reject(onTimeout());
      }, timeoutMs);
      this.waiting.set(id, { resolve, reject, timer });
    });
  }

  /** Settles `id` with its answer; false when nobody was waiting for it. */
  resolve(id: K, value: V): boolean {
    const waiting = this.take(id);
    waiting?.resolve(value);
    return waiting !== undefined;
  }

  reject(id: K, error: Error): boolean {
    const waiting = this.take(id);
    waiting?.reject(error);
    return waiting !== undefined;
  }

  /** Rejects every request still waiting (the other side has gone). */
  rejectAll(error: () => Error): void {
    for (const id of [...this.waiting.keys()]) this.reject(id, error());
  }

  get size(): number {
    return this.waiting.size;
  }

  private take(id: K): Waiting<V> | undefined {
    const waiting = this.waiting.get(id);
    if (!waiting) return undefined;
    this.waiting.delete(id);
    this.timers.clearTimeout(waiting.timer);
    return waiting;
  }
}
