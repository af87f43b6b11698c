import type { SyncStatus } from '../../../shared/contract/sync';
import type { Logger } from '../logging/logger';
import type { ScheduleClient } from '../schedule/client';
import { checkpointLog, type WriteHandle } from '../store/handles';
import { closeAbandonedRuns, finishRun, lastSuccessfulRun, startRun, type FeedCounts } from '../store/tables/sync-runs';
import {
  abortableSleep,
  backoffDelay,
  DEFAULT_BACKOFF,
  RetryBudget,
  type BackoffPolicy,
  type RequestRetry,
} from '../http/backoff';
import type { Scheduler } from './scheduler';
import { classifySyncError, stallProblem, type SyncProblem } from './sync-errors';
import { runSyncPass, SyncCancelled, type PassOutcome } from './sync-pass';

export const DEFAULT_SYNC_INTERVAL_MS = 2 * 60_000;
export const DEFAULT_PAGE_SIZE = 1000;
/** A pass that makes no progress (no answer, no page written) for this long is stopped and tried again. */
export const DEFAULT_STALL_MS = 3 * 60_000;
/** Requests of one pass may be sent again this many times in all, before the pass gives up. */
export const RETRIES_PER_PASS = 300;
/** How long a stop waits for the page in flight before cancelling its request. */
export const STOP_GRACE_MS = 5_000;

export interface PollerSettings {
  intervalMs: number;
  pageSize: number;
  /** The watchdog: how long a pass may go without progress. */
  stallMs?: number;
}

export type RunOutcome =
  | { outcome: 'ok'; counts: FeedCounts }
  | { outcome: 'error'; code: string }
  | { outcome: 'stalled' }
  | { outcome: 'cancelled' };

/** What the requests of one pass share: its retry budget and its cancellation. */
export interface PassRequests {
  retry: RequestRetry;
  signal: AbortSignal;
}

