import { Worker } from 'node:worker_threads';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { Logger } from '../logging/logger';
import { RpcClient } from '../rpc/worker-rpc';
import type { BoundSecret } from '../secrets/bound-secret';
import type { XoiCheck } from '../xoi/mirror-users';
import type { PollerSettings, RunOutcome } from './poller';
import type { SyncWorkerHandlers } from './sync-worker';
import type { SyncWorkerData, SyncWorkerEvents, WorkerXoiConfig } from './worker-protocol';

export interface WorkerPollerOptions {
  /** The bundled sync-worker.cjs. */
  script: string;
  data: SyncWorkerData;
  log: Logger;
  onStatus: (status: SyncStatus) => void;
  onVerdicts?: (at: string, count: number) => void;
}

/** A quick command (settings, pause) gets this long; a pass or an XOi check, much longer (the watchdog guards them). */
const COMMAND_TIMEOUT_MS = 60_000;
const OPEN_TIMEOUT_MS = 10 * 60_000;
const PASS_TIMEOUT_MS = 6 * 60 * 60_000;

/** The main thread's handle on the poller running in its worker thread, over the one worker RPC. */
export class WorkerPoller {
  private readonly worker: Worker;
  private readonly rpc: RpcClient<SyncWorkerHandlers, SyncWorkerEvents>;
  private current: SyncStatus = { state: 'stopped', lastSuccessAt: null };
  private stopped: Promise<void> | null = null;
  /** Resolves once the mirror is created and migrated (readers may open it then); rejects with why it cannot be. */
  readonly ready: Promise<void>;

  constructor(private readonly options: WorkerPollerOptions) {
    this.worker = new Worker(options.script, { workerData: options.data });
    this.rpc = new RpcClient(this.worker, 'The sync worker', COMMAND_TIMEOUT_MS);
    this.rpc.on('status', (status) => {
      this.current = status;
      options.onStatus(status);
    });
    this.rpc.on('verdicts', ({ at, count }) => options.onVerdicts?.(at, count));
    this.rpc.on('log', ({ level, message }) => options.log[level](`sync worker: ${message}`));
    this.worker.on('error', (error) => options.log.error('The sync worker failed', error));
    this.worker.on('exit', () => this.rpc.close());
    this.ready = this.rpc.call('open', undefined, { timeoutMs: OPEN_TIMEOUT_MS }).then((status) => {
      this.current = status;
    });
  }

  /** A command whose answer nobody waits for: a failure is logged. */
  private command(run: () => Promise<unknown>): void {
    run().catch((error: unknown) => this.options.log.warn('A sync worker command failed', error));
  }

  status(): SyncStatus {
    return this.current;
  }

  /** How busy the worker's event loop has been (for the benchmarks: the console's own work, apart from waiting). */
  utilization(): { active: number; idle: number } {
    const { active, idle } = this.worker.performance.eventLoopUtilization();
    return { active, idle };
  }

  setPassword(password: BoundSecret): void {
    this.command(() => this.rpc.call('credentials', { password: password.value, boundTo: password.origins }));
  }

  start(): void {
    this.command(() => this.rpc.call('start', undefined));
  }

  setXoi(config: WorkerXoiConfig | null): void {
    this.command(() => this.rpc.call('xoi', config));
  }

  /** Mirrors XOi's users now; null when no XOi connection is configured (or the worker has gone). */
  checkXoi(): Promise<XoiCheck | null> {
    return this.rpc.call('xoiCheck', undefined, { timeoutMs: PASS_TIMEOUT_MS }).catch(() => null);
  }

  syncNow(): Promise<RunOutcome> {
    return this.rpc
      .call('syncNow', undefined, { timeoutMs: PASS_TIMEOUT_MS })
      .catch((): RunOutcome => ({ outcome: 'cancelled' }));
  }

  pause(): void {
    this.command(() => this.rpc.call('pause', undefined));
  }

  resume(): void {
    this.command(() => this.rpc.call('resume', undefined));
  }

  updateSettings(settings: Partial<PollerSettings>, verdicts?: VerdictSettings): void {
    this.command(() => this.rpc.call('settings', { settings, ...(verdicts ? { verdicts } : {}) }));
  }

  /** Stops the poller (after the page in flight), closes the mirror and ends the thread. */
  stop(): Promise<void> {
    this.stopped ??= this.rpc
      .call('stop', undefined, { timeoutMs: COMMAND_TIMEOUT_MS })
      .catch(() => undefined)
      .then(async () => {
        await this.worker.terminate();
      });
    return this.stopped;
  }
}
