import type { z } from 'zod';
import { isSupportedSchedule } from '../../../shared/domain/versions';
import { describeZodError } from '../../../shared/validation';
import { httpRequest, parseRetryAfter, sanitizeServerText, type FetchLike } from '../http/http-request';
import { TransportFailure } from '../http/transport-failure';
import {
  CONTRACT_VERSION,
  errorBodySchema,
  feedPageSchema,
  integrationSchema,
  listOf,
  pingSchema,
  roleSchema,
  setPasswordResultSchema,
  statusSchema,
  systemSchema,
  technicianSchema,
  companySchema,
  userSchema,
  xoiActivitySchema,
  noteSchema,
  historyEntrySchema,
  type FeedName,
  type NewNote,
  type Ping,
} from './contract';
import { fromTransportFailure, ScheduleError } from './errors';
import { assertMaySend, originOf } from '../secrets/bound-secret';
import type { AppointmentKey } from '../../../shared/domain/appointment-key';

export interface ScheduleCredentials {
  userName: string;
  password: string;
  /**
   * The origins a stored password is bound to (see secrets/bound-secret.ts); it is never sent anywhere else. Omitted
   * only for a password typed for this very client (the command line's --password-stdin, the sandbox's published one).
   */
  boundTo?: readonly string[];
}

export interface ScheduleClientOptions {
  /** The Schedule API URL; paths such as /v1/system are appended to it. */
  baseUrl: string;
  credentials?: ScheduleCredentials;
  timeoutMs?: number;
  fetch?: FetchLike;
  now?: () => number;
  signal?: AbortSignal;
}

export interface FeedPage {
  items: unknown[];
  nextCursor: string;
  hasMore: boolean;
  remaining?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const MAX_FEED_LIMIT = 1000;

function joinUrl(base: string, path: string): string {
  return `${base.replace(/\/+$/, '')}${path}`;
}

function basicAuth(credentials: ScheduleCredentials): string {
  return `Basic ${Buffer.from(`${credentials.userName}:${credentials.password}`, 'utf8').toString('base64')}`;
}

function keyPath(key: AppointmentKey): string {
  return [key.company, key.serviceCall, key.appointment].map(encodeURIComponent).join('/');
}

/** The one adapter between the console and a Schedule API (contract v1, docs/schedule-api-v1.md). */
export function createScheduleClient(options: ScheduleClientOptions) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const now = options.now ?? Date.now;
  let parsedBase: URL | null = null;
  try {
    parsedBase = new URL(options.baseUrl);
  } catch {
    parsedBase = null;
  }

  function httpError(status: number, text: string, headers: Headers, path: string): ScheduleError {
    const body = (() => {
      try {
        return errorBodySchema.safeParse(JSON.parse(text));
      } catch {
        return null;
      }
    })();
    const serverMessage = body?.success ? sanitizeServerText(body.data.error.message) : '';
    const retryAfterMs = parseRetryAfter(headers.get('retry-after'), now());
    if (status === 401) {
      return new ScheduleError(
        'AUTH_REJECTED',
        'The Schedule server rejected the user name or password.',
        'Check the user name and enter the password again.',
        { status },
      );
    }
    if (status === 403) {
      return new ScheduleError(
        'FORBIDDEN',
        `The user ${options.credentials?.userName ?? ''} is not allowed to do this on the Schedule server.`,
        'Use a Schedule account with the Administrator role.',
        { status },
      );
    }
    if (status === 410) {
      return new ScheduleError(
        'CURSOR_EXPIRED',
        "The Schedule server no longer recognises the mirror's position (its data was reset or restored).",
        'The console reads everything again from the start.',
        { status },
      );
    }
    if (status === 429) {
      return new ScheduleError(
        'RATE_LIMITED',
        'The Schedule server asked the console to slow down.',
        'Nothing to do: the console waits as asked and tries again.',
        { status, retryable: true, retryAfterMs },
      );
    }
    if (status >= 500) {
      return new ScheduleError(
        'SERVER_ERROR',
        `The Schedule server had an internal error (HTTP ${status}).`,
        'The console tries again by itself; if it lasts, ask IT to check the Schedule web service.',
        { status, retryable: true, retryAfterMs },
      );
    }
    if (status === 404 && !body?.success) {
      return new ScheduleError(
        'NOT_SCHEDULE_API',
        `${parsedBase?.toString() ?? options.baseUrl} answered, but it is not a Schedule API (no ${path}).`,
        "Use the API URL shown in Schedule's Integrations tab.",
        { status },
      );
    }
    if (status === 404) {
      return new ScheduleError(
        'NOT_FOUND',
        serverMessage || 'The Schedule server does not know this item.',
        'Refresh the mirror; the item may have been deleted.',
        { status },
      );
    }
    return new ScheduleError(
      'REQUEST_REJECTED',
      `The Schedule server refused the request${serverMessage ? `: ${serverMessage}` : ` (HTTP ${status})`}.`,
      'Correct the value named above and try again.',
      { status },
    );
  }

