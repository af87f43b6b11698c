/** The entry point of electron/engine/secrets/: what is used from outside the folder (its tests import through here). */
export { decodeBoundSecret, encodeBoundSecret } from './bound-secret';
export { createKeytarStore } from './keytar-store';
export { SECRET_PURPOSES, secretAccount, type SecretPurpose, type SecretStore } from './secret-store';
