import type { HostKind } from '../../shared/contract';
import type { Logger } from '../engine/logging/logger';
import { prepareDataDir } from '../engine/paths';
import { ProfileStore } from '../engine/profiles/profile-store';
import { createKeytarStore } from '../engine/secrets/keytar-store';
import { KEYCHAIN_SERVICE, type SecretStore } from '../engine/secrets/secret-store';
import { createService, type Service } from '../engine/service';
import type { HostHandlersFactory } from '../engine/service/host-capabilities';
import { DEFAULT_SANDBOX_APPOINTMENTS, DEFAULT_SANDBOX_SEED } from '../sandbox/sandbox';
import { startSandboxThread, type SandboxThread } from './embedded-sandbox';
import type { SandboxThreadOptions } from './sandbox-thread';

export interface OpenConsoleOptions {
  host: HostKind;
  version: string;
  dataDir: string;
  log: Logger;
  /** The folder of the bundled workers (dist/electron). */
  workerDir: string;
  /** What only this host can do (engine/service/host-capabilities.ts). */
  hostHandlers: HostHandlersFactory;
  /** The embedded sandbox's options (every profile list holds the sandbox profile, so it always runs). */
  sandbox?: SandboxThreadOptions;
  secrets?: SecretStore;
}

export interface ConsoleRuntime {
  readonly service: Service;
  readonly sandbox: SandboxThread;
  close(): Promise<void>;
}

/**
 * The composition root shared by every host (Electron main, web host, CLI): it starts the embedded sandbox and the
 * engine and hands back one service. The engine never imports the sandbox; this is where they meet.
 */
export async function openConsole(options: OpenConsoleOptions): Promise<ConsoleRuntime> {
  prepareDataDir(options.dataDir);
  const sandbox = await startSandboxThread(
    { seed: DEFAULT_SANDBOX_SEED, appointments: DEFAULT_SANDBOX_APPOINTMENTS, speed: 1, ...options.sandbox },
    options.workerDir,
    options.log,
  );
  const service = createService({
    host: options.host,
    version: options.version,
    platform: process.platform,
    log: options.log,
    dataDir: options.dataDir,
    profiles: new ProfileStore(options.dataDir),
    secrets: options.secrets ?? createKeytarStore(process.env.XOI_KEYCHAIN_SERVICE ?? KEYCHAIN_SERVICE),
    sandbox,
    workerDir: options.workerDir,
    hostHandlers: options.hostHandlers,
  });
  try {
    await service.start();
  } catch (error) {
    options.log.error('The console could not open its active profile', error);
  }
  return {
    service,
    sandbox,
    async close() {
      await service.close();
      await sandbox.close();
    },
  };
}
