import { z } from 'zod';
import { STATUS_CATEGORIES } from '../../../shared/domain/statuses';
import { utcInstant } from '../../../shared/time';

/**
 * Schedule API contract v1: the zod schemas the client parses every answer with (docs/schedule-api-v1.md is the
 * prose). WennSoft does not publish the Schedule API; this contract is ours, and the sandbox implements it.
 */
export const CONTRACT_VERSION = 1;
export const PRODUCT_NAME = 'WennSoft Schedule';

/** An ISO 8601 date-time with an offset, as the server writes it: the check alone. */
export const isoDateTimeText = z.iso.datetime({ offset: true, message: 'expected an ISO 8601 date-time' });
/** The same, converted on arrival to the one form the console keeps: UTC to the millisecond (`utcInstant`). */
export const isoDateTime = isoDateTimeText.transform(utcInstant);
const idPart = z
  .string()
  .min(1)
  .max(64)
  .refine((value) => !value.includes('/'), 'must not contain "/"');

export const pingSchema = z.object({
  product: z.literal(PRODUCT_NAME),
  contractVersion: z.number().int(),
  scheduleVersion: z.string(),
});
export type Ping = z.infer<typeof pingSchema>;

export const systemSchema = z.object({
  scheduleVersion: z.string().min(1),
  signatureVersion: z.string().min(1),
  mobileTechVersion: z.string().min(1),
  seeRegistered: z.boolean(),
  xoiEnabledInMobileTechAdmin: z.boolean(),
  serverTime: isoDateTime,
});
export type SystemInfo = z.infer<typeof systemSchema>;

export const companySchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  active: z.boolean(),
});
export type Company = z.infer<typeof companySchema>;

export const integrationSchema = z.object({
  userName: z.string().min(1),
  apiUrl: z.string(),
  signatureVersion: z.string(),
  configured: z.boolean(),
  passwordSetAt: isoDateTime.nullable(),
  hiddenUserExists: z.boolean(),
  hiddenRoleCount: z.number().int().min(0),
  passwordMaxLength: z.number().int().positive(),
});

export const setPasswordResultSchema = z.object({
  createdUser: z.boolean(),
  createdRoles: z.number().int().min(0),
  passwordSetAt: isoDateTime,
  configured: z.literal(true),
});

export const authFailureSchema = z.object({ at: isoDateTime, reason: z.string() });
export const xoiActivitySchema = z.object({
  lastCallAt: isoDateTime.nullable(),
  lastCallResult: z.enum(['ok', 'auth-failed']).nullable(),
  authFailures: z.array(authFailureSchema),
});

export const userSchema = z.object({ userName: z.string(), role: z.string(), enabled: z.boolean() });
export const roleSchema = z.object({ name: z.string(), predefined: z.boolean(), userCount: z.number().int().min(0) });

export const technicianSchema = z.object({
  id: z.string().min(1).max(64),
  name: z.string().max(200),
  email: z.string().max(320).nullable(),
  lastDeviceSyncAt: isoDateTime.nullable(),
});
export type Technician = z.infer<typeof technicianSchema>;

export const statusSchema = z.object({
  name: z.string().min(1).max(64),
  category: z.enum(STATUS_CATEGORIES),
  builtIn: z.boolean(),
});
export type StatusEntry = z.infer<typeof statusSchema>;

export const CREATED_IN = ['Schedule', 'Signature', 'MobileTech'] as const;

export const appointmentSchema = z.object({
  company: idPart,
  serviceCall: idPart,
  appointment: idPart,
  customer: z.string().max(500),
  status: z.string().min(1).max(64),
  technician: z.string().min(1).max(64).nullable(),
  taskDate: isoDateTime.nullable(),
  estimatedHours: z.number().min(0).max(10_000).nullable(),
  completedAt: isoDateTime.nullable(),
  createdIn: z.enum(CREATED_IN),
  createdAt: isoDateTime,
  modifiedAt: isoDateTime,
});
export type Appointment = z.infer<typeof appointmentSchema>;

export const appointmentKeySchema = z.object({ company: idPart, serviceCall: idPart, appointment: idPart });

export const noteSchema = z.object({
  id: z.string().min(1).max(128),
  company: idPart,
  serviceCall: idPart,
  appointment: idPart,
  name: z.string().min(1).max(200),
  text: z.string().max(4 * 1024 * 1024),
  url: z.string().max(4096).nullable(),
  internal: z.boolean(),
  readOnly: z.boolean(),
  createdAt: isoDateTime,
  author: z.string().max(200),
});
export type Note = z.infer<typeof noteSchema>;

export const HISTORY_ACTIONS = ['Insert', 'Update', 'Delete'] as const;
export const historyEntrySchema = z.object({
  id: z.string().min(1).max(128),
  company: idPart,
  serviceCall: idPart,
  appointment: idPart,
  action: z.enum(HISTORY_ACTIONS),
  technician: z.string().max(64).nullable(),
  taskDate: isoDateTime.nullable(),
  estimatedHours: z.number().min(0).max(10_000).nullable(),
  status: z.string().max(64),
  completedAt: isoDateTime.nullable(),
  modifiedAt: isoDateTime,
  modifiedBy: z.string().max(200),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** A change-feed page: items are checked one by one by the client, so one bad row never loses the rest. */
export const feedPageSchema = z.object({
  items: z.array(z.unknown()),
  nextCursor: z.string().min(1).max(200),
  hasMore: z.boolean(),
  /** Optional: about how many changes remain after this page (for progress estimates). */
  remaining: z.number().int().min(0).optional(),
});

export const appointmentChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('upsert'), version: z.number().int().positive(), appointment: appointmentSchema }),
  z.object({ kind: z.literal('delete'), version: z.number().int().positive(), key: appointmentKeySchema }),
]);

export const noteChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('upsert'), version: z.number().int().positive(), note: noteSchema }),
  z.object({ kind: z.literal('delete'), version: z.number().int().positive(), id: z.string().min(1).max(128) }),
]);

export const historyChangeSchema = z.object({
  kind: z.literal('upsert'),
  version: z.number().int().positive(),
  entry: historyEntrySchema,
});

export const FEEDS = ['appointments', 'notes', 'history'] as const;
export type FeedName = (typeof FEEDS)[number];

export const newNoteSchema = z.object({
  name: z.string().min(1).max(200),
  text: z.string().max(4 * 1024 * 1024),
  url: z.string().max(4096).nullable().default(null),
  internal: z.boolean(),
});
export type NewNote = z.input<typeof newNoteSchema>;

export const errorBodySchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });

export const listOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** The part of a feed item the client can identify even when the rest is malformed (for the rejection record). */
export function describeFeedItem(item: unknown): string {
  if (item === null || typeof item !== 'object') return 'a non-object item';
  const record = item as Record<string, unknown>;
  const inner = (record.appointment ?? record.note ?? record.entry ?? record.key ?? record) as Record<string, unknown>;
  const parts = [inner.company, inner.serviceCall, inner.appointment].filter((part) => typeof part === 'string');
  const id = typeof inner.id === 'string' ? inner.id : typeof record.id === 'string' ? record.id : undefined;
  return [parts.join('/'), id ? `id ${id}` : ''].filter(Boolean).join(' ') || 'an unidentified item';
}
