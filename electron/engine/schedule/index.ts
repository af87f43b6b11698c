/** The entry point of electron/engine/schedule/: what is used from outside the folder (its tests import through here). */
export { createScheduleClient, type ScheduleClient } from './client';
export {
  CONTRACT_VERSION,
  FEEDS,
  PRODUCT_NAME,
  appointmentChangeSchema,
  historyChangeSchema,
  noteChangeSchema,
  type Appointment,
  type FeedName,
} from './contract';
export { ScheduleError } from './errors';
export { certainlyValid, checkFeedItem } from './fast-check';
