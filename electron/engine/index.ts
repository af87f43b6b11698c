/** The entry point of electron/engine/: what is used from outside the folder (its tests import through here). */
export { createDispatch, type Dispatch, type Handlers } from './dispatch';
export { EventBus } from './events';
export { defaultDataDir } from './paths';
