import { z } from 'zod';
import { XOI_ENVIRONMENTS } from './profiles';

export const xoiStatusSchema = z.object({
  configured: z.boolean(),
  environment: z.enum(XOI_ENVIRONMENTS).nullable(),
  tokenUrl: z.string().nullable(),
  usersUrl: z.string().nullable(),
  jobsUrl: z.string().nullable(),
  lastCheckAt: z.string().nullable(),
  userCount: z.number().int().nullable(),
  error: z.object({ code: z.string(), message: z.string(), nextStep: z.string() }).nullable(),
});
export type XoiStatus = z.infer<typeof xoiStatusSchema>;

export const xoiSaveArgsSchema = z
  .object({
    environment: z.enum(XOI_ENVIRONMENTS),
    tokenUrl: z.string().max(2048).optional(),
    usersUrl: z.string().max(2048).optional(),
    jobsUrl: z.string().max(2048).optional(),
    /** Omit to keep the stored key and secret. */
    apiKey: z.string().max(1024).optional(),
    apiSecret: z.string().max(4096).optional(),
  })
  .strict();

export const xoiJobSchema = z.object({
  found: z.boolean(),
  jobId: z.string().nullable(),
  workOrderNumber: z.string().nullable(),
  visionWeb: z.string().nullable(),
  visionMobile: z.string().nullable(),
  lookedUpBy: z.enum(['integration-entity-id', 'work-order']).nullable(),
});
