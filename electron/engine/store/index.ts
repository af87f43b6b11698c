/** The entry point of electron/engine/store/: what is used from outside the folder (its tests import through here). */
export { MirrorCorruptError, MirrorTooNewError } from './errors';
export { transaction, type ReadHandle, type WriteHandle } from './handles';
export { LATEST_SCHEMA_VERSION, MIGRATIONS } from './migrations';
export {
  openMirrorForReading,
  openMirrorForReadingWhenReady,
  openMirrorForWriting,
  openMirrorForWritingWhenFree,
  removeMirrorFiles,
} from './open';
export { deleteAllListEntries, KEYS_DUE_SQL, ListWriter, stateMarker } from './tables/appointment-list';
export {
  LIST_SORTS,
  countListByState,
  countListByStateQuickly,
  QUICK_COUNTS,
  countSql,
  readListWindow,
  searchPathFor,
  type SearchPath,
  windowIdsSql,
  type ListFilter,
} from './tables/appointment-list-query';
export { readAllAppointments, readAppointment, upsertAppointment } from './tables/appointments';
export { readCursor } from './tables/cursors';
export { readDeleted } from './tables/deleted-appointments';
export { readAllHistory, upsertHistory } from './tables/history';
export { readAllNotes, readNotesOf, upsertNote } from './tables/notes';
export { readCompanies, readStatuses, readTechnicians } from './tables/reference-lists';
export { readRejected } from './tables/rejected-rows';
export { readSnapshot } from './tables/snapshots';
export { readRecentRuns } from './tables/sync-runs';
