import { Worker } from 'node:worker_threads';
import { RpcClient } from '../rpc/worker-rpc';
import type { QueryWorkerHandlers } from './query-worker';
import type { QueryArgs, QueryName, QueryResult } from './registry';

/** A screen waits at most this long for a read (the longest, the CSV export of every appointment). */
const QUERY_TIMEOUT_MS = 5 * 60_000;

/**
 * Readers, each a worker with its own read-only connection. One reader answers in order, so a long read (the export of
 * every appointment, the health facts the app asks for as it opens) held the list's first rows behind it; with two, a
 * read waits only when both are busy. Two, as these desktops have two cores or more and the writer has its own.
 */
const READER_COUNT = 2;

interface Reader {
  readonly worker: Worker;
  readonly rpc: RpcClient<QueryWorkerHandlers>;
  inFlight: number;
}

/** The host's handle on the reader workers: a query by name, answered by the least busy reader. */
export class QueryClient {
  private readonly readers: Reader[];

  constructor(script: string, dbFile: string, count = READER_COUNT) {
    this.readers = Array.from({ length: count }, () => {
      const worker = new Worker(script, { workerData: { dbFile } });
      const rpc = new RpcClient<QueryWorkerHandlers>(worker, 'The mirror reader', QUERY_TIMEOUT_MS);
      worker.on('exit', () => rpc.close());
      return { worker, rpc, inFlight: 0 };
    });
  }

  async query<N extends QueryName>(name: N, args: QueryArgs<N>): Promise<QueryResult<N>> {
    const reader = this.readers.reduce((idlest, next) => (next.inFlight < idlest.inFlight ? next : idlest));
    reader.inFlight++;
    try {
      return (await reader.rpc.call('query', { name, args })) as QueryResult<N>;
    } finally {
      reader.inFlight--;
    }
  }

  /** How many reads each reader has in hand (for the tests: which reader a read went to). */
  load(): number[] {
    return this.readers.map((reader) => reader.inFlight);
  }

  async close(): Promise<void> {
    await Promise.all(
      this.readers.map(async (reader) => {
        await reader.rpc.call('close', undefined, { timeoutMs: 5_000 }).catch(() => undefined);
        await reader.worker.terminate();
      }),
    );
  }
}
