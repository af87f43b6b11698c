import { parentPort, workerData } from 'node:worker_threads';
import { ConsoleError } from '../../../shared/errors';
import { serveRpc, type RpcPort } from '../rpc/worker-rpc';
import type { ReadHandle } from '../store/handles';
import { abortableSleep } from '../http/backoff';
import { openMirrorForReadingWhenReady } from '../store/open';
import { QUERIES, type QueryName } from './registry';

/**
 * The screens' reader: its own read-only connection, in its own thread. It opens the mirror on the first query,
 * which the host sends only after the sync worker has created and migrated it.
 */
class QueryWorker {
  private handle: ReadHandle | null = null;

  constructor(
    port: RpcPort,
    private readonly dbFile: string,
  ) {
    serveRpc(port, this.handlers());
  }

  handlers() {
    return {
      query: async (args: { name: QueryName; args: unknown }): Promise<unknown> => {
        const query = QUERIES[args.name] as ((handle: ReadHandle, queryArgs: unknown) => unknown) | undefined;
        if (!query) throw new ConsoleError('UNKNOWN_QUERY', `There is no query "${String(args.name).slice(0, 40)}".`);
        try {
          return await query(await this.open(), args.args);
        } catch (error) {
          if (error instanceof ConsoleError) throw error;
          throw new ConsoleError(
            'QUERY_FAILED',
            `Reading the mirror failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
            'Try again; if it persists, rebuild the mirror in Settings.',
          );
        }
      },
      close: () => {
        this.handle?.db.close();
        this.handle = null;
      },
    };
  }

  /** Opens once the writer has created and migrated the mirror (the host also asks only after that). */
  private async open(): Promise<ReadHandle> {
    this.handle ??= await openMirrorForReadingWhenReady(this.dbFile, (ms) => abortableSleep(ms), 10_000);
    return this.handle;
  }
}

export type QueryWorkerHandlers = ReturnType<QueryWorker['handlers']>;

if (!parentPort) throw new Error('query-worker must run in a worker thread');
new QueryWorker(parentPort, (workerData as { dbFile: string }).dbFile);
