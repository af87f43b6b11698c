import { parentPort } from 'node:worker_threads';
import { serveRpc } from '../engine/rpc';
import { oneLine } from '../../shared/validation';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox';

/** What the host may ask of the sandbox thread: plain data only, as it crosses threads. */
export type SandboxThreadOptions = Omit<SandboxOptions, 'clock' | 'onError'>;

export type SandboxThreadEvents = { error: { message: string } };

/**
 * The embedded sandbox in a thread of its own. Its world lives on this thread's heap: at a million appointments that
 * heap holds several gigabytes, and on the host's thread every young-generation collection then took about 20 ms,
 * so each request the host answered (a screen's query, an IPC call) waited for them.
 */
function serve(): void {
  const port = parentPort;
  if (!port) throw new Error('sandbox-thread runs only as a worker thread.');
  let sandbox: Sandbox | null = null;
  const events = serveRpc<SandboxThreadEvents>(port, {
    start: async (options: SandboxThreadOptions) => {
      sandbox = await startSandbox({
        ...options,
        onError: (error) =>
          events.emit('error', { message: oneLine(error instanceof Error ? error.message : String(error)) }),
      });
      return { url: sandbox.url };
    },
    tellXoi: (password: string) => {
      if (sandbox) sandbox.world.xoiKnownPassword = password;
    },
    close: async () => {
      await sandbox?.close();
      sandbox = null;
    },
  });
}

serve();
