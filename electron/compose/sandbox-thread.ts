import { parentPort } from 'node:worker_threads';
import { serveRpc } from '../engine/rpc';
import { messageOf, oneLine } from '../../shared/validation';
import { startSandbox, type Sandbox, type SandboxOptions } from '../sandbox/sandbox';

/** What the host may ask of the sandbox thread: plain data only, as it crosses threads. */
export type SandboxThreadOptions = Omit<SandboxOptions, 'clock' | 'onError'>;

export type SandboxThreadEvents = { error: { message: string } };

/**
 * The embedded sandbox in a thread of its own. Its world lives on this thread's heap: at a million appointments that
 * heap holds several gigabytes, and on the host's thread every young-generation collection then took about 20 ms,
 * so each request the host answered (a screen's query, an IPC call) waited for them.
 */
function sandboxThreadHandlers(reportError: (message: string) => void) {
  let sandbox: Sandbox | null = null;
  return {
    start: async (options: SandboxThreadOptions): Promise<{ url: string }> => {
      sandbox = await startSandbox({
        ...options,
        onError: (error) => reportError(oneLine(messageOf(error))),
      });
      return { url: sandbox.url };
    },
    tellXoi: (password: string): void => {
      if (sandbox) sandbox.world.xoiKnownPassword = password;
    },
    close: async (): Promise<void> => {
      await sandbox?.close();
      sandbox = null;
    },
  };
}

export type SandboxThreadHandlers = ReturnType<typeof sandboxThreadHandlers>;

if (!parentPort) throw new Error('sandbox-thread must run in a worker thread');
const events = serveRpc<SandboxThreadEvents>(
  parentPort,
  sandboxThreadHandlers((message) => events.emit('error', { message })),
);
