/** Time as the poller sees it: injected, so tests move it by hand and nothing sleeps. */
export interface Scheduler {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * The wall clock. In a host with other work keeping it alive (Electron, the web host) the poller's timers must not
 * keep the process running; a command whose only job is the poller (`xoi-console mirror`) needs them to.
 */
export function wallClockScheduler(options: { keepAlive: boolean }): Scheduler {
  return {
    now: () => Date.now(),
    setTimeout: (callback, ms) => {
      const handle = setTimeout(callback, ms);
      if (!options.keepAlive) handle.unref?.();
      return handle;
    },
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

export const realScheduler: Scheduler = wallClockScheduler({ keepAlive: false });
