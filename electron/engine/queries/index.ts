/** The entry point of electron/engine/queries/: what is used from outside the folder (its tests import through here). */
export { appointmentDetail } from './appointment-detail';
export { queryAppointmentPage } from './appointment-list';
export { csvCell, csvKeyCell, csvLine, looksLikeFormula } from './export/csv';
export { QUERIES } from './registry';
export { HELD_BY_COMPANY_SQL, HELD_BY_TECHNICIAN_SQL } from './health-facts';
export { QueryClient } from './query-client';
