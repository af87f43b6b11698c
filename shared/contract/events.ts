import { z } from 'zod';
import { noticeSchema } from './app';
import { healthReportSchema } from './health';
import type { EventName } from './channels';
import { syncStatusSchema } from './sync';

/** Every event the engine may push to the renderer, with its payload schema. */
export const events = {
  'app.notice': noticeSchema,
  'sync.status': syncStatusSchema,
  'verdicts.updated': z.object({ at: z.string(), count: z.number().int() }),
  'profiles.changed': z.object({ activeId: z.string() }),
  /** The integration's health changed: a condition appeared, cleared, or changed severity or reach. */
  'health.changed': healthReportSchema,
  /** A menu item or shortcut in the Electron shell, for the renderer to act on. */
  'menu.command': z.object({
    command: z.enum([
      'print-setup-sheet',
      'save-setup-sheet-pdf',
      'export-csv',
      'print-report',
      'save-report-pdf',
      'sync-now',
      'go-settings',
    ]),
  }),
} as const satisfies Record<EventName, z.ZodType>;

export type EventPayload<E extends EventName> = z.output<(typeof events)[E]>;
