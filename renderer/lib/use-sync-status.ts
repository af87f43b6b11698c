import { useCallback, useEffect, useState } from 'react';
import type { SyncStatus } from '../../shared/contract';
import { api } from '../api/client';
import { useEvent } from './use-api';

/** The poller's state: asked once, then kept current by the pushed `sync.status` events. */
export function useSyncStatus(): SyncStatus | null {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  useEffect(() => {
    let live = true;
    void api.call('sync.status', {}).then((result) => {
      if (live && result.ok) setStatus((current) => current ?? result.value);
    });
    return () => {
      live = false;
    };
  }, []);
  useEvent(
    'sync.status',
    useCallback((next: SyncStatus) => setStatus(next), []),
  );
  return status;
}
