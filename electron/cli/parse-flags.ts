import { clip, messageOf } from '../../shared/validation';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './usage-error';

type Options = NonNullable<ParseArgsConfig['options']>;

/** `util.parseArgs` in strict mode, with its errors reworded to name the flag and what is allowed. */
export function parseFlags<O extends Options>(command: string, argv: string[], options: O, allowPositionals = false) {
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals });
  } catch (error) {
    const message = messageOf(error);
    const known = Object.keys(options)
      .map((name) => `--${name}`)
      .join(', ');
    const ambiguous = /Option '(--[^']+)' argument is ambiguous/.exec(message);
    const sentence = ambiguous
      ? `${ambiguous[1]} needs a value (write a value that starts with "-" as ${ambiguous[1]}=-VALUE)`
      : (message.split('\n')[0] ?? message).replace(/\. To specify.*$/, '').trim();
    throw new UsageError(`${command}: ${sentence}${known ? ` (allowed: ${known})` : ''}`);
  }
}

export function integerFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value))
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, not "${clip(value)}".`);
  const number = Number(value);
  if (number < min || number > max) throw new UsageError(`--${name} must be from ${min} to ${max}, not ${number}.`);
  return number;
}
