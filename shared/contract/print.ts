import { z } from 'zod';
import { prerequisiteSchema } from './setup';

export const printKindSchema = z.enum(['setup-sheet', 'report']);

export const printArgsSchema = z
  .object({
    kind: printKindSchema,
    /** The appointment (COMPANY/SERVICECALL/APPOINTMENT) for a troubleshooting report. */
    key: z.string().max(200).optional(),
    mode: z.enum(['print', 'pdf']),
  })
  .strict();
export type PrintArgs = z.infer<typeof printArgsSchema>;

export const printResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('printed') }),
  z.object({ outcome: z.literal('cancelled') }),
  z.object({ outcome: z.literal('saved'), path: z.string() }),
  /** The web host cannot open a native dialog: the renderer opens the print view and uses the browser's print. */
  z.object({ outcome: z.literal('use-browser'), route: z.string() }),
]);
export type PrintResult = z.infer<typeof printResultSchema>;

export const setupSheetSchema = z.object({
  customer: z.string(),
  printedAt: z.string(),
  timeZone: z.string(),
  userName: z.string(),
  apiUrl: z.string(),
  signatureVersion: z.string(),
  scheduleVersion: z.string(),
  mobileTechVersion: z.string(),
  companies: z.array(z.object({ id: z.string(), name: z.string() })),
  configured: z.boolean(),
  passwordSetAt: z.string().nullable(),
  checklist: z.array(prerequisiteSchema),
});

export const EXPORT_FORMATS = ['csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const exportResultSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('saved'), path: z.string(), rows: z.number().int() }),
  z.object({ outcome: z.literal('cancelled') }),
  /** Where there is no save dialog (the web host), the file itself: text for CSV, base64 for Excel. */
  z.object({
    outcome: z.literal('download'),
    fileName: z.string(),
    mimeType: z.string(),
    encoding: z.enum(['utf8', 'base64']),
    data: z.string(),
    rows: z.number().int(),
  }),
]);
