import { Worker } from 'node:worker_threads';
import type { SyncStatus } from '../../../shared/contract/sync';
import { ConsoleError } from '../../../shared/errors';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { Logger } from '../logging/logger';
import type { PollerSettings, RunOutcome } from './poller';
import type { XoiCheck } from '../xoi/mirror-users';
import type { BoundSecret } from '../secrets/bound-secret';
import type { FromWorker, SyncWorkerData, ToWorker, WorkerXoiConfig } from './worker-protocol';

export interface WorkerPollerOptions {
  /** The bundled sync-worker.cjs. */
  script: string;
  data: SyncWorkerData;
  log: Logger;
  onStatus: (status: SyncStatus) => void;
  onVerdicts?: (at: string, count: number) => void;
  onFatal?: (error: ConsoleError) => void;
}

/** The main thread's handle on the poller running in its worker thread. */
export class WorkerPoller {
  private readonly worker: Worker;
  private current: SyncStatus = { state: 'stopped', lastSuccessAt: null };
  private nextRequest = 1;
  private readonly waiting = new Map<number, (outcome: RunOutcome) => void>();
  private readonly checks = new Map<number, (check: XoiCheck | null) => void>();
  private stopped: Promise<void> | null = null;
  private exited = false;
  readonly ready: Promise<void>;

  constructor(private readonly options: WorkerPollerOptions) {
    this.worker = new Worker(options.script, { workerData: options.data });
    let markReady: () => void = () => {};
    this.ready = new Promise((resolve) => (markReady = resolve));
    this.worker.on('message', (message: FromWorker) => this.receive(message, markReady));
    this.worker.on('error', (error) => options.log.error('The sync worker failed', error));
    this.worker.on('exit', () => {
      this.exited = true;
      markReady();
      for (const resolve of this.waiting.values()) resolve({ outcome: 'cancelled' });
      this.waiting.clear();
      for (const resolve of this.checks.values()) resolve(null);
      this.checks.clear();
    });
  }

  private receive(message: FromWorker, markReady: () => void): void {
    switch (message.type) {
      case 'ready':
        this.current = message.status;
        markReady();
        break;
      case 'status':
        this.current = message.status;
        this.options.onStatus(message.status);
        break;
      case 'sync-now-result':
        this.waiting.get(message.id)?.(message.outcome);
        this.waiting.delete(message.id);
        break;
      case 'xoi-check-result':
        this.checks.get(message.id)?.(message.check);
        this.checks.delete(message.id);
        break;
      case 'verdicts-updated':
        this.options.onVerdicts?.(message.at, message.count);
        break;
      case 'fatal':
        this.options.onFatal?.(new ConsoleError(message.code, message.message, message.nextStep));
        break;
      case 'log':
        this.options.log[message.level](`sync worker: ${message.message}`);
        break;
      case 'stopped':
        break;
    }
  }

  private send(message: ToWorker): void {
    if (!this.exited) this.worker.postMessage(message);
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
    this.send({ type: 'credentials', password: password.value, boundTo: password.origins });
  }

  start(): void {
    this.send({ type: 'start' });
  }

  setXoi(config: WorkerXoiConfig | null): void {
    this.send({ type: 'xoi', config });
  }

  /** Mirrors XOi's users now; null when no XOi connection is configured. */
  checkXoi(): Promise<XoiCheck | null> {
    if (this.exited) return Promise.resolve(null);
    const id = this.nextRequest++;
    return new Promise((resolve) => {
      this.checks.set(id, resolve);
      this.send({ type: 'xoi-check', id });
    });
  }

  syncNow(): Promise<RunOutcome> {
    if (this.exited) return Promise.resolve({ outcome: 'cancelled' });
    const id = this.nextRequest++;
    return new Promise((resolve) => {
      this.waiting.set(id, resolve);
      this.send({ type: 'sync-now', id });
    });
  }

  pause(): void {
    this.send({ type: 'pause' });
  }

  resume(): void {
    this.send({ type: 'resume' });
  }

  updateSettings(settings: Partial<PollerSettings>, verdicts?: VerdictSettings): void {
    this.send({ type: 'settings', settings, ...(verdicts ? { verdicts } : {}) });
  }

  /** Stops the poller (waiting for the page in flight) and ends the thread. */
  stop(): Promise<void> {
    this.stopped ??= new Promise<void>((resolve) => {
      if (this.exited) return resolve();
      this.worker.once('exit', () => resolve());
      this.worker.on('message', (message: FromWorker) => {
        if (message.type === 'stopped') void this.worker.terminate();
      });
      this.send({ type: 'stop' });
    });
    return this.stopped;
  }
}
