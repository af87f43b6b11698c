import { parentPort, workerData } from 'node:worker_threads';
import type { SyncStatus } from '../../../shared/contract/sync';
import { ConsoleError } from '../../../shared/errors';
import { abortableSleep } from '../http/backoff';
import type { Logger } from '../logging/logger';
import { serveRpc, type RpcPort } from '../rpc/worker-rpc';
import { createScheduleClient } from '../schedule/client';
import type { WriteHandle } from '../store/handles';
import { openMirrorForWritingWhenFree } from '../store/open';
import { MirrorPipeline } from './mirror-pipeline';
import { Poller, type PollerSettings, type RunOutcome } from './poller';
import { realScheduler } from './scheduler';
import type { SyncWorkerData, SyncWorkerEvents, WorkerXoiConfig } from './worker-protocol';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { XoiCheck } from '../xoi/mirror-users';

/**
 * The poller's thread: it owns the mirror's only write connection, so a full mirror never stalls the main process.
 * Everything it holds lives in this one object, created once per worker.
 */
class SyncWorker {
  private credentials: { password: string; boundTo: readonly string[] } | null = null;
  private store: WriteHandle | null = null;
  private pipeline: MirrorPipeline | null = null;
  private poller: Poller | null = null;
  private readonly events;
  private readonly log: Logger;

  constructor(
    port: RpcPort,
    private readonly data: SyncWorkerData,
  ) {
    this.events = serveRpc<SyncWorkerEvents>(port, this.handlers());
    const log = (level: 'info' | 'warn' | 'error') => (message: string) => this.events.emit('log', { level, message });
    this.log = { debug: () => {}, info: log('info'), warn: log('warn'), error: log('error') };
  }

  /** The methods the host calls (worker-poller.ts), each typed by its handler here. */
  handlers() {
    return {
      /** Creates and migrates the mirror before any reader opens it, then diagnoses what it holds. */
      open: async (): Promise<SyncStatus> => {
        const store = await openMirrorForWritingWhenFree(this.data.dbFile, (ms) => abortableSleep(ms));
        this.store = store;
        this.pipeline = new MirrorPipeline({
          store,
          verdicts: this.data.verdicts,
          xoi: null,
          now: Date.now,
          onVerdicts: (at, count) => this.events.emit('verdicts', { at, count }),
        });
        this.poller = new Poller({
          store,
          createClient: (pass) =>
            createScheduleClient({
              baseUrl: this.data.baseUrl,
              credentials: this.credentials ? { userName: this.data.userName, ...this.credentials } : undefined,
              ...pass,
            }),
          scheduler: realScheduler,
          random: Math.random,
          log: this.log,
          settings: this.data.settings,
          afterPass: (pass, requests) => this.pipeline?.afterPass(pass, requests.retry),
          afterFailedPass: () => this.pipeline?.afterFailedPass(),
          onStatus: (status) => this.events.emit('status', status),
        });
        this.pipeline.diagnoseAll();
        return this.poller.status();
      },
      credentials: (args: { password: string; boundTo: readonly string[] }) => {
        this.credentials = args;
        this.running().credentialsChanged();
      },
      xoi: (config: WorkerXoiConfig | null) => this.pipeline?.setXoi(config),
      xoiCheck: async (): Promise<XoiCheck | null> => {
        this.running();
        const result = await this.pipeline?.checkXoiUsers(true);
        this.pipeline?.diagnoseAll();
        return result?.check ?? null;
      },
      start: () => this.running().start(),
      syncNow: (): Promise<RunOutcome> => this.running().syncNow(),
      pause: () => this.running().pause(),
      resume: () => this.running().resume(),
      status: (): SyncStatus => this.running().status(),
      settings: (args: { settings: Partial<PollerSettings>; verdicts?: VerdictSettings }) => {
        this.running().updateSettings(args.settings);
        if (args.verdicts) this.pipeline?.setVerdictSettings(args.verdicts);
      },
      /** Stops after the page in flight and closes the write connection. */
      stop: async () => {
        await this.poller?.stop();
        this.store?.db.close();
        this.store = null;
      },
    };
  }

  private running(): Poller {
    if (!this.poller) throw new ConsoleError('SYNC_NOT_RUNNING', 'The mirror is not open yet.', 'Wait a moment.');
    return this.poller;
  }
}

export type SyncWorkerHandlers = ReturnType<SyncWorker['handlers']>;

if (!parentPort) throw new Error('sync-worker must run in a worker thread');
new SyncWorker(parentPort, workerData as SyncWorkerData);
