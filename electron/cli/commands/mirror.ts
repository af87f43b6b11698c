import { DEFAULT_PROFILE_SETTINGS } from '../../../shared/contract/profiles';
import { isConsoleError } from '../../../shared/errors';
import { originsOf } from '../../../shared/server-url';
import { clip } from '../../../shared/validation';
import { verdictSettingsFrom } from '../../engine/diagnosis/verdict-settings';
import { abortableSleep } from '../../engine/http/backoff';
import { silentLogger } from '../../engine/logging/logger';
import { createScheduleClient, type ScheduleCredentials } from '../../engine/schedule/client';
import type { WriteHandle } from '../../engine/store/handles';
import { openMirrorForWritingWhenFree } from '../../engine/store/open';
import { readSnapshot } from '../../engine/store/tables/snapshots';
import type { FeedCounts } from '../../engine/store/tables/sync-runs';
import { MirrorPipeline } from '../../engine/sync/mirror-pipeline';
import { DEFAULT_PAGE_SIZE, DEFAULT_STALL_MS, DEFAULT_SYNC_INTERVAL_MS, Poller } from '../../engine/sync/poller';
import { wallClockScheduler } from '../../engine/sync/scheduler';
import { sandboxXoiEndpoints } from '../../engine/xoi/endpoints';
import type { XoiCheck } from '../../engine/xoi/mirror-users';
import { SANDBOX_ADMIN, SANDBOX_XOI_API } from '../../sandbox/credentials';
import { integerFlag, parseFlags } from '../parse-flags';
import { readStdin } from '../read-stdin';
import { findSavedAdminPassword } from '../saved-credentials';
import { waitForShutdown } from '../shutdown';
import { CommandFailure, UsageError } from '../usage-error';

export const mirrorHelp = `xoi-console mirror --db FILE (--sandbox URL | --api URL --user NAME [--password-stdin]) [--once] [--interval SECONDS] [--page-size N] [--stall-seconds N]
  Mirrors a Schedule server into a SQLite file, with XOi's users (--sandbox) and every verdict. --sandbox uses the
  sandbox's published credentials; otherwise the password comes from the keychain entry saved for that API and user,
  or from standard input. --once runs one pass; without it, a pass every --interval seconds (default 120), one line
  per pass, until SIGINT or SIGTERM. A pass with no progress for --stall-seconds (default 180) is stopped and retried.`;

export function summarizeCounts(counts: FeedCounts): string {
  const part = (name: string) => {
    const feed = counts[name];
    if (!feed) return null;
    const bits = [`+${feed.upserted}`];
    if (feed.deleted) bits.push(`-${feed.deleted}`);
    if (feed.rejected) bits.push(`${feed.rejected} rejected`);
    return `${name} ${bits.join(' ')}`;
  };
  return ['appointments', 'notes', 'history', 'technicians', 'companies', 'statuses', 'xoiUsers']
    .map(part)
    .filter(Boolean)
    .join(', ');
}

