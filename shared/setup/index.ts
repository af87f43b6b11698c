/** The entry point of shared/setup/: what is used from outside the folder (its tests import through here). */
export { checkIntegrationPassword } from './password-rules';
