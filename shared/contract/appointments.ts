import { z } from 'zod';
import { VERDICT_STATES } from '../diagnosis/codes';

export const verdictStateSchema = z.enum(VERDICT_STATES);

export const appointmentFilterSchema = z
  .object({
    search: z.string().max(200).default(''),
    states: z.array(verdictStateSchema).max(4).default([]),
    codes: z.array(z.string().max(40)).max(40).default([]),
    companies: z.array(z.string().max(64)).max(200).default([]),
    technicians: z.array(z.string().max(64)).max(1000).default([]),
    /** Task date range, ISO dates (inclusive). */
    from: z.string().max(40).nullable().default(null),
    to: z.string().max(40).nullable().default(null),
    /** The appointments Schedule deleted after XOi made their Vision job, instead of the mirrored ones. */
    deleted: z.boolean().default(false),
  })
  .strict();
export type AppointmentFilter = z.infer<typeof appointmentFilterSchema>;
/** No filter at all: every mirrored appointment (each field at its default). */
export const EMPTY_APPOINTMENT_FILTER: AppointmentFilter = appointmentFilterSchema.parse({});

export const SORT_FIELDS = ['taskDate', 'key', 'state', 'technician', 'customer'] as const;
export const appointmentSortSchema = z
  .object({ field: z.enum(SORT_FIELDS), direction: z.enum(['asc', 'desc']) })
  .strict();
export type AppointmentSort = z.infer<typeof appointmentSortSchema>;

export const appointmentQuerySchema = z
  .object({
    filter: appointmentFilterSchema.default(() => appointmentFilterSchema.parse({})),
    sort: appointmentSortSchema.default({ field: 'taskDate', direction: 'desc' }),
    offset: z.number().int().min(0).max(10_000_000).default(0),
    limit: z.number().int().min(1).max(500).default(100),
    /**
     * How the total and the counts per state are given: `exact`; `quick` (exact, or estimated when a search matches
     * many rows: the answer says which); `none` (not counted: a further window of a list whose counts the caller has,
     * its `total` given so the window is read the cheapest way).
     */
    counts: z.enum(['exact', 'quick', 'none']).default('exact'),
    total: z.number().int().min(0).max(10_000_000).optional(),
  })
  .strict()
  .refine((query) => query.counts !== 'none' || query.total !== undefined, {
    message: 'total: required when counts is "none" (the total of the list the window is from)',
    path: ['total'],
  });

export const appointmentRowSchema = z.object({
  key: z.string(),
  company: z.string(),
  serviceCall: z.string(),
  appointment: z.string(),
  customer: z.string(),
  status: z.string(),
  technicianId: z.string().nullable(),
  technicianName: z.string().nullable(),
  taskDate: z.string().nullable(),
  completedAt: z.string().nullable(),
  state: verdictStateSchema,
  codes: z.array(z.string()),
  summary: z.string(),
  /** Bits: 1 Site History, 2 Workflow, 4 Resolution. */
  notesMask: z.number().int(),
  transcripts: z.number().int(),
  /** When Schedule deleted it (only under the "Deleted" filter), and the Vision job it left behind. */
  deletedAt: z.string().nullable(),
  jobId: z.string().nullable(),
});
export type AppointmentRow = z.infer<typeof appointmentRowSchema>;

export const stateCountsSchema = z.object({
  ok: z.number().int(),
  waiting: z.number().int(),
  'needs-action': z.number().int(),
  blocked: z.number().int(),
});

export const appointmentPageSchema = z.object({
  total: z.number().int(),
  rows: z.array(appointmentRowSchema),
  /** Null when not asked for (counts "none"). */
  counts: stateCountsSchema.nullable(),
  /** How the total and counts were had: counted exactly, estimated from a sample (a broad search), or not at all. */
  counted: z.enum(['exact', 'estimate', 'none']),
  /** When the verdicts were last computed (null: not yet). */
  computedAt: z.string().nullable(),
});
export type AppointmentPage = z.infer<typeof appointmentPageSchema>;

