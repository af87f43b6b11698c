import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_NAMES, METHOD_NAMES } from '../../shared/contract/channels';

// Sandboxed preload: bundled into one file, exposes one named function per contract method and event.
// No ipcRenderer, no generic invoke, no Node.
const methods = Object.fromEntries(
  METHOD_NAMES.map((name) => [name, (args: unknown) => ipcRenderer.invoke(name, args ?? {})]),
);

const events = Object.fromEntries(
  EVENT_NAMES.map((name) => [
    name,
    (listener: (payload: unknown) => void) => {
      const channel = `event:${name}`;
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(channel, forward);
      return () => {
        ipcRenderer.removeListener(channel, forward);
      };
    },
  ]),
);

contextBridge.exposeInMainWorld(
  'xoiConsole',
  Object.freeze({ methods: Object.freeze(methods), events: Object.freeze(events) }),
);
