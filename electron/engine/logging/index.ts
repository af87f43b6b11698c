/** The entry point of electron/engine/logging/: what is used from outside the folder (its tests import through here). */
export { silentLogger, type Logger } from './logger';
export { createNodeLogger } from './node-logger';
