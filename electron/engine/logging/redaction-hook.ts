import { redactValue } from '../../../shared/redact';
import { oneLine } from '../../../shared/validation';
import { knownSecrets } from './secret-registry';

interface LogMessageLike {
  data: unknown[];
}

const STACK_FRAMES = 6;

/** An error as one line: its name and message, then where it happened, frame by frame. */
function errorLine(error: Error): string {
  const frames = (error.stack ?? '')
    .split('\n')
    .slice(1)
    .map((frame) => frame.trim().replace(/^at /, ''))
    .filter(Boolean)
    .slice(0, STACK_FRAMES);
  return `${error.name}: ${error.message}${frames.length > 0 ? ` [at ${frames.join(' < ')}]` : ''}`;
}

/** Any logged value as one line of text, so no input (a name, a server's answer) can forge a log record. */
function asOneLine(value: unknown): unknown {
  if (typeof value === 'string') return oneLine(value);
  if (value instanceof Error) return oneLine(errorLine(value));
  if (value !== null && typeof value === 'object') {
    try {
      return oneLine(JSON.stringify(value));
    } catch {
      return oneLine(String(value));
    }
  }
  return value;
}

/** The one electron-log hook, installed on every transport of every host: secrets redacted, every record one line. */
export function redactionHook<M extends LogMessageLike>(message: M): M {
  const secrets = knownSecrets();
  return { ...message, data: message.data.map((item) => asOneLine(redactValue(item, secrets))) };
}
