import { createDispatch, type Dispatch, type Handlers } from '../dispatch';
import type { EngineHandlers } from './host-capabilities';
import { EventBus } from '../events';
import { ServiceContext } from './context';
import { bindLegacySecrets } from './credentials';
import { HealthMonitor } from './health-monitor';
import type { ServiceDeps } from './deps';
import { appointmentHandlers } from './handlers/appointments';
import { printHandlers } from './handlers/print';
import { profileHandlers } from './handlers/profiles';
import { settingsHandlers } from './handlers/settings';
import { setupHandlers } from './handlers/setup';
import { syncHandlers } from './handlers/sync';
import { xoiHandlers } from './handlers/xoi';

export type { ServiceDeps } from './deps';

/** The engine's facade: one handler per contract method, and the event bus both transports listen to. */
export interface Service {
  readonly dispatch: Dispatch;
  readonly events: EventBus;
  /** Opens the active profile and starts its poller (hosts call it once at start-up). */
  start(): Promise<void>;
  /** The hosts a link may open in the browser besides XOi's and WennSoft's: every configured Schedule server. */
  trustedHosts(): string[];
  close(): Promise<void>;
}

export function createService(deps: ServiceDeps): Service {
  const events = new EventBus();
  const context = new ServiceContext(deps, events);
  const health = new HealthMonitor(context, events);
  const engineHandlers: EngineHandlers = {
    'app.info': () => ({ name: 'XOi Console', version: deps.version, host: deps.host, platform: deps.platform }),
    ...profileHandlers(context),
    ...setupHandlers(context),
    ...syncHandlers(context),
    ...settingsHandlers(context),
    ...appointmentHandlers(context),
    ...printHandlers(context),
    ...xoiHandlers(context),
    'health.get': () => health.current(),
  };
  const handlers: Handlers = {
    ...engineHandlers,
    ...deps.hostHandlers(engineHandlers, { trustedHosts: () => context.trustedHosts() }),
  };
  return {
    dispatch: createDispatch(handlers, deps.log),
    events,
    async start() {
      if (deps.profiles.recovered) {
        events.emit('app.notice', {
          level: 'warning',
          message:
            'The profiles file could not be read and was set aside; the console started with the sandbox profile.',
          nextStep: 'Re-create your profiles in Settings.',
          at: new Date().toISOString(),
        });
      }
      await bindLegacySecrets(deps);
      await context.active();
    },
    trustedHosts: () => context.trustedHosts(),
    close: async () => {
      await health.close();
      await context.close();
    },
  };
}
