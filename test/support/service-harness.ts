import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { type Result } from '../../shared/contract';
import { silentLogger } from '../../electron/engine/logging';
import { ProfileStore } from '../../electron/engine/profiles';
import { createKeytarStore, type SecretStore } from '../../electron/engine/secrets';
import { createService, type Service } from '../../electron/engine/service';
import { webHostHandlers } from '../../electron/web';
import { repoRoot } from './paths';
import { makeTempDir } from './temp-dir';

/** Calls a method of a service and returns its value, or throws with the error's code and message. */
export async function callService<T = unknown>(service: Service, method: string, args: unknown = {}): Promise<T> {
  const result = (await service.dispatch(method, args)) as Result<T>;
  if (!result.ok)
    throw Object.assign(new Error(`${result.error.code}: ${result.error.message}`), { appError: result.error });
  return result.value;
}

/** The real engine in this process: real keychain (a service name of its own), real files, the bundled sync worker. */
export function serviceHarness(options: { secrets?: SecretStore; sandboxUrl?: string } = {}) {
  const temp = makeTempDir('xoi-service-');
  const keychainService = `XOi Console test ${randomBytes(4).toString('hex')}`;
  const secrets = options.secrets ?? createKeytarStore(keychainService);
  const open = (): Service =>
    createService({
      host: 'web',
      version: '0.0.0-test',
      platform: process.platform,
      log: silentLogger,
      dataDir: temp.dir,
      profiles: new ProfileStore(temp.dir),
      secrets,
      sandbox: options.sandboxUrl
        ? {
            url: options.sandboxUrl,
            adminCredentials: { userName: 'admin', password: 'sandbox' },
            xoiApiCredentials: { apiKey: 'sandbox-api-key', apiSecret: 'sandbox-api-secret' },
            tellXoi: async () => {},
          }
        : null,
      workerDir: path.join(repoRoot, 'dist', 'electron'),
      hostHandlers: webHostHandlers,
      autoStartSync: false,
    });
  let service = open();
  return {
    get service() {
      return service;
    },
    secrets,
    keychainService,
    dataDir: temp.dir,
    /** Calls a method and returns its value, or throws with the error's code and message. */
    call<T = unknown>(method: string, args: unknown = {}): Promise<T> {
      return callService<T>(service, method, args);
    },
    async raw(method: string, args: unknown = {}) {
      return service.dispatch(method, args);
    },
    /** Closes the engine and opens a new one on the same data folder and keychain (a restart of the console). */
    async reopen() {
      await service.close();
      service = open();
    },
    async close() {
      await service.close();
      temp.remove();
    },
  };
}
