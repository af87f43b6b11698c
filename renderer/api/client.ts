import type { EventName, EventPayload, MethodArgs, MethodName, MethodResult, Result } from '../../shared/contract';
import { httpTransport } from './http-transport';
import { ipcTransport } from './ipc-transport';
import type { Transport } from './transport';

/** The renderer's one api client. It does not know (or care) which host carries the calls. */
export interface ApiClient {
  call<M extends MethodName>(method: M, args: MethodArgs<M>): Promise<Result<MethodResult<M>>>;
  on<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void;
}

export function createApiClient(transport: Transport): ApiClient {
  return {
    call: (method, args) => transport.call(method, args) as never,
    on: (name, listener) => transport.subscribe(name, listener),
  };
}

export const api: ApiClient = createApiClient(window.xoiConsole ? ipcTransport(window.xoiConsole) : httpTransport());
