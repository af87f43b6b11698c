import type { SyncStatus } from '../../../shared/contract/sync';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { PollerSettings } from './poller';
import type { XoiConnectionConfig } from './mirror-pipeline';

/** The XOi API connection the worker uses to mirror XOi's users (sent in a call: it carries secrets). */
export type WorkerXoiConfig = XoiConnectionConfig;

/** What the main thread gives the sync worker when it starts. No secrets: the password comes in a call. */
export interface SyncWorkerData {
  dbFile: string;
  baseUrl: string;
  userName: string;
  settings: PollerSettings;
  verdicts: VerdictSettings;
}

/** What the sync worker pushes to the host, besides its answers. */
export interface SyncWorkerEvents extends Record<string, unknown> {
  status: SyncStatus;
  verdicts: { at: string; count: number };
  log: { level: 'info' | 'warn' | 'error'; message: string };
}
