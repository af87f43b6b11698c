import type { AppError } from './contract/result';

/**
 * An error meant for a person: a stable code, one sentence, and the next step.
 * Thrown anywhere in the engine; the transports turn it into `{ ok: false, error }`.
 */
export class ConsoleError extends Error {
  readonly code: string;
  readonly nextStep: string | undefined;

  constructor(code: string, message: string, nextStep?: string) {
    super(message);
    this.name = 'ConsoleError';
    this.code = code;
    this.nextStep = nextStep;
  }

  toAppError(): AppError {
    return this.nextStep === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, nextStep: this.nextStep };
  }
}

export function isConsoleError(value: unknown): value is ConsoleError {
  return value instanceof ConsoleError;
}
