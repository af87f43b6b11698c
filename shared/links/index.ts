/** The entry point of shared/links/: what is used from outside the folder (its tests import through here). */
export { checkExternalUrl, serverHosts } from './external-url';
