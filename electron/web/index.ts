/** The entry point of electron/web/: what is used from outside the folder (its tests import through here). */
export { webHostHandlers } from './host-handlers';
export { startWebHost, type WebHost } from './server';
