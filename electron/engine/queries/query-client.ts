import { Worker } from 'node:worker_threads';
import { RpcClient } from '../rpc/worker-rpc';
import type { QueryWorkerHandlers } from './query-worker';
import type { QueryArgs, QueryName, QueryResult } from './registry';

/** A screen waits at most this long for a read (the longest, the CSV export of every appointment). */
const QUERY_TIMEOUT_MS = 5 * 60_000;

/** The host's handle on the reader worker: a query by name, answered asynchronously over the one worker RPC. */
export class QueryClient {
  private readonly worker: Worker;
  private readonly rpc: RpcClient<QueryWorkerHandlers>;

  constructor(script: string, dbFile: string) {
    this.worker = new Worker(script, { workerData: { dbFile } });
    this.rpc = new RpcClient(this.worker, 'The mirror reader', QUERY_TIMEOUT_MS);
    this.worker.on('exit', () => this.rpc.close());
  }

  query<N extends QueryName>(name: N, args: QueryArgs<N>): Promise<QueryResult<N>> {
    return this.rpc.call('query', { name, args }) as Promise<QueryResult<N>>;
  }

  async close(): Promise<void> {
    await this.rpc.call('close', undefined, { timeoutMs: 5_000 }).catch(() => undefined);
    await this.worker.terminate();
  }
}
