import { z } from 'zod';
import { nameSchema } from '../validation';
import { appInfoSchema } from './app';
import { healthReportSchema } from './health';
import {
  appointmentDetailSchema,
  appointmentFilterSchema,
  appointmentSortSchema,
  appointmentPageSchema,
  appointmentQuerySchema,
  dashboardSchema,
  filterOptionsSchema,
  technicianRowSchema,
} from './appointments';
import type { MethodName } from './channels';
import { EXPORT_FORMATS, exportResultSchema, printArgsSchema, printResultSchema, setupSheetSchema } from './print';
import { connectionTestSchema, profileInputSchema, profileSettingsSchema, profileViewSchema } from './profiles';
import { settingsViewSchema } from './settings';
import { setupApplyArgsSchema, setupResultSchema, setupStateSchema } from './setup';
import { syncRunSchema, syncStatusSchema } from './sync';
import { xoiJobSchema, xoiSaveArgsSchema, xoiStatusSchema } from './xoi';

const noArgs = z.object({}).strict();
/** The desktop shell's own settings; `available` is false in a browser (web host). */
const desktopSettingsSchema = z.object({
  available: z.boolean(),
  closeToTray: z.boolean(),
  startAtLogin: z.boolean(),
  notifications: z.boolean(),
});
const keyArgs = z.object({ key: z.string().min(1).max(200) }).strict();
const idArgs = z.object({ id: z.string().min(1).max(64) }).strict();

interface MethodSpec {
  readonly args: z.ZodType;
  readonly result: z.ZodType;
}

/** Every method the renderer may call: its arguments and its result, as zod schemas that are also the types. */
export const methods = {
  'app.info': { args: noArgs, result: appInfoSchema },

  'profiles.list': {
    args: noArgs,
    result: z.object({
      activeId: z.string(),
      profiles: z.array(profileViewSchema),
      keychain: z.object({ available: z.boolean(), message: z.string().nullable(), nextStep: z.string().nullable() }),
    }),
  },
  'profiles.save': { args: profileInputSchema, result: profileViewSchema },
  'profiles.delete': { args: idArgs, result: z.object({ removed: z.literal(true) }) },
  'profiles.activate': { args: idArgs, result: profileViewSchema },
  'profiles.testConnection': {
    args: z
      .object({
        apiUrl: z.string().max(2048),
        userName: nameSchema('Enter the Schedule administrator user name', 128),
        password: z.string().max(1024).optional(),
        profileId: z.string().max(64).optional(),
      })
      .strict(),
    result: connectionTestSchema,
  },

  'setup.state': { args: noArgs, result: setupStateSchema },
  'setup.apply': { args: setupApplyArgsSchema, result: setupResultSchema },
  'setup.tellSandboxXoi': { args: noArgs, result: z.object({ told: z.literal(true) }) },
  /** The administrator says the setup sheet went to XOi (or takes it back): a first-run checklist step. */
  'setup.markSheetSent': {
    args: z.object({ sent: z.boolean() }).strict(),
    result: z.object({ sheetSentAt: z.string().nullable() }),
  },
  'health.get': { args: noArgs, result: healthReportSchema },

  'sync.status': { args: noArgs, result: syncStatusSchema },
  'sync.now': { args: noArgs, result: z.object({ outcome: z.enum(['ok', 'error', 'stalled', 'cancelled']) }) },
  'sync.pause': { args: noArgs, result: syncStatusSchema },
  'sync.resume': { args: noArgs, result: syncStatusSchema },
  'sync.runs': {
    args: z.object({ limit: z.number().int().min(1).max(500).default(50) }).strict(),
    result: z.object({
      runs: z.array(syncRunSchema),
      rejected: z.array(z.object({ feed: z.string(), item: z.string(), reason: z.string(), seenAt: z.string() })),
    }),
  },
  'mirror.rebuild': { args: noArgs, result: z.object({ rebuilt: z.literal(true) }) },

  'settings.get': { args: noArgs, result: settingsViewSchema },
  'settings.save': { args: profileSettingsSchema.strict(), result: settingsViewSchema },

  'appointments.query': { args: appointmentQuerySchema, result: appointmentPageSchema },
  'appointments.detail': { args: keyArgs, result: appointmentDetailSchema },
  'appointments.filterOptions': { args: noArgs, result: filterOptionsSchema },
  'appointments.export': {
    args: z
      .object({
        filter: appointmentFilterSchema,
        sort: appointmentSortSchema.default({ field: 'taskDate', direction: 'desc' }),
        format: z.enum(EXPORT_FORMATS),
      })
      .strict(),
    result: exportResultSchema,
  },
  'technicians.list': { args: noArgs, result: z.array(technicianRowSchema) },
  'dashboard.get': { args: noArgs, result: dashboardSchema },

  'print.document': { args: printArgsSchema, result: printResultSchema },
  'print.ready': {
    args: z.object({ ok: z.boolean(), error: z.string().max(500).optional() }).strict(),
    result: z.object({ acknowledged: z.boolean() }),
  },
  'sheet.data': { args: noArgs, result: setupSheetSchema },

  'xoi.status': { args: noArgs, result: xoiStatusSchema },
  'xoi.save': { args: xoiSaveArgsSchema, result: xoiStatusSchema },
  'xoi.check': { args: noArgs, result: xoiStatusSchema },
  'xoi.job': { args: keyArgs, result: xoiJobSchema },

  'desktop.get': { args: noArgs, result: desktopSettingsSchema },
  'desktop.save': {
    args: z.object({ closeToTray: z.boolean(), startAtLogin: z.boolean(), notifications: z.boolean() }).strict(),
    result: desktopSettingsSchema,
  },
  'shell.openExternal': {
    args: z.object({ url: z.string().max(4096) }).strict(),
    result: z.object({ opened: z.boolean(), reason: z.string().nullable() }),
  },
  /** A confirmation before something that cannot be undone: the desktop's own dialog, or the page's in a browser. */
  'host.confirm': {
    args: z
      .object({
        title: z.string().min(1).max(120),
        message: z.string().min(1).max(1000),
        confirmLabel: z.string().min(1).max(40),
      })
      .strict(),
    result: z.object({ answer: z.enum(['confirmed', 'cancelled', 'ask-in-page']) }),
  },
} as const satisfies Record<MethodName, MethodSpec>;

export type Methods = typeof methods;
export type MethodArgs<M extends MethodName> = z.input<Methods[M]['args']>;
export type ParsedArgs<M extends MethodName> = z.output<Methods[M]['args']>;
export type MethodResult<M extends MethodName> = z.output<Methods[M]['result']>;
