import type { Handlers } from '../dispatch';

/**
 * What only a host can do, and so every host must supply: print (a native dialog, or the browser's), say a print view
 * is ready, open a link outside, keep desktop settings, ask for a confirmation. The Electron shell supplies them in
 * electron/main/host-handlers.ts, the web host in electron/web/host-handlers.ts; the engine supplies none.
 */
export const HOST_METHODS = [
  'print.document',
  'print.ready',
  'shell.openExternal',
  'desktop.get',
  'desktop.save',
  'host.confirm',
] as const;
export type HostMethod = (typeof HOST_METHODS)[number];

export type HostCapabilities = Pick<Handlers, HostMethod>;
export type EngineHandlers = Omit<Handlers, HostMethod>;

/** What the engine tells a host's handlers: the hosts a link may open (every configured Schedule server). */
export interface HostContext {
  trustedHosts(): string[];
}

/**
 * A host's handlers: given the engine's (to build on, as a native save dialog builds on the export) and the engine's
 * context, every host method.
 */
export type HostHandlersFactory = (
  engine: EngineHandlers,
  context: HostContext,
) => HostCapabilities & Partial<EngineHandlers>;
