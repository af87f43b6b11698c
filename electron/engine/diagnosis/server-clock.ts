import type { ReadHandle, WriteHandle } from '../store/handles';
import { readSnapshot } from '../store/tables/snapshots';

/**
 * "Now" as the Schedule server sees it: XOi's timing is measured on the server's clock, not on this computer's
 * (which may be off). The server's time at the last sync, plus the time elapsed here since then.
 */
export function serverNow(handle: ReadHandle | WriteHandle, localNow: number): number {
  const system = readSnapshot<{ serverTime?: string }>(handle, 'system');
  if (!system?.value.serverTime) return localNow;
  const serverAtFetch = Date.parse(system.value.serverTime);
  const fetchedAt = Date.parse(system.fetchedAt);
  if (Number.isNaN(serverAtFetch) || Number.isNaN(fetchedAt)) return localNow;
  return serverAtFetch + Math.max(0, localNow - fetchedAt);
}