  async function call<S extends z.ZodType>(
    path: string,
    schema: S,
    init: { method?: 'GET' | 'POST' | 'PUT'; body?: unknown; anonymous?: boolean } = {},
  ): Promise<z.output<S>> {
    const url = joinUrl(options.baseUrl, path);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (!init.anonymous && options.credentials) {
      assertMaySend(options.credentials.boundTo ?? [originOf(options.baseUrl) ?? ''], url, 'Schedule password');
      headers.Authorization = basicAuth(options.credentials);
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    const send = () =>
      httpRequest({
        url,
        method: init.method ?? 'GET',
        headers,
        body: init.body === undefined ? undefined : JSON.stringify(init.body),
        timeoutMs,
        fetch: options.fetch,
        signal: options.signal,
      });
    let response;
    try {
      try {
        response = await send();
      } catch (error) {
        // A kept-alive connection the server has since closed fails at once; a read can safely be sent again.
        if (!(error instanceof TransportFailure && error.kind === 'reset' && (init.method ?? 'GET') === 'GET'))
          throw error;
        response = await send();
      }
    } catch (error) {
      if (error instanceof TransportFailure) throw fromTransportFailure(error, parsedBase, timeoutMs);
      throw error;
    }
    if (response.status < 200 || response.status >= 300)
      throw httpError(response.status, response.text, response.headers, path);
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      throw new ScheduleError(
        'MALFORMED_RESPONSE',
        'The Schedule server sent an answer that is not valid JSON.',
        'The console tries again by itself; if it keeps happening, send the log to support.',
        { retryable: true },
      );
    }
    const parsed = schema.safeParse(json);
    if (!parsed.success) {
      throw new ScheduleError(
        'MALFORMED_RESPONSE',
        `The Schedule server's answer to ${path.split('?')[0]} does not match contract v1 (${sanitizeServerText(describeZodError(parsed.error, 'answer'), 200)}).`,
        'Check that the server runs a supported Schedule version; send the log to support.',
        { retryable: false },
      );
    }
    return parsed.data;
  }

  return {
    /** Unauthenticated: is this a Schedule API, and which version? */
    async ping(): Promise<Ping> {
      let answer: Ping;
      try {
        answer = await call('/v1/ping', pingSchema, { anonymous: true });
      } catch (error) {
        if (
          error instanceof ScheduleError &&
          (error.code === 'MALFORMED_RESPONSE' ||
            error.code === 'NOT_FOUND' ||
            error.code === 'REQUEST_REJECTED' ||
            error.code === 'AUTH_REJECTED' ||
            error.code === 'FORBIDDEN')
        ) {
          throw new ScheduleError(
            'NOT_SCHEDULE_API',
            `${parsedBase?.toString() ?? options.baseUrl} answered, but not as a Schedule API v1.`,
            "Use the API URL shown in Schedule's Integrations tab.",
          );
        }
        throw error;
      }
      if (answer.contractVersion !== CONTRACT_VERSION || !isSupportedSchedule(answer.scheduleVersion)) {
        throw new ScheduleError(
          'UNSUPPORTED_VERSION',
          `This server runs Schedule ${answer.scheduleVersion} (API contract v${answer.contractVersion}); the console needs Schedule 4.5 or later with contract v${CONTRACT_VERSION}.`,
          'Upgrade Schedule to 4.5 or later (XOi needs it too), then test the connection again.',
        );
      }
      return answer;
    },
    system: () => call('/v1/system', systemSchema),
    companies: async () => (await call('/v1/companies', listOf(companySchema))).items,
    integration: () => call('/v1/integrations/xoi', integrationSchema),
    setIntegrationPassword: (password: string) =>
      call('/v1/integrations/xoi/password', setPasswordResultSchema, { method: 'PUT', body: { password } }),
    xoiActivity: () => call('/v1/integrations/xoi/activity', xoiActivitySchema),
    users: async () => (await call('/v1/users', listOf(userSchema))).items,
    roles: async () => (await call('/v1/roles', listOf(roleSchema))).items,
    technicians: async () => (await call('/v1/technicians', listOf(technicianSchema))).items,
    statuses: async () => (await call('/v1/statuses', listOf(statusSchema))).items,
    /** One page of a change feed after `cursor` (null: from the beginning). Items are parsed by the caller, one by one. */
    changes: (feed: FeedName, cursor: string | null, limit: number): Promise<FeedPage> => {
      const query = new URLSearchParams({ limit: String(Math.min(Math.max(1, limit), MAX_FEED_LIMIT)) });
      if (cursor !== null) query.set('after', cursor);
      return call(`/v1/${feed}/changes?${query.toString()}`, feedPageSchema);
    },
    appointmentHistory: async (key: AppointmentKey) =>
      (await call(`/v1/appointments/${keyPath(key)}/history`, listOf(historyEntrySchema))).items,
    addNote: (key: AppointmentKey, note: NewNote) =>
      call(`/v1/appointments/${keyPath(key)}/notes`, noteSchema, { method: 'POST', body: note }),
  };
}

export type ScheduleClient = ReturnType<typeof createScheduleClient>;
