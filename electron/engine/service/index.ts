import type { HostKind } from '../../shared/contract';
import { createDispatch, type Dispatch, type Handlers } from './dispatch';
import { EventBus } from './events';
import type { Logger } from './logging/logger';

export interface ServiceOptions {
  host: HostKind;
  version: string;
  platform: string;
  log: Logger;
}

/** The engine's facade: one handler per contract method, and the event bus both transports listen to. */
export interface Service {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  close(): Promise<void>;
}

export function createService(options: ServiceOptions): Service {
  const events = new EventBus();
  const handlers: Handlers = {
    'app.info': () => ({ name: 'XOi Console', version: options.version, host: options.host, platform: options.platform }),
  };
  return {
    dispatch: createDispatch(handlers, options.log),
    events,
    async close() {},
  };
}
