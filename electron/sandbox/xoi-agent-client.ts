import type { AppointmentKey } from '../../shared/domain/appointment-key';
import {
  companySchema,
  feedPageSchema,
  listOf,
  noteSchema,
  statusSchema,
  technicianSchema,
  type NewNote,
} from '../engine/schedule/contract';
import type { z } from 'zod';

/** A refusal from the Schedule API, with its code (AUTH_REJECTED, NOT_FOUND...), as XOi would read it. */
export class AgentCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'AgentCallError';
  }
}

/**
 * The simulated XOi's own client of the Schedule API: XOi is another party, so it speaks only the published contract
 * (engine/schedule/contract.ts), never the console's client.
 */
export function createAgentClient(options: { baseUrl: string; userName: string; password: string; timeoutMs: number }) {
  const authorization = `Basic ${Buffer.from(`${options.userName}:${options.password}`).toString('base64')}`;
  const call = async <T extends z.ZodType>(path: string, schema: T, body?: unknown): Promise<z.output<T>> => {
    const response = await fetch(new URL(path, options.baseUrl), {
      method: body === undefined ? 'GET' : 'POST',
      headers: { Authorization: authorization, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      body: body === undefined ? null : JSON.stringify(body),
      signal: AbortSignal.timeout(options.timeoutMs),
    });
    const json = (await response.json().catch(() => null)) as { error?: { code?: string; message?: string } } | null;
    if (!response.ok)
      throw new AgentCallError(
        json?.error?.code ?? `HTTP_${response.status}`,
        json?.error?.message ?? response.statusText,
      );
    return schema.parse(json);
  };
  const keyPath = (key: AppointmentKey) =>
    [key.company, key.serviceCall, key.appointment].map(encodeURIComponent).join('/');
  return {
    companies: async () => (await call('/v1/companies', listOf(companySchema))).items,
    technicians: async () => (await call('/v1/technicians', listOf(technicianSchema))).items,
    statuses: async () => (await call('/v1/statuses', listOf(statusSchema))).items,
    changes: (feed: 'appointments', cursor: string | null, limit: number) => {
      const query = new URLSearchParams({ limit: String(limit) });
      if (cursor !== null) query.set('after', cursor);
      return call(`/v1/${feed}/changes?${query.toString()}`, feedPageSchema);
    },
    addNote: (key: AppointmentKey, note: NewNote) => call(`/v1/appointments/${keyPath(key)}/notes`, noteSchema, note),
  };
}

export type AgentClient = ReturnType<typeof createAgentClient>;
