import { z } from 'zod';

export const hostKindSchema = z.enum(['electron', 'web']);
export type HostKind = z.infer<typeof hostKindSchema>;

export const appInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  host: hostKindSchema,
  platform: z.string(),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

export const noticeSchema = z.object({
  level: z.enum(['info', 'warning', 'error']),
  message: z.string(),
  nextStep: z.string().optional(),
  at: z.string(),
});
export type Notice = z.infer<typeof noticeSchema>;
