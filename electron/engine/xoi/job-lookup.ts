/**
 * The integrationEntityId namespace the WennSoft-XOi integration uses for its jobs is not published (XOi requires
 * at least 10 characters, the same for every job of one integration). The sandbox uses this value; a real
 * installation falls back to the work order lookup when it does not match.
 */
export const JOB_NAMESPACE_SETTING = 'wennsoft-schedule-sandbox';
