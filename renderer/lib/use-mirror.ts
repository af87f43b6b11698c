import { useCallback, useState } from 'react';
import type { MethodArgs, MethodName, SyncStatus } from '../../shared/contract';
import { useApiCall, useEvent } from './use-api';

/**
 * A number that moves whenever what the mirror holds may have changed: the verdicts were recomputed, or a sync pass
 * ended (its runs, its errors). Every page that reads the mirror reloads on it, and only on it.
 */
export function useMirrorVersion(): number {
  const [version, setVersion] = useState(0);
  const bump = useCallback(() => setVersion((value) => value + 1), []);
  useEvent('verdicts.updated', bump);
  useEvent(
    'sync.status',
    useCallback(
      (status: SyncStatus) => {
        if (status.state === 'idle' || status.state === 'error') bump();
      },
      [bump],
    ),
  );
  return version;
}

/**
 * Calls a method that reads the mirror, and again whenever the mirror changed: a page opened before the first mirror
 * (or left open) fills in by itself. The previous answer stays on screen while the new one loads.
 */
export function useMirrorQuery<M extends MethodName>(
  method: M,
  args: MethodArgs<M>,
  key: string = JSON.stringify(args),
) {
  const version = useMirrorVersion();
  return useApiCall(method, args, `${key}@${version}`);
}
