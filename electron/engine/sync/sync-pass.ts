import { ALL_TOUCHED } from '../diagnosis/recompute-verdicts';
import { FEEDS, type FeedName } from '../schedule/contract';
import type { FeedPage, ScheduleClient } from '../schedule/client';
import { ScheduleError } from '../schedule/errors';
import { BatchedTransaction, transaction, type WriteHandle } from '../store/handles';
import { deferTechnicianIndex, deleteAllAppointments, ensureTechnicianIndex } from '../store/tables/appointments';
import { deleteAllDeleted } from '../store/tables/deleted-appointments';
import { readCursor, writeCursor } from '../store/tables/cursors';
import { deleteAllHistory } from '../store/tables/history';
import { deleteAllNotes } from '../store/tables/notes';
import { readSnapshot, writeSnapshot, type ReferenceEtags } from '../store/tables/snapshots';
import type { FeedCounts } from '../store/tables/sync-runs';
import { applyFeedItems } from './apply-page';
import { PageReader } from './page-reader';
import { replaceReferenceLists, type ReferenceChanges } from './reference-changes';

export class SyncCancelled extends Error {
  constructor() {
    super('The sync was cancelled.');
    this.name = 'SyncCancelled';
  }
}

export interface PassProgress {
  feed: string;
  pagesDone: number;
  rowsSoFar: number;
  feedRows: number;
  feedEstimate: number | null;
}

export interface PassContext {
  client: ScheduleClient;
  store: WriteHandle;
  now: () => number;
  pageSize: number;
  isCancelled: () => boolean;
  onProgress: (progress: PassProgress) => void;
}

const iso = (ms: number) => new Date(ms).toISOString();

/**
 * Pages applied per commit. Each page is applied with its cursor, so any commit point is consistent; committing every
 * few pages rather than every page cut the full mirror's writing time (the same index pages logged once, not five
 * times), and a crash loses at most these few pages, fetched again at the next pass.
 */
const PAGES_PER_COMMIT = 5;

/**
 * Pages of a feed asked ahead of the one being written (one request at a time still). At a million appointments the
 * sandbox's pauses (15 to 40 ms collections of a 4 GB heap) fell on the pass with one page ahead.
 */
const PAGES_READ_AHEAD = 4;

function wipeFeed(store: WriteHandle, feed: FeedName): void {
  if (feed === 'appointments') {
    deleteAllAppointments(store);
    deleteAllDeleted(store);
  } else if (feed === 'notes') deleteAllNotes(store);
  else deleteAllHistory(store);
}

/** What a pass did: rows per feed, and what the verdicts must catch up with. */
export interface PassOutcome {
  counts: FeedCounts;
  /** Appointments whose rows, notes or history changed in this pass. */
  touched: Set<string>;
  /** The companies, technicians and statuses that differ from before (their appointments' verdicts may change). */
  references: ReferenceChanges;
}

/**
 * One complete pass: the small reference lists and snapshots, then each change feed from its stored cursor to the
 * end. Every page's rows and its new cursor are committed in one transaction, so a crash at any instant loses
 * nothing and never leaves a cursor ahead of the data. Cancellation is honoured between pages: the page in flight
 * is finished and committed first.
 */
