import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { ensurePrivateDir } from '../paths';
import path from 'node:path';
import type { z } from 'zod';

/**
 * A small JSON settings file: written atomically (temporary file, then rename) so a crash never leaves half a file;
 * read through a zod schema. A file that cannot be read is set aside (renamed .unreadable-<time>) and the defaults
 * are used, with `recovered` telling the caller to say so.
 */
export function readJsonFile<S extends z.ZodType>(
  file: string,
  schema: S,
  defaults: () => z.output<S>,
): { value: z.output<S>; recovered: boolean } {
  if (!existsSync(file)) return { value: defaults(), recovered: false };
  try {
    const parsed = schema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
    if (parsed.success) return { value: parsed.data, recovered: false };
  } catch {
    // Falls through to setting the file aside.
  }
  renameSync(file, `${file}.unreadable-${Date.now()}`);
  return { value: defaults(), recovered: true };
}

export function writeJsonFile(file: string, value: unknown): void {
  ensurePrivateDir(path.dirname(file));
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600 });
  renameSync(temporary, file);
}
