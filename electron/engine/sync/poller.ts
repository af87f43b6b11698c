import type { SyncStatus } from '../../../shared/contract/sync';
import type { Logger } from '../logging/logger';
import type { ScheduleClient } from '../schedule/client';
import type { WriteHandle } from '../store/handles';
import { closeAbandonedRuns, finishRun, lastSuccessfulRun, startRun, type FeedCounts } from '../store/tables/sync-runs';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import type { Scheduler } from './scheduler';
import { classifySyncError } from './sync-errors';
import { runSyncPass, SyncCancelled, type PassOutcome } from './sync-pass';

export const DEFAULT_SYNC_INTERVAL_MS = 2 * 60_000;
export const DEFAULT_PAGE_SIZE = 1000;

export interface PollerSettings {
  intervalMs: number;
  pageSize: number;
}

export type RunOutcome =
  { outcome: 'ok'; counts: FeedCounts } | { outcome: 'error'; code: string } | { outcome: 'cancelled' };

export interface PollerDeps {
  store: WriteHandle;
  /** Called for each run, so new credentials or URLs take effect at the next run. */
  createClient: () => ScheduleClient;
  scheduler: Scheduler;
  random: () => number;
  log: Logger;
  settings: PollerSettings;
  backoff?: BackoffPolicy;
  /** Work after a successful pass (recomputing verdicts, mirroring XOi users), still inside the same run. */
  afterPass?: (outcome: PassOutcome) => Promise<void> | void;
  onStatus?: (status: SyncStatus) => void;
}

/** The control surface both the in-process poller and its worker-thread proxy offer. */
export interface PollerControl {
  start(): void;
  syncNow(): Promise<RunOutcome>;
  pause(): void;
  resume(): void;
  stop(): Promise<void>;
  updateSettings(settings: Partial<PollerSettings>): void;
  /** New credentials: leaves the needs-credentials state and syncs. */
  credentialsChanged(): void;
  status(): SyncStatus;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The background poller: one run at a time, on an interval, with "Sync now", pause and resume, exponential backoff
 * with full jitter on failure (honouring Retry-After), and a stop that waits for the page in flight.
 */
export class Poller implements PollerControl {
  private current: Promise<RunOutcome> | null = null;
  private timer: unknown = null;
  private paused = false;
  private stopped = true;
  private cancelled = false;
  private attempt = 0;
  private lastSuccessAt: string | null;
  private state: SyncStatus;
  private settings: PollerSettings;

  constructor(private readonly deps: PollerDeps) {
    this.settings = { ...deps.settings };
    closeAbandonedRuns(deps.store, iso(deps.scheduler.now()));
    this.lastSuccessAt = lastSuccessfulRun(deps.store)?.endedAt ?? null;
    this.state = { state: 'stopped', lastSuccessAt: this.lastSuccessAt };
  }

  status(): SyncStatus {
    return this.state;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.cancelled = false;
    this.schedule(0);
  }

  syncNow(): Promise<RunOutcome> {
    if (this.current) return this.current;
    this.clearTimer();
    this.stopped = false;
    this.cancelled = false;
    return this.run();
  }

  pause(): void {
    this.paused = true;
    this.clearTimer();
    if (!this.current) this.setStatus({ state: 'paused', lastSuccessAt: this.lastSuccessAt });
  }

  resume(): void {
    if (!this.paused) return;
    this.paused = false;
    if (!this.current && !this.stopped) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.cancelled = true;
    this.clearTimer();
    await this.current?.catch(() => undefined);
    this.setStatus({ state: 'stopped', lastSuccessAt: this.lastSuccessAt });
  }

  updateSettings(settings: Partial<PollerSettings>): void {
    this.settings = { ...this.settings, ...settings };
    if (this.timer !== null && !this.current && this.state.state === 'idle') this.schedule(this.settings.intervalMs);
  }

  credentialsChanged(): void {
    this.attempt = 0;
    if (this.state.state === 'needs-credentials' || this.state.state === 'error') void this.syncNow();
  }

  private setStatus(status: SyncStatus): void {
    this.state = status;
    this.deps.onStatus?.(status);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.deps.scheduler.clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delayMs: number): void {
    this.clearTimer();
    if (this.stopped || this.paused) return;
    this.timer = this.deps.scheduler.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, delayMs);
  }

