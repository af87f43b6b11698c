import { parentPort, workerData } from 'node:worker_threads';
import { isConsoleError } from '../../../shared/errors';
import {
  needsFullRecompute,
  recomputeAllVerdicts,
  refreshVerdicts,
  type VerdictCache,
} from '../diagnosis/recompute-verdicts';
import { serverNow } from '../diagnosis/server-clock';
import type { VerdictSettings } from '../diagnosis/verdict-settings';
import type { Logger } from '../logging/logger';
import { createScheduleClient } from '../schedule/client';
import { openMirrorForWriting } from '../store/open';
import { Poller } from './poller';
import { realScheduler } from './scheduler';
import { readSnapshot } from '../store/tables/snapshots';
import { createXoiClient } from '../xoi/client';
import { mirrorXoiUsers, type XoiCheck } from '../xoi/mirror-users';
import type { FromWorker, SyncWorkerData, ToWorker, WorkerXoiConfig } from './worker-protocol';

// The poller's thread: it owns the mirror's write connection, so a full mirror never stalls the main process.
const port = parentPort;
if (!port) throw new Error('sync-worker must run in a worker thread');
const data = workerData as SyncWorkerData;
const post = (message: FromWorker) => port.postMessage(message);

const log: Logger = {
  debug: () => {},
  info: (message) => post({ type: 'log', level: 'info', message }),
  warn: (message) => post({ type: 'log', level: 'warn', message }),
  error: (message) => post({ type: 'log', level: 'error', message }),
};

let credentials: { password: string; boundTo: readonly string[] } | null = null;
let xoi: WorkerXoiConfig | null = null;
let verdictSettings: VerdictSettings = data.verdicts;
let store: ReturnType<typeof openMirrorForWriting>;
try {
  store = openMirrorForWriting(data.dbFile);
} catch (error) {
  post(
    isConsoleError(error)
      ? { type: 'fatal', code: error.code, message: error.message, nextStep: error.nextStep ?? '' }
      : {
          type: 'fatal',
          code: 'MIRROR_OPEN_FAILED',
          message: 'The mirror database could not be opened.',
          nextStep: 'Rebuild the mirror in Settings.',
        },
  );
  process.exit(0);
}

/** Mirrors XOi's users when due (or forced); `fresh` says whether they were read just now. */
const checkXoiUsers = async (force: boolean): Promise<{ check: XoiCheck; fresh: boolean } | null> => {
  if (!xoi) return null;
  const last = readSnapshot<XoiCheck>(store, 'xoi-check')?.value;
  if (!force && last && Date.now() - Date.parse(last.lastCheckAt) < xoi.intervalMs)
    return { check: last, fresh: false };
  return {
    check: await mirrorXoiUsers(
      store,
      createXoiClient({ ...xoi.endpoints, apiKey: xoi.apiKey, apiSecret: xoi.apiSecret, boundTo: xoi.boundTo }),
      Date.now(),
    ),
    fresh: true,
  };
};

let verdictCache: VerdictCache | null = null;

/** After a pass: refresh only the changed appointments' verdicts when that is safe, else recompute them all. */
const updateVerdicts = (pass: { touched: ReadonlySet<string>; referencesChanged: boolean } | null) => {
  const now = serverNow(store, Date.now());
  if (pass === null || needsFullRecompute(verdictCache, store, now, verdictSettings, pass)) {
    const full = recomputeAllVerdicts(store, now, verdictSettings);
    verdictCache = full.cache;
    post({ type: 'verdicts-updated', at: new Date().toISOString(), count: full.count });
  } else if (pass.touched.size > 0 && verdictCache) {
    post({
      type: 'verdicts-updated',
      at: new Date().toISOString(),
      count: refreshVerdicts(store, now, verdictSettings, pass.touched, verdictCache),
    });
  }
};

const poller = new Poller({
  store,
  createClient: () =>
    createScheduleClient({
      baseUrl: data.baseUrl,
      credentials: credentials ? { userName: data.userName, ...credentials } : undefined,
    }),
  scheduler: realScheduler,
  random: Math.random,
  log,
  settings: data.settings,
  afterPass: async (pass) => {
    const xoiUsers = await checkXoiUsers(false);
    // A fresh list of XOi users can change any technician's verdicts.
    updateVerdicts(xoiUsers?.fresh ? null : pass);
  },
  onStatus: (status) => post({ type: 'status', status }),
});
// What is already mirrored is diagnosed at once, before the first pass (and works offline).
updateVerdicts(null);

port.on('message', (message: ToWorker) => {
  switch (message.type) {
    case 'credentials':
      credentials = { password: message.password, boundTo: message.boundTo };
      poller.credentialsChanged();
      break;
    case 'xoi':
      xoi = message.config;
      break;
    case 'xoi-check':
      void checkXoiUsers(true).then((result) => {
        updateVerdicts(null);
        post({ type: 'xoi-check-result', id: message.id, check: result?.check ?? null });
      });
      break;
    case 'start':
      poller.start();
      break;
    case 'sync-now':
      void poller.syncNow().then((outcome) => post({ type: 'sync-now-result', id: message.id, outcome }));
      break;
    case 'pause':
      poller.pause();
      break;
    case 'resume':
      poller.resume();
      break;
    case 'settings':
      poller.updateSettings(message.settings);
      if (message.verdicts) {
        verdictSettings = message.verdicts;
        updateVerdicts(null);
      }
      break;
    case 'stop':
      void poller.stop().then(() => {
        store.db.close();
        post({ type: 'stopped' });
      });
      break;
  }
});
post({ type: 'ready', status: poller.status() });
