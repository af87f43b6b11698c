import type { z } from 'zod';

/** One readable line per problem, each naming the field (its path) and what is allowed. */
export function describeZodError(error: z.ZodError, root = 'input'): string {
  return error.issues
    .map((issue) => {
      const path = issue.path.length === 0 ? root : issue.path.map(String).join('.');
      return `${path}: ${issue.message}`;
    })
    .join('; ');
}