export async function runMirror(
  argv: string[],
  io: { stdout: NodeJS.WritableStream; stderr: NodeJS.WritableStream; stdin?: NodeJS.ReadableStream },
): Promise<number> {
  const { values } = parseFlags('mirror', argv, {
    db: { type: 'string' },
    sandbox: { type: 'string' },
    api: { type: 'string' },
    user: { type: 'string' },
    'password-stdin': { type: 'boolean' },
    once: { type: 'boolean' },
    'page-size': { type: 'string' },
    'data-dir': { type: 'string' },
    interval: { type: 'string' },
    'stall-seconds': { type: 'string' },
  });
  if (!values.db) throw new UsageError('mirror: --db FILE is required (the SQLite file to write).');
  if ((values.sandbox === undefined) === (values.api === undefined))
    throw new UsageError('mirror: give either --sandbox URL or --api URL --user NAME.');
  if (values.api !== undefined && !values.user)
    throw new UsageError('mirror: --api needs --user NAME (the Schedule administrator).');
  if (values.sandbox !== undefined && (values.user || values['password-stdin']))
    throw new UsageError('mirror: --sandbox uses the published sandbox credentials; drop --user and --password-stdin.');
  const pageSize = integerFlag('page-size', values['page-size'], 1, 1000) ?? DEFAULT_PAGE_SIZE;
  const intervalMs = (integerFlag('interval', values.interval, 1, 86_400) ?? DEFAULT_SYNC_INTERVAL_MS / 1000) * 1000;
  const stallMs = (integerFlag('stall-seconds', values['stall-seconds'], 5, 86_400) ?? DEFAULT_STALL_MS / 1000) * 1000;
  const baseUrl = (values.sandbox ?? values.api) as string;
  try {
    const url = new URL(baseUrl);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error('scheme');
  } catch {
    throw new UsageError(
      `mirror: ${values.sandbox !== undefined ? '--sandbox' : '--api'} must be an http(s) URL, not "${clip(baseUrl)}".`,
    );
  }

  let credentials: ScheduleCredentials;
  if (values.sandbox !== undefined) credentials = { ...SANDBOX_ADMIN };
  else if (values['password-stdin'])
    credentials = { userName: values.user as string, password: await readStdin(io.stdin) };
  else {
    const saved = await findSavedAdminPassword(baseUrl, values.user as string, values['data-dir']);
    credentials = { userName: values.user as string, password: saved.value, boundTo: saved.origins };
  }

  let store: WriteHandle;
  try {
    store = await openMirrorForWritingWhenFree(values.db, (ms) => abortableSleep(ms));
  } catch (error) {
    if (isConsoleError(error)) throw new CommandFailure(`${error.message} ${error.nextStep ?? ''}`.trim());
    throw error;
  }
  // The same pipeline as the console's: after each pass XOi's users (with --sandbox, through the sandbox's published
  // XOi credentials, so the diagnosis is certain), then the verdicts, left in the file for `diagnose` and the app.
  const sandboxXoi = values.sandbox !== undefined;
  const pipeline = new MirrorPipeline({
    store,
    verdicts: verdictSettingsFrom(DEFAULT_PROFILE_SETTINGS, sandboxXoi),
    xoi: sandboxXoi
      ? { endpoints: sandboxXoiEndpoints(baseUrl), ...SANDBOX_XOI_API, boundTo: originsOf([baseUrl]), intervalMs: 0 }
      : null,
    now: Date.now,
  });
  let started = Date.now();
  let passes = 0;
  let lastCounts: FeedCounts = {};
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  const poller = new Poller({
    store,
    createClient: (pass) => createScheduleClient({ baseUrl, credentials, ...pass }),
    // Without --once the poller's own timers keep the command running until it is told to stop.
    scheduler: wallClockScheduler({ keepAlive: !values.once }),
    random: Math.random,
    log: silentLogger,
    settings: { intervalMs, pageSize, stallMs },
    afterPass: async (pass, requests) => {
      await pipeline.afterPass(pass, requests.retry);
      const check = readSnapshot<XoiCheck>(store, 'xoi-check')?.value;
      if (sandboxXoi && check?.error) io.stderr.write(`XOi users could not be read: ${check.error.message}\n`);
      if (sandboxXoi && check?.userCount != null)
        pass.counts.xoiUsers = { upserted: check.userCount, deleted: 0, rejected: 0 };
      lastCounts = pass.counts;
    },
    afterFailedPass: () => pipeline.afterFailedPass(),
    onStatus: (status) => {
      if (status.state === 'running') {
        if (status.pagesDone === 0 && status.feed === 'reference lists') started = Date.now();
        io.stderr.write(
          `${status.feed}: ${status.feedRows}${status.feedEstimate ? ` of about ${status.feedEstimate}` : ''} rows (${status.pagesDone} pages)\n`,
        );
        return;
      }
      if (values.once) return; // With --once the outcome is printed once, as the command's last line.
      if (status.state === 'idle') {
        passes++;
        io.stdout.write(
          `pass ${passes}: ${summarizeCounts(lastCounts)} in ${seconds(Date.now() - started)}; next at ${status.nextRunAt ?? 'once asked'}\n`,
        );
      } else if (status.state === 'error' || status.state === 'needs-credentials') {
        passes++;
        const next = status.state === 'error' && status.nextRetryAt ? `; next try at ${status.nextRetryAt}` : '';
        io.stderr.write(`pass ${passes} failed: ${status.message} ${status.nextStep}${next}\n`);
      }
    },
  });
  const stopOnSignal = waitForShutdown().then(() => poller.stop());
  try {
    if (values.once) {
      const outcome = await poller.syncNow();
      const status = poller.status();
      await poller.stop();
      if (outcome.outcome !== 'ok') {
        const reason =
          outcome.outcome === 'cancelled'
            ? 'Interrupted; every page mirrored before that is kept.'
            : 'message' in status
              ? status.message
              : 'the sync did not finish';
        throw new CommandFailure(reason);
      }
      io.stdout.write(`mirrored: ${summarizeCounts(outcome.counts)} in ${seconds(Date.now() - started)}\n`);
      return 0;
    }
    poller.start();
    // Runs pass after pass until SIGINT or SIGTERM; the page in flight is finished (or its request cancelled) first.
    await stopOnSignal;
    io.stderr.write(`stopped after ${passes} pass${passes === 1 ? '' : 'es'}\n`);
    return 0;
  } finally {
    store.db.close();
  }
}
