import path from 'node:path';
import { getHeapStatistics } from 'node:v8';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../engine/logging/logger';
import { RpcClient } from '../engine/rpc';
import type { EmbeddedSandbox } from '../engine/service/deps';
import { SANDBOX_ADMIN, SANDBOX_XOI_API } from '../sandbox/credentials';
import type { SandboxThreadEvents, SandboxThreadHandlers, SandboxThreadOptions } from './sandbox-thread';

/** Generating a world of a million appointments takes minutes on a slow desktop. */
const START_TIMEOUT_MS = 30 * 60_000;
const CALL_TIMEOUT_MS = 10_000;

export interface SandboxThread extends EmbeddedSandbox {
  close(): Promise<void>;
}

/**
 * Starts the embedded sandbox in its own worker thread (compose/sandbox-thread.ts) and hands back what the engine
 * needs of it. The thread may use as much heap as this process: the world size was checked against that limit.
 */
export async function startSandboxThread(
  options: SandboxThreadOptions,
  workerDir: string,
  log: Logger,
): Promise<SandboxThread> {
  const worker = new Worker(path.join(workerDir, 'sandbox-thread.cjs'), {
    resourceLimits: { maxOldGenerationSizeMb: Math.floor(getHeapStatistics().heap_size_limit / 2 ** 20) },
  });
  const rpc = new RpcClient<SandboxThreadHandlers, SandboxThreadEvents>(worker, 'The sandbox', CALL_TIMEOUT_MS);
  rpc.on('error', ({ message }) => log.warn('Sandbox error', message));
  worker.on('error', (error) => log.error('The sandbox thread stopped', error));
  worker.on('exit', () => rpc.close());
  try {
    const { url } = await rpc.call('start', options, { timeoutMs: START_TIMEOUT_MS });
    return {
      url,
      adminCredentials: { ...SANDBOX_ADMIN },
      xoiApiCredentials: { ...SANDBOX_XOI_API },
      tellXoi: (password) => rpc.call('tellXoi', password),
      async close() {
        await rpc.call('close', undefined).catch(() => undefined);
        await worker.terminate();
      },
    };
  } catch (error) {
    await worker.terminate();
    throw error;
  }
}
