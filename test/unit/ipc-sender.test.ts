import { describe, expect, it } from 'vitest';
import { METHOD_NAMES } from '../../shared/contract';
import { silentLogger } from '../../electron/engine/logging';
import { registerContractHandlers, type IpcMainLike } from '../../electron/main/ipc';
import type { FrameLike, IpcEventLike } from '../../electron/main/sender-check';

/** A stand-in for Electron's ipcMain: records the handlers so the test can call them as Electron would. */
function fakeIpcMain() {
  const handlers = new Map<string, (event: IpcEventLike, ...args: unknown[]) => Promise<unknown>>();
  const ipc: IpcMainLike = {
    handle: (channel, listener) => void handlers.set(channel, listener),
    removeHandler: (channel) => void handlers.delete(channel),
  };
  return { ipc, handlers };
}

const topFrame = (url: string): FrameLike => ({ url, parent: null });
const OWN_ID = 7;

const forgedSenders: Array<[string, IpcEventLike]> = [
  ['a destroyed frame (null)', { senderFrame: null, sender: { id: OWN_ID } }],
  ['a remote https page', { senderFrame: topFrame('https://evil.example/'), sender: { id: OWN_ID } }],
  ['a file:// page', { senderFrame: topFrame('file:///etc/passwd'), sender: { id: OWN_ID } }],
  ['a look-alike app host', { senderFrame: topFrame('app://console.evil/index.html'), sender: { id: OWN_ID } }],
  ['app:// with credentials', { senderFrame: topFrame('app://user:pw@console/index.html'), sender: { id: OWN_ID } }],
  [
    'a subframe of our window',
    {
      senderFrame: { url: 'app://console/index.html', parent: topFrame('app://console/index.html') },
      sender: { id: OWN_ID },
    },
  ],
  ['a window we did not create', { senderFrame: topFrame('app://console/index.html'), sender: { id: 99 } }],
  ['a data: URL', { senderFrame: topFrame('data:text/html,<script>1</script>'), sender: { id: OWN_ID } }],
];

describe('IPC registration', () => {
  it('registers exactly one handler per contract method', () => {
    const { ipc, handlers } = fakeIpcMain();
    registerContractHandlers(ipc, async () => ({ ok: true, value: null }), new Set([OWN_ID]), silentLogger);
    expect([...handlers.keys()].sort()).toEqual([...METHOD_NAMES].sort());
  });

  for (const method of METHOD_NAMES) {
    it.each(forgedSenders)(`${method}: refuses %s without dispatching`, async (_label, event) => {
      const { ipc, handlers } = fakeIpcMain();
      const dispatched: string[] = [];
      registerContractHandlers(
        ipc,
        async (name) => {
          dispatched.push(name);
          return { ok: true, value: null };
        },
        new Set([OWN_ID]),
        silentLogger,
      );
      const result = await handlers.get(method)?.(event, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_SENDER' } });
      expect(dispatched).toEqual([]);
    });

    it(`${method}: serves our own top frame on app://console`, async () => {
      const { ipc, handlers } = fakeIpcMain();
      const dispatched: Array<[string, unknown, unknown]> = [];
      registerContractHandlers(
        ipc,
        async (name, args, caller) => {
          dispatched.push([name, args, caller]);
          return { ok: true, value: 'answer' };
        },
        new Set([OWN_ID]),
        silentLogger,
      );
      const result = await handlers.get(method)?.(
        { senderFrame: topFrame('app://console/index.html#/setup'), sender: { id: OWN_ID } },
        { a: 1 },
      );
      expect(result).toEqual({ ok: true, value: 'answer' });
      // The window is the caller (a print view's ready signal counts for the job waiting on that window only).
      expect(dispatched).toEqual([[method, { a: 1 }, { webContentsId: OWN_ID }]]);
    });
  }
});
