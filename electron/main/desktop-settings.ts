import path from 'node:path';
import { z } from 'zod';
import { readJsonFile, writeJsonFile } from '../engine/profiles/json-file';

const schema = z.object({
  closeToTray: z.boolean().default(false),
  startAtLogin: z.boolean().default(false),
  /** A native notification when a condition of the integration appears. */
  notifications: z.boolean().default(true),
  bounds: z
    .object({ x: z.number(), y: z.number(), width: z.number(), height: z.number() })
    .partial()
    .nullable()
    .default(null),
  maximized: z.boolean().default(false),
});
export type DesktopSettings = z.infer<typeof schema>;

/** The desktop shell's own settings (desktop.json in the data folder): tray, start at login, window placement. */
export class DesktopSettingsStore {
  private value: DesktopSettings;
  private readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'desktop.json');
    this.value = readJsonFile(this.file, schema, () => schema.parse({})).value;
  }

  get(): DesktopSettings {
    return { ...this.value };
  }

  update(change: Partial<DesktopSettings>): DesktopSettings {
    this.value = { ...this.value, ...change };
    writeJsonFile(this.file, this.value);
    return this.get();
  }
}
