import type { SyncStatus } from '../../../shared/contract/sync';
import type { PollerSettings, RunOutcome } from './poller';
import type { VerdictSettings } from '../diagnosis/verdict-settings';

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
  | { type: 'credentials'; password: string }
  | { type: 'sync-now'; id: number }
  | { type: 'pause' }
  | { type: 'resume' }
  | { type: 'settings'; settings: Partial<PollerSettings>; verdicts?: VerdictSettings }
  | { type: 'stop' };

export type FromWorker =
  | { type: 'ready'; status: SyncStatus }
  | { type: 'status'; status: SyncStatus }
  | { type: 'sync-now-result'; id: number; outcome: RunOutcome }
  | { type: 'stopped' }
  | { type: 'fatal'; code: string; message: string; nextStep: string }
  | { type: 'log'; level: 'info' | 'warn' | 'error'; message: string }
  | { type: 'verdicts-updated'; at: string; count: number };
