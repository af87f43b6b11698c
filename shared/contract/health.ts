import { z } from 'zod';

export const HEALTH_SEVERITIES = ['blocked', 'needs-action', 'warning', 'info'] as const;
export type HealthSeverity = (typeof HEALTH_SEVERITIES)[number];

/** What the console can do about a condition itself, from the banner's button. */
export const HEALTH_ACTIONS = [
  'open-setup',
  'test-connection',
  'print-setup-sheet',
  'sync-now',
  'resume-sync',
  'rebuild-mirror',
  'open-keychain-help',
  'open-connection-settings',
  'open-technicians',
  'open-appointments',
] as const;

export const healthConditionSchema = z.object({
  /** Stable per cause (and per technician or company for shared causes): how "appeared" and "cleared" are told. */
  id: z.string(),
  severity: z.enum(HEALTH_SEVERITIES),
  title: z.string(),
  /** What is wrong, in one or two plain sentences. */
  detail: z.string(),
  /** What to do, when the button alone does not say it. */
  nextStep: z.string(),
  since: z.string().nullable(),
  evidence: z.array(z.object({ label: z.string(), value: z.string(), at: z.string().optional() })),
  /** How many appointments it holds back, when that is known. */
  affected: z.number().int().nullable(),
  fix: z
    .object({
      action: z.enum(HEALTH_ACTIONS),
      label: z.string(),
      /** For open-appointments: the reason code to filter by; for open-technicians: the technician. */
      target: z.string().optional(),
    })
    .nullable(),
});
export type HealthCondition = z.infer<typeof healthConditionSchema>;

export const CHECKLIST_STEPS = ['connect', 'test', 'setup', 'send-sheet', 'first-mirror'] as const;
export type ChecklistStep = (typeof CHECKLIST_STEPS)[number];

export const healthReportSchema = z.object({
  /** Worst first; empty when all is well. */
  conditions: z.array(healthConditionSchema),
  worst: z.enum(HEALTH_SEVERITIES).nullable(),
  checkedAt: z.string(),
  /** The first-run checklist of the active connection: each step and whether it is done. */
  checklist: z.array(z.object({ step: z.enum(CHECKLIST_STEPS), label: z.string(), done: z.boolean() })),
});
export type HealthReport = z.infer<typeof healthReportSchema>;
