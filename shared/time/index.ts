/** The entry point of shared/time/: what is used from outside the folder (its tests import through here). */
export { localIsoWithOffset, localWallClock } from './local-time';
export { utcInstant } from './utc-instant';
