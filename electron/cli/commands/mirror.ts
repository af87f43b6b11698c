import { clip } from '../../../shared/validation';
import { createScheduleClient, type ScheduleCredentials } from '../../engine/schedule/client';
import { openMirrorForWriting } from '../../engine/store/open';
import type { FeedCounts } from '../../engine/store/tables/sync-runs';
import { DEFAULT_PAGE_SIZE, DEFAULT_SYNC_INTERVAL_MS, Poller } from '../../engine/sync/poller';
import { realScheduler } from '../../engine/sync/scheduler';
import { silentLogger } from '../../engine/logging/logger';
import { isConsoleError } from '../../../shared/errors';
import { SANDBOX_ADMIN, SANDBOX_XOI_API } from '../../sandbox/credentials';
import { createXoiClient } from '../../engine/xoi/client';
import { sandboxXoiEndpoints } from '../../engine/xoi/endpoints';
import { mirrorXoiUsers } from '../../engine/xoi/mirror-users';
import { integerFlag, parseFlags } from '../parse-flags';
import { readStdin } from '../read-stdin';
import { waitForShutdown } from '../shutdown';
import { CommandFailure, UsageError } from '../usage-error';
import { findSavedAdminPassword } from '../saved-credentials';

export const mirrorHelp = `xoi-console mirror --db FILE (--sandbox URL | --api URL --user NAME [--password-stdin]) [--once] [--page-size N]
  Mirrors a Schedule server into a SQLite file. --sandbox uses the sandbox's published credentials; otherwise the
  password comes from the keychain entry saved for that API and user, or from standard input. --once runs one pass.`;

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
  });
  if (!values.db) throw new UsageError('mirror: --db FILE is required (the SQLite file to write).');
  if ((values.sandbox === undefined) === (values.api === undefined))
    throw new UsageError('mirror: give either --sandbox URL or --api URL --user NAME.');
  if (values.api !== undefined && !values.user)
    throw new UsageError('mirror: --api needs --user NAME (the Schedule administrator).');
  if (values.sandbox !== undefined && (values.user || values['password-stdin']))
    throw new UsageError('mirror: --sandbox uses the published sandbox credentials; drop --user and --password-stdin.');
  const pageSize = integerFlag('page-size', values['page-size'], 1, 1000) ?? DEFAULT_PAGE_SIZE;
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

  let store;
  try {
    store = openMirrorForWriting(values.db);
  } catch (error) {
    if (isConsoleError(error)) throw new CommandFailure(`${error.message} ${error.nextStep ?? ''}`.trim());
    throw error;
  }
  const started = Date.now();
  let lastFeed = '';
  const poller = new Poller({
    store,
    createClient: () => createScheduleClient({ baseUrl, credentials }),
    scheduler: realScheduler,
    random: Math.random,
    log: silentLogger,
    settings: { intervalMs: DEFAULT_SYNC_INTERVAL_MS, pageSize },
    // With --sandbox, XOi's users come along (the sandbox's published XOi credentials), so the diagnosis is certain.
    afterPass:
      values.sandbox === undefined
        ? undefined
        : async ({ counts }) => {
            const check = await mirrorXoiUsers(
              store,
              createXoiClient({ ...sandboxXoiEndpoints(baseUrl), ...SANDBOX_XOI_API }),
              Date.now(),
            );
            if (check.error) throw new CommandFailure(`XOi users: ${check.error.message}`);
            counts.xoiUsers = { upserted: check.userCount ?? 0, deleted: 0, rejected: 0 };
          },
    onStatus: (status) => {
      if (status.state === 'running') {
        if (status.feed !== lastFeed) lastFeed = status.feed;
        io.stderr.write(
          `${status.feed}: ${status.feedRows}${status.feedEstimate ? ` of about ${status.feedEstimate}` : ''} rows (${status.pagesDone} pages)\n`,
        );
      } else if (!values.once && (status.state === 'error' || status.state === 'needs-credentials')) {
        // With --once the failure is printed once, as the command's last line.
        io.stderr.write(`${status.message} ${status.nextStep}\n`);
      }
    },
  });
  try {
    if (values.once) {
      const outcome = await poller.syncNow();
      const status = poller.status();
      await poller.stop();
      if (outcome.outcome !== 'ok') {
        const reason = 'message' in status ? status.message : 'the sync did not finish';
        throw new CommandFailure(reason);
      }
      io.stdout.write(
        `mirrored: ${summarizeCounts(outcome.counts)} in ${((Date.now() - started) / 1000).toFixed(2)} s\n`,
      );
      return 0;
    }
    poller.start();
    await waitForShutdown();
    await poller.stop();
    return 0;
  } finally {
    store.db.close();
  }
}
