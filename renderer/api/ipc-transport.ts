import type { EventName, EventPayload, Result } from '../../shared/contract';
import type { PreloadApi } from '../../electron/preload/api';
import type { Transport } from './transport';

export function ipcTransport(bridge: PreloadApi): Transport {
  return {
    call(method, args) {
      const fn = (bridge.methods as unknown as Record<string, ((a: unknown) => Promise<Result<unknown>>) | undefined>)[
        method
      ];
      if (!fn)
        return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `No method ${method}.` } });
      return fn(args);
    },
    subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) {
      return bridge.events[name](listener as never);
    },
  };
}
