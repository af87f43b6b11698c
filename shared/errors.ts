import type { AppError } from './contract/result';

/**
 * An error meant for a person: a stable code, one sentence, and the next step.
 * Thrown anywhere in the engine; the transports turn it into `{ ok: false, error }`.
 */
export class ConsoleError extends Error {
  readonly code: string;
  readonly nextStep: string | undefined;
  /** The input field the error belongs to, if any. */
  readonly field: string | undefined;

  constructor(code: string, message: string, nextStep?: string, options: { field?: string } = {}) {
    super(message);
    this.name = 'ConsoleError';
    this.code = code;
    this.nextStep = nextStep;
    this.field = options.field;
  }

  toAppError(): AppError {
    const error: AppError = { code: this.code, message: this.message };
    if (this.nextStep !== undefined) error.nextStep = this.nextStep;
    if (this.field !== undefined) error.field = this.field;
    return error;
  }
}

export function isConsoleError(value: unknown): value is ConsoleError {
  return value instanceof ConsoleError;
}
