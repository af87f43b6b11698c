import { Worker } from 'node:worker_threads';
import type { AppError } from '../../../shared/contract/result';
import { ConsoleError } from '../../../shared/errors';
import type { QueryArgs, QueryName, QueryResult } from './registry';

/** The host's handle on the reader worker: a query by name, answered asynchronously. */
export class QueryClient {
  private readonly worker: Worker;
  private nextId = 1;
  private readonly waiting = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();

  constructor(script: string, dbFile: string) {
    this.worker = new Worker(script, { workerData: { dbFile } });
    this.worker.on('message', (message: { id: number; ok: boolean; value?: unknown; error?: AppError }) => {
      const pending = this.waiting.get(message.id);
      if (!pending) return;
      this.waiting.delete(message.id);
      if (message.ok) pending.resolve(message.value);
      else
        pending.reject(
          new ConsoleError(
            message.error?.code ?? 'QUERY_FAILED',
            message.error?.message ?? 'Reading the mirror failed.',
            message.error?.nextStep,
          ),
        );
    });
    const failAll = (reason: string) => {
      for (const pending of this.waiting.values())
        pending.reject(new ConsoleError('QUERY_FAILED', reason, 'Reopen the profile or restart the console.'));
      this.waiting.clear();
    };
    this.worker.on('error', () => failAll('The mirror reader stopped unexpectedly.'));
    this.worker.on('exit', () => failAll('The mirror reader has closed.'));
  }

  query<N extends QueryName>(name: N, args: QueryArgs<N>): Promise<QueryResult<N>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, name, args });
    });
  }

  async close(): Promise<void> {
    await this.worker.terminate();
  }
}
