import type { EventName, EventPayload, Result } from '../../shared/contract';
import type { Transport } from './transport';

type AnyListener = (payload: unknown) => void;

/** The web host's transport: POST /api/call/<method>, events over one shared EventSource. */
export function httpTransport(): Transport {
  const listeners = new Map<string, Set<AnyListener>>();
  let source: EventSource | null = null;

  function ensureSource(): void {
    if (source) return;
    source = new EventSource('/api/events');
    source.onmessage = (message) => {
      const frame = JSON.parse(String(message.data)) as { name: string; payload: unknown };
      for (const listener of listeners.get(frame.name) ?? []) listener(frame.payload);
    };
  }

  return {
    async call(method, args) {
      try {
        const response = await fetch(`/api/call/${encodeURIComponent(method)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(args ?? {}),
          credentials: 'same-origin',
        });
        if (response.status === 401) {
          return {
            ok: false,
            error: {
              code: 'WEB_TOKEN_MISSING',
              message: 'This page lost its access token.',
              nextStep: 'Open the address printed when the console started.',
            },
          };
        }
        return (await response.json()) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'HOST_UNREACHABLE',
            message: 'The console host is not answering.',
            nextStep: 'Check that "npm run web" (or the console) is still running, then reload.',
          },
        };
      }
    },
    subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void) {
      ensureSource();
      const set = listeners.get(name) ?? new Set<AnyListener>();
      set.add(listener as AnyListener);
      listeners.set(name, set);
      return () => set.delete(listener as AnyListener);
    },
  };
}
