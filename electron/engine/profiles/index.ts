/** The entry point of electron/engine/profiles/: what is used from outside the folder (its tests import through here). */
export { ProfileStore } from './profile-store';
