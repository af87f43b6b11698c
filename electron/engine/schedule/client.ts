import type { z } from 'zod';
import { checkVersion } from '../../../shared/domain/versions';
import { describeZodError } from '../../../shared/validation';
import { backoffDelay, DEFAULT_REQUEST_RETRY, type RequestRetry } from '../http/backoff';
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
  /** Cancels every request of this client (a stopped or stalled pass). */
  signal?: AbortSignal;
  /** Retries reads inside a sync pass; without it every failure is reported at once (Test connection). */
  retry?: RequestRetry;
}

/** The failures worth sending a read again for, inside the same pass. */
const PASSING_FAILURES = new Set(['SERVER_ERROR', 'RATE_LIMITED', 'CONNECTION_RESET', 'TIMEOUT', 'MALFORMED_RESPONSE']);

function isPassingFailure(error: unknown): error is ScheduleError {
  return error instanceof ScheduleError && error.retryable && PASSING_FAILURES.has(error.code);
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

  interface CallInit {
    method?: 'GET' | 'POST' | 'PUT';
    body?: unknown;
    anonymous?: boolean;
    /** A conditional read: the server answers 304 when its version is still this one. */
    ifNoneMatch?: string | null;
  }

  /** One exchange: sent (once more on a stale kept-alive connection), checked, parsed. */
  async function exchange<S extends z.ZodType>(
    path: string,
    schema: S,
    init: CallInit,
  ): Promise<{ value: z.output<S>; etag: string | null } | { notModified: true }> {
    const url = joinUrl(options.baseUrl, path);
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (!init.anonymous && options.credentials) {
      assertMaySend(options.credentials.boundTo ?? [originOf(options.baseUrl) ?? ''], url, 'Schedule password');
      headers.Authorization = basicAuth(options.credentials);
    }
    if (init.body !== undefined) headers['Content-Type'] = 'application/json';
    if (init.ifNoneMatch) headers['If-None-Match'] = init.ifNoneMatch;
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
    if (response.status === 304 && init.ifNoneMatch) return { notModified: true };
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
    return { value: parsed.data, etag: response.headers.get('etag') };
  }

  /**
   * An exchange, with reads retried inside the pass when the failure is passing (server error, rate limit, a cut or
   * garbled answer, a timeout): full-jitter backoff, or as long as the server asks, within the pass's retry budget.
   * Writes, refused logins and answers that break the contract are never retried.
   */
  async function exchangeWithRetry<S extends z.ZodType>(path: string, schema: S, init: CallInit) {
    const retry = options.retry;
    const policy = retry?.policy ?? DEFAULT_REQUEST_RETRY;
    for (let attempt = 0; ; attempt++) {
      try {
        return await exchange(path, schema, init);
      } catch (error) {
        const idempotent = (init.method ?? 'GET') === 'GET';
        if (!retry || !idempotent || !isPassingFailure(error) || attempt + 1 >= policy.maxAttempts) throw error;
        const wait = error.retryAfterMs ?? backoffDelay(attempt, retry.random, policy);
        if (wait > policy.maxWaitMs || !retry.budget.take()) throw error;
        await retry.sleep(wait, options.signal);
      }
    }
  }

  async function call<S extends z.ZodType>(path: string, schema: S, init: CallInit = {}): Promise<z.output<S>> {
    const answer = await exchangeWithRetry(path, schema, init);
    if ('notModified' in answer) throw new Error(`${path}: 304 without a conditional request`);
    return answer.value;
  }

  /** A reference list, unless it is unchanged since `etag` (null: it is). */
  async function listIfChanged<S extends z.ZodType>(
    path: string,
    schema: S,
    etag: string | null,
  ): Promise<{ items: z.output<S>[]; etag: string | null } | null> {
    const answer = await exchangeWithRetry(path, listOf(schema), { ifNoneMatch: etag });
    if ('notModified' in answer) return null;
    return { items: answer.value.items as z.output<S>[], etag: answer.etag };
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
      if (
        answer.contractVersion !== CONTRACT_VERSION ||
        checkVersion('schedule', answer.scheduleVersion) === 'unsupported'
      ) {
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
    /** The reference lists, each only when it changed since the version (ETag) the mirror holds. */
    companiesIfChanged: (etag: string | null) => listIfChanged('/v1/companies', companySchema, etag),
    techniciansIfChanged: (etag: string | null) => listIfChanged('/v1/technicians', technicianSchema, etag),
    statusesIfChanged: (etag: string | null) => listIfChanged('/v1/statuses', statusSchema, etag),
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
