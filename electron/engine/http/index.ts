/** The entry point of electron/engine/http/: what is used from outside the folder (its tests import through here). */
export { DEFAULT_BACKOFF, backoffDelay } from './backoff';
