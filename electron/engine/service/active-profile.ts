import path from 'node:path';
import type { SyncStatus } from '../../../shared/contract/sync';
import type { Profile } from '../../../shared/contract/profiles';
import { ConsoleError, isConsoleError } from '../../../shared/errors';
import { verdictSettingsFrom } from '../diagnosis/verdict-settings';
import { QueryClient } from '../queries/query-client';
import type { QueryArgs, QueryName, QueryResult } from '../queries/registry';
import { WorkerPoller } from '../sync/worker-poller';
import { DEFAULT_PAGE_SIZE, type RunOutcome } from '../sync/poller';
import type { EventBus } from '../events';
import { ensurePrivateDir } from '../paths';
import { credentialsFor, xoiConfigFor } from './credentials';
import type { ServiceDeps } from './deps';

export function mirrorFileFor(dataDir: string, profileId: string): string {
  return path.join(dataDir, 'mirrors', `${profileId}.db`);
}

/**
 * The open profile: its poller in a worker thread (which owns the write connection) and a reader worker with a
 * read-only connection for the screens, so no SQL runs on the host's main thread. Closing stops the poller after
 * the page in flight.
 */
export class ActiveProfile {
  private reader: QueryClient | null = null;
  private status: SyncStatus = { state: 'stopped', lastSuccessAt: null };
  private fatal: ConsoleError | null = null;
  private poller: WorkerPoller | null = null;
  /** No password may be sent for this profile (none stored, or bound to another address): no pass runs. */
  private withoutPassword = false;
  readonly mirrorFile: string;

  constructor(
    readonly profile: Profile,
    readonly apiUrl: string,
    private readonly deps: ServiceDeps,
    private readonly events: EventBus,
  ) {
    this.mirrorFile = mirrorFileFor(deps.dataDir, profile.id);
  }

  async open(): Promise<void> {
    ensurePrivateDir(path.dirname(this.mirrorFile));
    const credentials = await credentialsFor(this.profile, this.apiUrl, this.deps);
    this.poller = new WorkerPoller({
      script: path.join(this.deps.workerDir, 'sync-worker.cjs'),
      data: {
        dbFile: this.mirrorFile,
        baseUrl: this.apiUrl,
        userName: this.profile.userName,
        settings: { intervalMs: this.profile.settings.syncIntervalMinutes * 60_000, pageSize: DEFAULT_PAGE_SIZE },
        verdicts: verdictSettingsFrom(this.profile.settings, this.profile.xoi !== null),
      },
      log: this.deps.log,
      onStatus: (status) => {
        this.status = status;
        this.events.emit('sync.status', status);
      },
      onVerdicts: (at, count) => this.events.emit('verdicts.updated', { at, count }),
    });
    try {
      await this.poller.ready;
    } catch (error) {
      // The poller cannot run on this mirror (damaged, too new, read-only): every screen says why, and what to do.
      return this.cannotOpen(
        isConsoleError(error)
          ? error
          : new ConsoleError(
              'MIRROR_OPEN_FAILED',
              'The mirror database could not be opened.',
              'Restart the console; if it persists, rebuild the mirror in Settings.',
            ),
      );
    }
    this.reader = new QueryClient(path.join(this.deps.workerDir, 'query-worker.cjs'), this.mirrorFile);
    this.status = this.poller.status();
    this.poller.setXoi(await xoiConfigFor(this.profile, this.deps));
    if (credentials.password !== null) {
      this.poller.setPassword(credentials.password);
      if (this.deps.autoStartSync !== false) this.poller.start();
    } else {
      this.status = {
        state: 'needs-credentials',
        code: credentials.problem?.code ?? 'PASSWORD_MISSING',
        message: credentials.problem?.message ?? 'No administrator password is stored for this profile.',
        nextStep: credentials.problem?.nextStep ?? 'Enter the password in the profile.',
        lastSuccessAt: this.status.lastSuccessAt,
      };
      this.withoutPassword = true;
      this.events.emit('sync.status', this.status);
    }
  }

  private cannotOpen(error: ConsoleError): void {
    this.fatal = error;
    this.status = {
      state: 'error',
      code: error.code,
      message: error.message,
      nextStep: error.nextStep ?? '',
      nextRetryAt: null,
      lastSuccessAt: null,
    };
    this.events.emit('sync.status', this.status);
    this.events.emit('app.notice', {
      level: 'error',
      message: error.message,
      nextStep: error.nextStep,
      at: new Date().toISOString(),
    });
  }

  /** A read of the mirror, run in the reader worker; fails with a clear error when the mirror cannot be used. */
  query<N extends QueryName>(name: N, args: QueryArgs<N>): Promise<QueryResult<N>> {
    if (this.fatal) return Promise.reject(this.fatal);
    if (!this.reader)
      return Promise.reject(
        new ConsoleError(
          'MIRROR_NOT_READY',
          'The mirror is not ready yet.',
          'Wait for the first sync to start, then try again.',
        ),
      );
    return this.reader.query(name, args);
  }

  get syncStatus(): SyncStatus {
    return this.status;
  }

  get problem(): ConsoleError | null {
    return this.fatal;
  }

  /** A pass now; without a usable password, the reason instead (a pass would only be rejected). */
  async syncNow(): Promise<RunOutcome> {
    if (this.withoutPassword && this.status.state === 'needs-credentials') {
      this.events.emit('sync.status', this.status);
      return { outcome: 'error', code: this.status.code };
    }
    return this.control().syncNow();
  }

  control(): WorkerPoller {
    if (!this.poller || this.fatal)
      throw this.fatal ?? new ConsoleError('SYNC_NOT_RUNNING', 'The poller is not running.', 'Reopen the profile.');
    return this.poller;
  }

  async close(): Promise<void> {
    // The readers first: the writer's close is then the file's last, which folds the write-ahead log into the file
    // and removes it (a read-only connection cannot), instead of leaving it (up to a gigabyte after a first mirror of a
    // million appointments) to be replayed at the next start.
    await this.reader?.close();
    this.reader = null;
    await this.poller?.stop();
    this.poller = null;
  }
}
