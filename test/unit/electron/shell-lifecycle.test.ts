import { describe, expect, it } from 'vitest';
import { isTrustedSender } from '../../../electron/main/sender-check';
import { denyPermissionsAndDevices, type GuardedSession } from '../../../electron/main/session-guard';
import { mainWindowOpener, WindowRegistry, type RegisteredWindow } from '../../../electron/main/window-registry';
import { ONLINE_CHECK_MS, syncOnWakeAndReconnect } from '../../../electron/main/wake-sync';

/** Stands for a BrowserWindow: an id, the events it was sent, and a close. */
function standInWindow(id: number) {
  const closed: Array<() => void> = [];
  const sent: Array<[string, unknown]> = [];
  let destroyed = false;
  const window = {
    webContents: { id, send: (channel: string, payload: unknown) => sent.push([channel, payload]) },
    on: (_event: 'closed', listener: () => void) => closed.push(listener),
    isDestroyed: () => destroyed,
    close() {
      destroyed = true;
      for (const listener of closed) listener();
    },
    sent,
  };
  return window satisfies RegisteredWindow;
}

const topFrameEvent = (id: number) => ({
  sender: { id },
  senderFrame: { url: 'app://console/index.html', parent: null },
});

describe('the window registry', () => {
  it('registers a window reopened on macOS activate exactly like the first: served by IPC and sent events', () => {
    const registry = new WindowRegistry<ReturnType<typeof standInWindow>>();
    let next = 1;
    const opener = mainWindowOpener(registry, () => standInWindow(next++));
    const first = opener.open();
    expect(opener.open()).toBe(first);
    expect(isTrustedSender(topFrameEvent(first.webContents.id), registry)).toBe(true);

    first.close();
    expect(opener.current()).toBeNull();
    expect(isTrustedSender(topFrameEvent(first.webContents.id), registry)).toBe(false);

    const reopened = opener.open();
    expect(reopened).not.toBe(first);
    expect(isTrustedSender(topFrameEvent(reopened.webContents.id), registry)).toBe(true);
    registry.broadcast('event:sync.status', { state: 'idle' });
    expect(reopened.sent).toEqual([['event:sync.status', { state: 'idle' }]]);
    expect(first.sent).toEqual([]);
  });

  it('forgets print windows when they close', () => {
    const registry = new WindowRegistry();
    const print = registry.register(standInWindow(7));
    expect(registry.has(7)).toBe(true);
    (print as ReturnType<typeof standInWindow>).close();
    expect(registry.has(7)).toBe(false);
  });
});

describe('the session guard', () => {
  it('denies every permission, device and screen capture', () => {
    const handlers: Record<string, (...args: never[]) => unknown> = {};
    const session = {
      setPermissionRequestHandler: (handler) => (handlers.request = handler),
      setPermissionCheckHandler: (handler) => (handlers.check = handler),
      setDevicePermissionHandler: (handler) => (handlers.device = handler),
      setDisplayMediaRequestHandler: (handler) => (handlers.display = handler),
      on: (event, listener) => (handlers[event] = listener),
    } satisfies GuardedSession;
    denyPermissionsAndDevices(session);

    const answers: unknown[] = [];
    (handlers.request as (c: unknown, p: string, cb: (granted: boolean) => void) => void)({}, 'media', (granted) =>
      answers.push(granted),
    );
    expect(answers).toEqual([false]);
    expect((handlers.check as () => boolean)()).toBe(false);
    expect((handlers.device as () => boolean)()).toBe(false);
    (handlers.display as (r: unknown, cb: (streams: object) => void) => void)({}, (streams) => answers.push(streams));
    expect(answers[1]).toEqual({});
    for (const event of ['select-hid-device', 'select-serial-port', 'select-usb-device']) {
      let prevented = false;
      const chosen: unknown[] = [];
      (handlers[event] as (e: { preventDefault(): void }, d: unknown, cb: (id: string) => void) => void)(
        { preventDefault: () => (prevented = true) },
        {},
        (id) => chosen.push(id),
      );
      expect(prevented).toBe(true);
      expect(chosen).toEqual(['']);
    }
  });
});

describe('a pass on wake and on reconnect', () => {
  it('asks for a pass when the computer resumes and when the network comes back, not while it stays the same', () => {
    let resume: () => void = () => {};
    let tick: () => void = () => {};
    let online = true;
    let stopped = false;
    const asked: string[] = [];
    const stop = syncOnWakeAndReconnect(
      {
        onResume: (listener) => (resume = listener),
        isOnline: () => online,
        setInterval: (callback, ms) => {
          expect(ms).toBe(ONLINE_CHECK_MS);
          tick = callback;
          return 1;
        },
        clearInterval: () => (stopped = true),
      },
      (reason) => asked.push(reason),
    );
    tick();
    expect(asked).toEqual([]);
    online = false;
    tick();
    tick();
    expect(asked).toEqual([]);
    online = true;
    tick();
    tick();
    expect(asked).toEqual(['online']);
    resume();
    expect(asked).toEqual(['online', 'resume']);
    stop();
    expect(stopped).toBe(true);
  });
});
