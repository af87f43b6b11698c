import type { EventName, EventPayload, MethodArgs, MethodName, MethodResult, Result } from '../../shared/contract';

/** What the preload exposes to the renderer as `window.xoiConsole`: named methods and named event subscriptions. */
export interface PreloadApi {
  readonly methods: { readonly [M in MethodName]: (args: MethodArgs<M>) => Promise<Result<MethodResult<M>>> };
  readonly events: { readonly [E in EventName]: (listener: (payload: EventPayload<E>) => void) => () => void };
}

declare global {
  interface Window {
    xoiConsole?: PreloadApi;
  }
}
