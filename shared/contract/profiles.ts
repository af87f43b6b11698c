import { z } from 'zod';
import { STATUS_CATEGORIES, type StatusCategory } from '../domain/statuses';
import { nameSchema } from '../validation';
import { DOCUMENTED_MINIMUMS, readVersion, type VersionedProduct } from '../domain/versions';

export const XOI_ENVIRONMENTS = ['test', 'production', 'custom', 'sandbox'] as const;

/** XOi's published endpoints (integration-docs.xoi.io: authentication, users, jobs). */
export const XOI_ENDPOINTS = {
  test: {
    tokenUrl: 'https://api-users-external.staging.xoeye.com/stag/token',
    usersUrl: 'https://gql-users-external.staging.xoeye.com/graphql',
    jobsUrl: 'https://gql-jobs-external.staging.xoeye.com/graphql',
  },
  production: {
    tokenUrl: 'https://api-users-external.xoi.io/prod/token',
    usersUrl: 'https://gql-users-external.xoi.io/graphql',
    jobsUrl: 'https://gql-jobs-external.xoi.io/graphql',
  },
} as const;

const versionSchema = (product: VersionedProduct) =>
  z
    .string()
    .max(20)
    .refine((text) => readVersion(product, text) !== null, `must be a version like ${DOCUMENTED_MINIMUMS[product]}`);

export const profileSettingsSchema = z.object({
  syncIntervalMinutes: z
    .number()
    .int()
    .min(1, 'must be at least 1 minute')
    .max(1440, 'must be at most 1440 minutes (a day)'),
  pollDelayMinutes: z.number().int().min(1, 'must be at least 1 minute').max(1440, 'must be at most 1440 minutes'),
  transcriptWindowHours: z
    .number()
    .int()
    .min(1, 'must be at least 1 hour')
    .max(168, 'must be at most 168 hours (a week)'),
  /** The customer's name as the setup sheet prints it; empty: the server's company names are used. */
  customerName: z.string().max(200, 'must be at most 200 characters').default(''),
  /** How long an appointment Schedule deleted after XOi made its job stays under "Deleted". */
  deletedKeptDays: z
    .number()
    .int()
    .min(1, 'must be at least 1 day')
    .max(365, 'must be at most 365 days (a year)')
    .default(30),
  statusOverrides: z
    // A plain object cannot hold this key (it names the prototype): refused with a message, never silently dropped.
    .custom<Record<string, StatusCategory>>(
      (value) => !(typeof value === 'object' && value !== null && Object.hasOwn(value, '__proto__')),
      'the status name "__proto__" cannot be given a category; rename the status in Schedule',
    )
    .pipe(z.record(z.string().min(1).max(64), z.enum(STATUS_CATEGORIES))),
  /** The oldest versions XOi supports (domain.md, W1); the documented ones unless the administrator changed them. */
  supportedVersions: z
    .object({
      mobileTech: versionSchema('mobileTech'),
      signature: versionSchema('signature'),
      schedule: versionSchema('schedule'),
    })
    .strict()
    .default({ ...DOCUMENTED_MINIMUMS }),
});
export type ProfileSettings = z.infer<typeof profileSettingsSchema>;

export const DEFAULT_PROFILE_SETTINGS: ProfileSettings = {
  syncIntervalMinutes: 2,
  pollDelayMinutes: 15,
  transcriptWindowHours: 12,
  deletedKeptDays: 30,
  customerName: '',
  statusOverrides: {},
  supportedVersions: { ...DOCUMENTED_MINIMUMS },
};

export const xoiConnectionSchema = z.object({
  environment: z.enum(XOI_ENVIRONMENTS),
  tokenUrl: z.string(),
  usersUrl: z.string(),
  jobsUrl: z.string(),
});
export type XoiConnection = z.infer<typeof xoiConnectionSchema>;

/** A stored profile: one Schedule server. No secrets here: they live in the keychain. */
export const profileSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]{1,40}$/),
  kind: z.enum(['sandbox', 'server']),
  name: z.string().min(1).max(80),
  /** For the sandbox: its address this session (it starts on a free port). */
  apiUrl: z.string(),
  userName: z.string().min(1).max(128),
  settings: profileSettingsSchema,
  xoi: xoiConnectionSchema.nullable(),
  /** First-run checklist steps that only the administrator can tell happened (profiles saved before have none). */
  milestones: z
    .object({ connectionTestedAt: z.string().nullable(), sheetSentAt: z.string().nullable() })
    .default({ connectionTestedAt: null, sheetSentAt: null }),
});
export type Profile = z.infer<typeof profileSchema>;
export type Milestone = keyof Profile['milestones'];

export const profileViewSchema = profileSchema.extend({
  active: z.boolean(),
  secrets: z.object({ administrator: z.boolean(), xoiIntegration: z.boolean(), xoiApi: z.boolean() }),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

export const profileInputSchema = z
  .object({
    id: z.string().max(64, 'must be at most 64 characters').optional(),
    name: nameSchema('Enter a name for this connection', 80),
    apiUrl: z.string().max(2048, 'must be at most 2048 characters'),
    userName: nameSchema('Enter the Schedule administrator user name', 128),
    /** Omit to keep the stored password. */
    password: z.string().max(1024, 'must be at most 1024 characters').optional(),
  })
  .strict();

export const connectionTestSchema = z.discriminatedUnion('ok', [
  z.object({
    ok: z.literal(true),
    scheduleVersion: z.string(),
    signatureVersion: z.string(),
    mobileTechVersion: z.string(),
    serverTime: z.string(),
  }),
  z.object({ ok: z.literal(false), code: z.string(), message: z.string(), nextStep: z.string() }),
]);
export type ConnectionTest = z.infer<typeof connectionTestSchema>;
