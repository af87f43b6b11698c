import { existsSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { isConsoleError } from '../../../shared/errors';
import type { ReadHandle } from '../store/handles';
import { openMirrorForReading } from '../store/open';
import { QUERIES, type QueryName } from './registry';

// The screens' reader: its own read-only connection, in its own thread.
const port = parentPort;
if (!port) throw new Error('query-worker must run in a worker thread');
const { dbFile } = workerData as { dbFile: string };
let handle: ReadHandle | null = null;

port.on('message', (message: { id: number; name: QueryName; args: unknown } | { type: 'close' }) => {
  if ('type' in message) {
    handle?.db.close();
    handle = null;
    port.close();
    return;
  }
  try {
    if (!handle) {
      if (!existsSync(dbFile)) {
        port.postMessage({
          id: message.id,
          ok: false,
          error: {
            code: 'MIRROR_NOT_READY',
            message: 'The mirror is not ready yet.',
            nextStep: 'Wait for the first sync to start, then try again.',
          },
        });
        return;
      }
      handle = openMirrorForReading(dbFile);
    }
    const query = QUERIES[message.name] as (handle: ReadHandle, args: unknown) => unknown;
    port.postMessage({ id: message.id, ok: true, value: query(handle, message.args) });
  } catch (error) {
    port.postMessage({
      id: message.id,
      ok: false,
      error: isConsoleError(error)
        ? error.toAppError()
        : {
            code: 'QUERY_FAILED',
            message: `Reading the mirror failed (${error instanceof Error ? error.message.split('\n')[0] : String(error)}).`,
            nextStep: 'Try again; if it persists, rebuild the mirror in Settings.',
          },
    });
  }
});
