import { z } from 'zod';

/** What every failure carries: a stable code, a sentence for a person, and what to do next. */
export const appErrorSchema = z.object({
  code: z.string().min(1),
  message: z.string().min(1),
  nextStep: z.string().optional(),
  /** The input field the error belongs to, when it belongs to one (a form shows it there). */
  field: z.string().max(64).optional(),
});
export type AppError = z.infer<typeof appErrorSchema>;

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function fail<T = never>(code: string, message: string, nextStep?: string, field?: string): Result<T> {
  const error: AppError = { code, message };
  if (nextStep !== undefined) error.nextStep = nextStep;
  if (field !== undefined) error.field = field;
  return { ok: false, error };
}