export const evidenceSchema = z.object({ label: z.string(), value: z.string(), at: z.string().optional() });

export const verdictSchema = z.object({
  key: z.string(),
  state: verdictStateSchema,
  codes: z.array(z.string()),
  inferred: z.array(z.string()),
  summary: z.string(),
  evidence: z.array(evidenceSchema),
  nextStep: z.string(),
});
export type VerdictView = z.infer<typeof verdictSchema>;

export const timelineEventSchema = z.object({
  at: z.string(),
  kind: z.enum(['created', 'history', 'note', 'device-sync', 'xoi-poll', 'now']),
  title: z.string(),
  detail: z.string(),
});
export type TimelineEvent = z.infer<typeof timelineEventSchema>;

export const noteViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  text: z.string(),
  url: z.string().nullable(),
  /** The URL may be opened in the browser (http/https only); otherwise it is shown as text. */
  urlOpenable: z.boolean(),
  internal: z.boolean(),
  readOnly: z.boolean(),
  createdAt: z.string(),
  author: z.string(),
});

export const appointmentDetailSchema = z.object({
  row: appointmentRowSchema,
  estimatedHours: z.number().nullable(),
  createdIn: z.string(),
  createdAt: z.string(),
  modifiedAt: z.string(),
  companyName: z.string().nullable(),
  technician: z
    .object({ id: z.string(), name: z.string(), email: z.string().nullable(), lastDeviceSyncAt: z.string().nullable() })
    .nullable(),
  verdict: verdictSchema,
  timeline: z.array(timelineEventSchema),
  notes: z.array(noteViewSchema),
  /** xoi-vision:// link to the job, built as XOi's deep-linking docs describe (null when no job is known). */
  deepLink: z.string().nullable(),
  jobId: z.string().nullable(),
  diagnosedAt: z.string(),
});
export type AppointmentDetail = z.infer<typeof appointmentDetailSchema>;

export const technicianRowSchema = z.object({
  id: z.string(),
  name: z.string(),
  mobileTechEmail: z.string().nullable(),
  xoiEmail: z.string().nullable(),
  xoiState: z.enum(['ok', 'no-email', 'not-user', 'disabled', 'mismatch', 'unknown']),
  certainty: z.enum(['certain', 'likely', 'unknown']),
  eligible: z.number().int(),
  withJobNotes: z.number().int(),
  lastDeviceSyncAt: z.string().nullable(),
});
export type TechnicianRow = z.infer<typeof technicianRowSchema>;

export const filterOptionsSchema = z.object({
  companies: z.array(z.object({ id: z.string(), name: z.string(), active: z.boolean() })),
  technicians: z.array(z.object({ id: z.string(), name: z.string() })),
  codes: z.array(z.object({ code: z.string(), title: z.string(), state: verdictStateSchema, count: z.number().int() })),
});

export const dashboardSchema = z.object({
  counts: stateCountsSchema,
  funnel: z.object({
    appointments: z.number().int(),
    eligible: z.number().int(),
    jobNotes: z.number().int(),
    completed: z.number().int(),
    resolution: z.number().int(),
    transcripts: z.number().int(),
  }),
  /** Minutes from eligibility to XOi Site History, completion to Resolution, completion to first transcript: counts per bucket. */
  latency: z.array(
    z.object({
      bucket: z.string(),
      siteHistory: z.number().int(),
      resolution: z.number().int(),
      transcript: z.number().int(),
    }),
  ),
  medians: z.object({
    siteHistoryMinutes: z.number().nullable(),
    resolutionMinutes: z.number().nullable(),
    transcriptMinutes: z.number().nullable(),
  }),
  computedAt: z.string().nullable(),
});
export type Dashboard = z.infer<typeof dashboardSchema>;
