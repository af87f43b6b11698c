import { useCallback, useEffect, useState } from 'react';
import type { MethodArgs, MethodName, SyncStatus } from '../../shared/contract';
import { api } from '../api/client';
import { useApiCall, useEvent } from './use-api';

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

/** Bumps whenever the worker has recomputed the verdicts, so lists can reload. */
export function useVerdictsVersion(): number {
  const [version, setVersion] = useState(0);
  useEvent(
    'verdicts.updated',
    useCallback(() => setVersion((value) => value + 1), []),
  );
  return version;
}

/**
 * Calls a method that reads the mirror, and again whenever a sync has changed it: a page opened before the first
 * mirror (or left open) fills in by itself. The previous answer stays on screen while the new one loads.
 */
export function useMirrorCall<M extends MethodName>(
  method: M,
  args: MethodArgs<M>,
  key: string = JSON.stringify(args),
) {
  const version = useVerdictsVersion();
  return useApiCall(method, args, `${key}@${version}`);
}
