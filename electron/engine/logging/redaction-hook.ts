import { redactValue } from '../../../shared/redact';
import { knownSecrets } from './secret-registry';

interface LogMessageLike {
  data: unknown[];
}

/** The one electron-log hook, installed on every transport of every host. */
export function redactionHook<M extends LogMessageLike>(message: M): M {
  const secrets = knownSecrets();
  return { ...message, data: message.data.map((item) => redactValue(item, secrets)) };
}