  private run(): Promise<RunOutcome> {
    const promise = this.execute().finally(() => {
      this.current = null;
    });
    this.current = promise;
    return promise;
  }

  private async execute(): Promise<RunOutcome> {
    const { store, scheduler, log } = this.deps;
    const startedAt = iso(scheduler.now());
    const runId = startRun(store, startedAt);
    const firstMirror = this.lastSuccessAt === null;
    this.setStatus({
      state: 'running',
      startedAt,
      lastSuccessAt: this.lastSuccessAt,
      firstMirror,
      feed: 'reference lists',
      pagesDone: 0,
      rowsSoFar: 0,
      feedRows: 0,
      feedEstimate: null,
    });
    let counts: FeedCounts = {};
    try {
      const pass = await runSyncPass({
        client: this.deps.createClient(),
        store,
        now: () => scheduler.now(),
        pageSize: this.settings.pageSize,
        isCancelled: () => this.cancelled,
        onProgress: (progress) =>
          this.setStatus({ state: 'running', startedAt, lastSuccessAt: this.lastSuccessAt, firstMirror, ...progress }),
      });
      counts = pass.counts;
      await this.deps.afterPass?.(pass);
      const endedAt = iso(scheduler.now());
      finishRun(store, runId, { endedAt, outcome: 'ok', errorCode: null, errorMessage: null, rows: counts });
      this.lastSuccessAt = endedAt;
      this.attempt = 0;
      this.afterRun({ state: 'idle', lastSuccessAt: endedAt, nextRunAt: null }, this.settings.intervalMs);
      return { outcome: 'ok', counts };
    } catch (error) {
      if (error instanceof SyncCancelled) {
        this.safeFinish(runId, {
          endedAt: iso(scheduler.now()),
          outcome: 'cancelled',
          errorCode: null,
          errorMessage: null,
          rows: counts,
        });
        return { outcome: 'cancelled' };
      }
      const problem = classifySyncError(error);
      log.warn(`Sync failed: ${problem.code}`, problem.message);
      this.safeFinish(runId, {
        endedAt: iso(scheduler.now()),
        outcome: 'error',
        errorCode: problem.code,
        errorMessage: problem.message,
        rows: counts,
      });
      if (problem.kind === 'login-rejected' || !problem.retryable) {
        this.setStatus(
          problem.kind === 'login-rejected'
            ? {
                state: 'needs-credentials',
                code: problem.code,
                message: problem.message,
                nextStep: problem.nextStep,
                lastSuccessAt: this.lastSuccessAt,
              }
            : {
                state: 'error',
                code: problem.code,
                message: problem.message,
                nextStep: problem.nextStep,
                nextRetryAt: null,
                lastSuccessAt: this.lastSuccessAt,
              },
        );
        return { outcome: 'error', code: problem.code };
      }
      const delay = backoffDelay(
        this.attempt++,
        this.deps.random,
        this.deps.backoff ?? DEFAULT_BACKOFF,
        problem.retryAfterMs,
      );
      this.afterRun(
        {
          state: 'error',
          code: problem.code,
          message: problem.message,
          nextStep: problem.nextStep,
          nextRetryAt: null,
          lastSuccessAt: this.lastSuccessAt,
        },
        delay,
      );
      return { outcome: 'error', code: problem.code };
    }
  }

  private safeFinish(runId: number, run: Parameters<typeof finishRun>[2]): void {
    try {
      finishRun(this.deps.store, runId, run);
    } catch (error) {
      this.deps.log.error('Could not record the end of a sync run', error);
    }
  }

  /** Publishes the outcome and schedules the next run (unless stopped or paused). */
  private afterRun(status: Extract<SyncStatus, { state: 'idle' | 'error' }>, delayMs: number): void {
    if (this.stopped) return this.setStatus({ state: 'stopped', lastSuccessAt: this.lastSuccessAt });
    if (this.paused) return this.setStatus({ state: 'paused', lastSuccessAt: this.lastSuccessAt });
    const next = iso(this.deps.scheduler.now() + delayMs);
    this.setStatus(status.state === 'idle' ? { ...status, nextRunAt: next } : { ...status, nextRetryAt: next });
    this.schedule(delayMs);
  }
}
