import type { SyncStatus } from '../../../shared/contract/sync';
import type { PollerSettings, RunOutcome } from './poller';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { XoiEndpoints } from '../xoi/client';
import type { XoiCheck } from '../xoi/mirror-users';

/** The XOi API connection the worker uses to mirror XOi's users (sent in a message: it carries secrets). */
export interface WorkerXoiConfig {
  endpoints: XoiEndpoints;
  apiKey: string;
  apiSecret: string;
  /** The origins key and secret are bound to (secrets/bound-secret.ts). */
  boundTo: string[];
  intervalMs: number;
}

/** What the main thread gives the sync worker when it starts. No secrets: the password comes in a message. */
export interface SyncWorkerData {
  dbFile: string;
  baseUrl: string;
  userName: string;
  settings: PollerSettings;
  verdicts: VerdictSettings;
}

export type ToWorker =
  | { type: 'start' }
  | { type: 'credentials'; password: string; boundTo: readonly string[] }
  | { type: 'xoi'; config: WorkerXoiConfig | null }
  | { type: 'xoi-check'; id: number }
  | { type: 'sync-now'; id: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'settings'; settings: Partial<PollerSettings>; verdicts?: VerdictSettings }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; status: SyncStatus }
  | { type: 'status'; status: SyncStatus }
  | { type: 'sync-now-result'; id: number; outcome: RunOutcome }
  | { type: 'xoi-check-result'; id: number; check: XoiCheck | null }
  | { type: 'stopped' }
  | { type: 'fatal'; code: string; message: string; nextStep: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'verdicts-updated'; at: string; count: number };
