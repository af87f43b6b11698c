import type { HostKind } from '../../shared/contract';
import type { Logger } from '../engine/logging/logger';
import { createService, type Service } from '../engine/service';

export interface OpenConsoleOptions {
  host: HostKind;
  version: string;
  dataDir: string;
  log: Logger;
}

export interface ConsoleRuntime {
  readonly service: Service;
  close(): Promise<void>;
}

/**
 * The composition root shared by every host (Electron main, web host, CLI): it starts the engine
 * (and, later, the embedded sandbox) and hands back one service.
 */
export async function openConsole(options: OpenConsoleOptions): Promise<ConsoleRuntime> {
  const service = createService({ host: options.host, version: options.version, platform: process.platform, log: options.log });
  return {
    service,
    async close() {
      await service.close();
    },
  };
}
