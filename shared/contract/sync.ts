import { z } from 'zod';

/** What the poller is doing, pushed to the renderer as `sync.status` events. */
export const syncStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('stopped'), lastSuccessAt: z.string().nullable() }),
  z.object({ state: z.literal('idle'), lastSuccessAt: z.string().nullable(), nextRunAt: z.string().nullable() }),
  z.object({ state: z.literal('paused'), lastSuccessAt: z.string().nullable() }),
  z.object({
    state: z.literal('running'),
    startedAt: z.string(),
    lastSuccessAt: z.string().nullable(),
    /** True until the mirror has completed one full pass: the screens show a progress bar. */
    firstMirror: z.boolean(),
    feed: z.string(),
    pagesDone: z.number().int(),
    rowsSoFar: z.number().int(),
    feedRows: z.number().int(),
    /** The current feed's expected total, when the server says how much remains. */
    feedEstimate: z.number().int().nullable(),
  }),
  z.object({
    state: z.literal('error'),
    code: z.string(),
    message: z.string(),
    nextStep: z.string(),
    nextRetryAt: z.string().nullable(),
    lastSuccessAt: z.string().nullable(),
  }),
  z.object({
    state: z.literal('needs-credentials'),
    code: z.string(),
    message: z.string(),
    nextStep: z.string(),
    lastSuccessAt: z.string().nullable(),
  }),
]);
export type SyncStatus = z.infer<typeof syncStatusSchema>;

export const feedCountsSchema = z.record(
  z.string(),
  z.object({ upserted: z.number().int(), deleted: z.number().int(), rejected: z.number().int() }),
);

export const syncRunSchema = z.object({
  id: z.number().int(),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  outcome: z.enum(['running', 'ok', 'error', 'stalled', 'cancelled']),
  errorCode: z.string().nullable(),
  errorMessage: z.string().nullable(),
  rows: feedCountsSchema,
});