export interface PollerDeps {
  store: WriteHandle;
  /** Called for each pass, so new credentials or URLs take effect at the next pass. */
  createClient: (pass: PassRequests) => ScheduleClient;
  scheduler: Scheduler;
  random: () => number;
  log: Logger;
  settings: PollerSettings;
  backoff?: BackoffPolicy;
  /** The waits between retries inside a pass (injected: tests record them instead of waiting). */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Work after a successful pass (recomputing verdicts, mirroring XOi users), still inside the same run. */
  afterPass?: (outcome: PassOutcome, requests: PassRequests) => Promise<void> | void;
  /** Told when a pass failed, stalled or was stopped: it may have stored some of its pages, which ones is not known. */
  afterFailedPass?: () => void;
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

/** Why the watchdog cancelled a pass. */
class PassStalled extends Error {
  constructor(readonly quietMs: number) {
    super('The pass made no progress.');
    this.name = 'PassStalled';
  }
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * The background poller: one pass at a time, on an interval, with "Sync now", pause and resume. Reads that fail for
 * a passing reason are retried inside the pass (a budget per pass); a pass that fails anyway is tried again with
 * exponential backoff and full jitter (honouring Retry-After). A watchdog stops a pass that makes no progress. Stop
 * waits for the page in flight (cancelling its request after a grace period).
 */
export class Poller implements PollerControl {
  private current: Promise<RunOutcome> | null = null;
  private timer: unknown = null;
  private paused = false;
  private stopped = true;
  private cancelled = false;
  private pass: AbortController | null = null;
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
    const pass = this.pass;
    const grace = pass ? this.deps.scheduler.setTimeout(() => pass.abort(new SyncCancelled()), STOP_GRACE_MS) : null;
    await this.current?.catch(() => undefined);
    if (grace !== null) this.deps.scheduler.clearTimeout(grace);
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
      this.checkpointOnceAnswered();
    });
    this.current = promise;
    return promise;
  }

  /**
   * Copies the run's log into the database file once whoever asked for the run has its answer (the next turn of the
   * event loop). Left to SQLite's own checkpoint (every 40 MB of log), that copy fell inside every few passes: at a
   * million appointments those passes took 100 to 270 ms, the others 35 to 60. The automatic checkpoint stays as the
   * backstop of a first mirror, whose log grows far beyond one pass's.
   */
  private checkpointOnceAnswered(): void {
    setImmediate(() => {
      const { store, log } = this.deps;
      if (this.current !== null || !store.db.open) return;
      try {
        checkpointLog(store);
      } catch (error) {
        log.warn("Could not copy the mirror's log into its file; SQLite will at its next checkpoint", error);
      }
    });
  }

  /** The requests of one pass: a retry budget, waits that end when the pass is stopped, one cancellation. */
  private passRequests(controller: AbortController): PassRequests {
    const sleep = this.deps.sleep ?? abortableSleep;
    return {
      signal: controller.signal,
      retry: {
        budget: new RetryBudget(RETRIES_PER_PASS),
        random: this.deps.random,
        sleep: (ms, signal) => (this.cancelled ? Promise.reject(new SyncCancelled()) : sleep(ms, signal)),
      },
    };
  }

  /** Checks the pass's progress on the injected clock; cancels it when it has been quiet too long. */
  private watch(controller: AbortController, lastProgress: () => number): () => void {
    const { scheduler } = this.deps;
    const stallMs = this.settings.stallMs ?? DEFAULT_STALL_MS;
    let handle: unknown = null;
    const check = () => {
      const quiet = scheduler.now() - lastProgress();
      if (quiet >= stallMs) return controller.abort(new PassStalled(quiet));
      handle = scheduler.setTimeout(check, Math.max(1_000, Math.min(stallMs - quiet, stallMs / 4)));
    };
    handle = scheduler.setTimeout(check, Math.max(1_000, stallMs / 4));
    return () => {
      if (handle !== null) scheduler.clearTimeout(handle);
    };
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
    const controller = new AbortController();
    this.pass = controller;
    let lastProgressAt = scheduler.now();
    const stopWatching = this.watch(controller, () => lastProgressAt);
    let counts: FeedCounts = {};
    const requests = this.passRequests(controller);
    try {
      const pass = await runSyncPass({
        client: this.deps.createClient(requests),
        store,
        now: () => scheduler.now(),
        pageSize: this.settings.pageSize,
        isCancelled: () => this.cancelled || controller.signal.aborted,
        onProgress: (progress) => {
          lastProgressAt = scheduler.now();
          this.setStatus({ state: 'running', startedAt, lastSuccessAt: this.lastSuccessAt, firstMirror, ...progress });
        },
      });
      counts = pass.counts;
      await this.deps.afterPass?.(pass, requests);
      const endedAt = iso(scheduler.now());
      finishRun(store, runId, { endedAt, outcome: 'ok', errorCode: null, errorMessage: null, rows: counts });
      this.lastSuccessAt = endedAt;
      this.attempt = 0;
      this.afterRun({ state: 'idle', lastSuccessAt: endedAt, nextRunAt: null }, this.settings.intervalMs);
      return { outcome: 'ok', counts };
    } catch (error) {
      this.tellFailedPass();
      const reason: unknown = controller.signal.aborted ? controller.signal.reason : error;
      const finish = (outcome: 'stalled' | 'cancelled' | 'error', problem: SyncProblem | null) =>
        this.safeFinish(runId, {
          endedAt: iso(scheduler.now()),
          outcome,
          errorCode: problem?.code ?? null,
          errorMessage: problem?.message ?? null,
          rows: counts,
        });
      if (reason instanceof PassStalled) {
        const problem = stallProblem(reason.quietMs);
        log.warn(`Sync stalled: no progress for ${Math.round(reason.quietMs / 1000)} s; it will be tried again`);
        finish('stalled', problem);
        this.retryLater(problem);
        return { outcome: 'stalled' };
      }
      if (reason instanceof SyncCancelled || (this.cancelled && controller.signal.aborted)) {
        finish('cancelled', null);
        if (this.stopped) this.setStatus({ state: 'stopped', lastSuccessAt: this.lastSuccessAt });
        return { outcome: 'cancelled' };
      }
      const problem = classifySyncError(error);
      log.warn(`Sync failed: ${problem.code}`, problem.message);
      finish('error', problem);
      // Parked: retrying cannot help (a refused login, an answer that breaks the contract); the reason says what can.
      if (problem.kind === 'login-rejected') {
        this.setStatus({
          state: 'needs-credentials',
          code: problem.code,
          message: problem.message,
          nextStep: problem.nextStep,
          lastSuccessAt: this.lastSuccessAt,
        });
      } else if (!problem.retryable) this.setStatus(this.failedStatus(problem));
      else this.retryLater(problem);
      return { outcome: 'error', code: problem.code };
    } finally {
      stopWatching();
      if (this.pass === controller) this.pass = null;
    }
  }

  /** A failed pass's status: its reason and next step (the scheduler fills in when it runs again, if it does). */
  private failedStatus(problem: SyncProblem): Extract<SyncStatus, { state: 'error' }> {
    return {
      state: 'error',
      code: problem.code,
      message: problem.message,
      nextStep: problem.nextStep,
      nextRetryAt: null,
      lastSuccessAt: this.lastSuccessAt,
    };
  }

  /** Tries again after the backoff, never sooner than the server's Retry-After. */
  private retryLater(problem: SyncProblem): void {
    const delay = backoffDelay(
      this.attempt++,
      this.deps.random,
      this.deps.backoff ?? DEFAULT_BACKOFF,
      problem.retryAfterMs,
    );
    this.afterRun(this.failedStatus(problem), delay);
  }

  private tellFailedPass(): void {
    try {
      this.deps.afterFailedPass?.();
    } catch (error) {
      this.deps.log.error('Could not note a failed pass', error);
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
