/** The entry point of electron/engine/xoi/: what is used from outside the folder (its tests import through here). */
export { createXoiClient } from './client';
export { sandboxXoiEndpoints } from './endpoints';
export { XoiError } from './errors';
export { mirrorXoiUsers } from './mirror-users';