export async function runSyncPass(context: PassContext): Promise<PassOutcome> {
  const { client, store } = context;
  const counts: FeedCounts = {};
  const touched = new Set<string>();
  const checkCancelled = () => {
    if (context.isCancelled()) throw new SyncCancelled();
  };

  // Unchanged reference lists cost one small exchange each: the server answers 304 to the version held.
  const etags = readSnapshot<ReferenceEtags>(store, 'reference-etags')?.value ?? {};
  const [system, companies, technicians, statuses, integration, activity] = await Promise.all([
    client.system(),
    client.companiesIfChanged(etags.companies ?? null),
    client.techniciansIfChanged(etags.technicians ?? null),
    client.statusesIfChanged(etags.statuses ?? null),
    client.integration(),
    client.xoiActivity(),
  ]);
  checkCancelled();
  const fetchedAt = iso(context.now());
  const references = transaction(store, () => {
    writeSnapshot(store, 'system', system, fetchedAt);
    writeSnapshot(store, 'integration', integration, fetchedAt);
    writeSnapshot(store, 'activity', activity, fetchedAt);
    const sent = {
      companies: companies?.items ?? null,
      technicians: technicians?.items ?? null,
      statuses: statuses?.items ?? null,
    };
    for (const list of ['companies', 'technicians', 'statuses'] as const)
      counts[list] = { upserted: sent[list]?.length ?? 0, deleted: 0, rejected: 0 };
    writeSnapshot(
      store,
      'reference-etags',
      {
        companies: companies ? companies.etag : (etags.companies ?? null),
        technicians: technicians ? technicians.etag : (etags.technicians ?? null),
        statuses: statuses ? statuses.etag : (etags.statuses ?? null),
      } satisfies ReferenceEtags,
      fetchedAt,
    );
    return replaceReferenceLists(store, sent);
  });
  context.onProgress({ feed: 'reference lists', pagesDone: 0, rowsSoFar: 0, feedRows: 0, feedEstimate: null });

  let pagesDone = 0;
  let rowsSoFar = 0;
  const batch = new BatchedTransaction(store, PAGES_PER_COMMIT);
  let indexDeferred = false;
  // The next pages are asked while this one is being written: the network and the disk work side by side.
  const readFrom = (feed: FeedName, from: string | null) =>
    new PageReader(
      (after) => context.client.changes(feed, after, context.pageSize),
      from,
      PAGES_READ_AHEAD,
      () => !context.isCancelled(),
    );
  let reader: PageReader | null = null;
  const restoreIndex = () => {
    transaction(store, () => ensureTechnicianIndex(store));
    indexDeferred = false;
  };
  try {
    for (const feed of FEEDS) {
      const feedCounts = { upserted: 0, deleted: 0, rejected: 0 };
      counts[feed] = feedCounts;
      const cursor = readCursor(store, feed);
      // A feed read from its start reaches every appointment: all verdicts are recomputed, so none is tracked.
      if (cursor === null) touched.add(ALL_TOUCHED);
      if (cursor === null && feed === 'appointments')
        indexDeferred = transaction(store, () => deferTechnicianIndex(store));
      let restarted = false;
      let feedRows = 0;
      reader = readFrom(feed, cursor);
      for (;;) {
        checkCancelled();
        let page: FeedPage;
        try {
          page = await reader.next();
        } catch (error) {
          if (error instanceof ScheduleError && error.code === 'CURSOR_EXPIRED' && !restarted) {
            // The server was reset or restored: its feed starts over, so the mirror of that feed does too.
            restarted = true;
            touched.add(ALL_TOUCHED);
            batch.commit();
            transaction(store, () => {
              wipeFeed(store, feed);
              writeCursor(store, feed, null, iso(context.now()));
            });
            reader = readFrom(feed, null);
            continue;
          }
          throw error;
        }
        const current = page;
        const applied = batch.step(() => {
          const tracked = touched.has(ALL_TOUCHED) ? null : touched;
          const result = applyFeedItems(store, feed, current.items, iso(context.now()), tracked);
          writeCursor(store, feed, current.nextCursor, iso(context.now()));
          return result;
        });
        feedCounts.upserted += applied.upserted;
        feedCounts.deleted += applied.deleted;
        feedCounts.rejected += applied.rejected;
        pagesDone++;
        rowsSoFar += page.items.length;
        feedRows += page.items.length;
        context.onProgress({
          feed,
          pagesDone,
          rowsSoFar,
          feedRows,
          feedEstimate: page.remaining === undefined ? null : feedRows + page.remaining,
        });
        if (!page.hasMore) break;
      }
      batch.commit();
      if (indexDeferred) restoreIndex();
    }
  } finally {
    reader?.stop();
    // Whatever stopped the pass (the end, a network error, a cancellation), the pages applied so far are kept.
    batch.commit();
    if (indexDeferred) restoreIndex();
  }
  return { counts, touched, references };
}
