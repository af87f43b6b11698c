/** The entry point of shared/domain/: what is used from outside the folder (its tests import through here). */
export { appointmentKeyString } from './appointment-key';
export { BUILT_IN_STATUSES, categoryOf } from './statuses';
