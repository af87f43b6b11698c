/** Where the desktop says the computer woke up or came back online (Electron's powerMonitor and net; tests stand in). */
export interface WakeSources {
  onResume(listener: () => void): void;
  isOnline(): boolean;
  setInterval(callback: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/** How often the network state is looked at (Electron has no "online" event in the main process). */
export const ONLINE_CHECK_MS = 15_000;

/**
 * Asks for a pass right after the computer wakes from sleep and when the network comes back, instead of waiting for
 * the next interval (or a long backoff that started while offline). The poller runs one pass at a time, so a wake
 * during a pass joins it. Returns a function that stops watching.
 */
export function syncOnWakeAndReconnect(
  sources: WakeSources,
  syncNow: (reason: 'resume' | 'online') => void,
): () => void {
  sources.onResume(() => syncNow('resume'));
  let online = sources.isOnline();
  const handle = sources.setInterval(() => {
    const now = sources.isOnline();
    if (now && !online) syncNow('online');
    online = now;
  }, ONLINE_CHECK_MS);
  return () => sources.clearInterval(handle);
}
