import type { HostKind } from '../../../shared/contract';
import type { Logger } from '../logging/logger';
import type { ProfileStore } from '../profiles/profile-store';
import type { SecretStore } from '../secrets/secret-store';
import type { HostHandlersFactory } from './host-capabilities';

/** What the embedded sandbox offers the service (the compose layer provides it; the engine never imports the sandbox). */
export interface EmbeddedSandbox {
  url: string;
  adminCredentials: { userName: string; password: string };
  xoiApiCredentials: { apiKey: string; apiSecret: string };
  /** Stands for sending XOi the setup sheet: the simulated XOi learns the integration password. */
  tellXoi(password: string): Promise<void>;
}

export interface ServiceDeps {
  host: HostKind;
  version: string;
  platform: string;
  log: Logger;
  dataDir: string;
  profiles: ProfileStore;
  secrets: SecretStore;
  sandbox: EmbeddedSandbox | null;
  /** The folder of the bundled workers (sync-worker.cjs, query-worker.cjs). */
  workerDir: string;
  /**
   * What only the host can do (print, links, desktop settings, confirmations; host-capabilities.ts). Given the
   * engine's own handlers, so a host can build on one (a native save dialog for the export the engine produced).
   */
  hostHandlers: HostHandlersFactory;
  now?: () => number;
  /** Start polling as soon as a profile is opened (false in some tests). */
  autoStartSync?: boolean;
}
