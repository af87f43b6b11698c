import type { EventName, EventPayload, Result } from '../../shared/contract';

/** How the api client reaches the engine: Electron IPC through the preload, or the web host over HTTP. */
export interface Transport {
  call(method: string, args: unknown): Promise<Result<unknown>>;
  subscribe<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}
