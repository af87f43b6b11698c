/** The entry point of shared/health/: what is used from outside the folder (its tests import through here). */
export { SHARED_CAUSE_MIN, STALE_MIRROR_MS, assessHealth, type HealthFacts } from './assess';
