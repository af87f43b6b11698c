/** The entry point of shared/: what is used from outside the folder (its tests import through here). */
export { ConsoleError } from './errors';
export { REDACTED, redactText, redactValue } from './redact';
export { checkServerUrl, originsOf } from './server-url';
export { clip, describeZodError, findLoneSurrogate, messageOf } from './validation';
