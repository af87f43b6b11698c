import { z } from 'zod';
import { STATUS_CATEGORIES } from '../domain/statuses';
import { profileSettingsSchema } from './profiles';

export const settingsViewSchema = z.object({
  profileId: z.string(),
  settings: profileSettingsSchema,
  /** Every status the server lists (and any override), with the category in force. */
  statuses: z.array(
    z.object({
      name: z.string(),
      serverCategory: z.enum(STATUS_CATEGORIES).nullable(),
      override: z.enum(STATUS_CATEGORIES).nullable(),
    }),
  ),
  dataFolder: z.string(),
  mirrorFile: z.string(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
