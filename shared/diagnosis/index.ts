/** The entry point of shared/diagnosis/: what is used from outside the folder (its tests import through here). */
export { CODES, VERDICT_CODES } from './codes';
export { Deadlines } from './deadlines';
export { diagnoseAppointment } from './diagnose';
export { milestonesOf } from './milestones';
export type { HistoryFacts, NoteFacts } from './types';
