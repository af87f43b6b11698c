import {
  planVerdictUpdate,
  recomputeAllVerdicts,
  refreshVerdicts,
  type PassChanges,
  type VerdictCache,
} from '../diagnosis/recompute-verdicts';
import { serverNow } from '../diagnosis/server-clock';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { RequestRetry } from '../http/backoff';
import type { WriteHandle } from '../store/handles';
import { readSnapshot } from '../store/tables/snapshots';
import { createXoiClient, type XoiEndpoints } from '../xoi/client';
import { mirrorXoiUsers, type XoiCheck } from '../xoi/mirror-users';
import type { PassOutcome } from './sync-pass';

/** After a recompute that rewrote more rows than this, the write-ahead log is checkpointed. */
const CHECKPOINT_AFTER_ROWS = 10_000;

/** The XOi API connection the pipeline reads XOi's users with (it carries secrets, bound to their origins). */
export interface XoiConnectionConfig {
  endpoints: XoiEndpoints;
  apiKey: string;
  apiSecret: string;
  boundTo: string[];
  intervalMs: number;
}

export interface MirrorPipelineOptions {
  store: WriteHandle;
  verdicts: VerdictSettings;
  xoi: XoiConnectionConfig | null;
  /** This computer's clock (the verdicts use the Schedule server's, derived from it). */
  now: () => number;
  onVerdicts?: (at: string, count: number) => void;
}

/**
 * What follows a sync pass, in one place for the sync worker and `xoi-console mirror` alike: XOi's users (when due),
 * then the verdicts (only the changed appointments' when that is safe, else all). Its state is explicit: the XOi
 * connection, the verdict settings, and the last full recompute's cache.
 */
export class MirrorPipeline {
  private verdictCache: VerdictCache | null = null;
  private xoi: XoiConnectionConfig | null;
  private verdictSettings: VerdictSettings;

  constructor(private readonly options: MirrorPipelineOptions) {
    this.xoi = options.xoi;
    this.verdictSettings = options.verdicts;
  }

  setXoi(config: XoiConnectionConfig | null): void {
    this.xoi = config;
  }

  /** New verdict settings take effect at once: every verdict is recomputed. */
  setVerdictSettings(settings: VerdictSettings): void {
    this.verdictSettings = settings;
    this.updateVerdicts(null);
  }

  /** Diagnoses what is already mirrored (at start: it works offline, before any pass). */
  diagnoseAll(): void {
    this.updateVerdicts(null);
  }

  /** After a pass, in the same run: XOi's users when due, then the verdicts. */
  async afterPass(pass: PassOutcome, retry?: RequestRetry): Promise<void> {
    const xoiUsers = await this.checkXoiUsers(false, retry);
    // A fresh list of XOi users can change any technician's verdicts.
    this.updateVerdicts(xoiUsers?.fresh ? null : pass);
  }

  /**
   * A pass that failed, stalled or was stopped may have stored some of its pages, and which appointments they changed
   * is not known: the next pass recomputes every verdict instead of refreshing only its own changes.
   */
  afterFailedPass(): void {
    this.verdictCache = null;
  }

  /** Mirrors XOi's users when due (or now, when forced); `fresh` says whether they were read just now. */
  async checkXoiUsers(force: boolean, retry?: RequestRetry): Promise<{ check: XoiCheck; fresh: boolean } | null> {
    const xoi = this.xoi;
    if (!xoi) return null;
    const { store, now } = this.options;
    const last = readSnapshot<XoiCheck>(store, 'xoi-check')?.value;
    if (!force && last && now() - Date.parse(last.lastCheckAt) < xoi.intervalMs) return { check: last, fresh: false };
    const client = createXoiClient({
      ...xoi.endpoints,
      apiKey: xoi.apiKey,
      apiSecret: xoi.apiSecret,
      boundTo: xoi.boundTo,
      ...(retry ? { retry } : {}),
    });
    return { check: await mirrorXoiUsers(store, client, now()), fresh: true };
  }

  /**
   * Refreshes only the verdicts the pass reached (its changed appointments, and those of the technicians and companies
   * it changed) when that is safe; otherwise recomputes them all.
   */
  private updateVerdicts(pass: PassChanges | null): void {
    const { store } = this.options;
    const now = serverNow(store, this.options.now());
    const at = new Date(this.options.now()).toISOString();
    const plan = pass === null ? null : planVerdictUpdate(this.verdictCache, store, now, this.verdictSettings, pass);
    if (plan === null || plan.kind === 'all' || !this.verdictCache) {
      const full = recomputeAllVerdicts(store, now, this.verdictSettings);
      this.verdictCache = full.cache;
      // A recompute that rewrote many rows leaves a large write-ahead log: fold it into the file while it is fresh.
      if (full.written > CHECKPOINT_AFTER_ROWS) store.db.pragma('wal_checkpoint(PASSIVE)');
      this.options.onVerdicts?.(at, full.count);
    } else if (plan.keys.size > 0) {
      // Refreshed before telling anyone: an optional call skips its arguments, and the refresh with them.
      const { refreshed, cache } = refreshVerdicts(store, now, this.verdictSettings, plan, this.verdictCache);
      this.verdictCache = cache;
      this.options.onVerdicts?.(at, refreshed);
    }
  }
}
