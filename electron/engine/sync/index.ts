/** The entry point of electron/engine/sync/: what is used from outside the folder (its tests import through here). */
export { MirrorPipeline } from './mirror-pipeline';
export { PageReader } from './page-reader';
export { DEFAULT_PAGE_SIZE, Poller, RETRIES_PER_PASS, type PassRequests, type PollerDeps } from './poller';
export { type Scheduler } from './scheduler';
export { WorkerPoller } from './worker-poller';
