import { z } from 'zod';
import { describeZodError } from '../../../shared/validation';
import { httpRequest, type FetchLike } from '../http/http-request';
import { TransportFailure } from '../http/transport-failure';
import { registerSecret } from '../logging/secret-registry';
import { assertMaySend, originsOf } from '../secrets/bound-secret';
import { backoffDelay, DEFAULT_REQUEST_RETRY, type RequestRetry } from '../http/backoff';
import { graphqlError, keyRejected, malformed, XoiError, xoiTransportError } from './errors';

/**
 * XOi's public API, as its integration docs describe it: a token from the API key and secret (JSON POST), valid 60
 * minutes, sent as the whole Authorization header with no prefix; GraphQL over HTTP POST for users and jobs.
 */
export interface XoiEndpoints {
  tokenUrl: string;
  usersUrl: string;
  jobsUrl: string;
}

export interface XoiClientOptions extends XoiEndpoints {
  apiKey: string;
  apiSecret: string;
  /** Retries passing failures (server errors, cut or garbled answers) inside a sync pass. */
  retry?: RequestRetry;
  /**
   * The origins stored key and secret are bound to; neither they nor a token made from them go anywhere else. Omitted
   * only for credentials typed for these very endpoints (the command line).
   */
  boundTo?: readonly string[];
  fetch?: FetchLike;
  now?: () => number;
  timeoutMs?: number;
}

export const TOKEN_LIFETIME_MS = 60 * 60_000;
/** A token is renewed this long before its 60 minutes run out. */
export const TOKEN_RENEW_MARGIN_MS = 5 * 60_000;

const tokenSchema = z.object({ token: z.string().min(1) });
const userSchema = z.object({
  id: z.string().min(1),
  email: z.string(),
  given_name: z.string().nullable().optional(),
  family_name: z.string().nullable().optional(),
  enabled: z.boolean().nullable().optional(),
});
export type XoiApiUser = z.infer<typeof userSchema>;
const listUsersSchema = z.object({
  listUsers: z.object({
    userConnection: z.object({ items: z.array(userSchema), nextToken: z.string().nullable().optional() }),
  }),
});
const getUserSchema = z.object({ getUser: z.object({ user: userSchema.nullable() }) });
const jobSchema = z.object({
  id: z.string(),
  workOrderNumber: z.string().nullable().optional(),
  deepLinks: z.object({ visionWeb: z.string(), visionMobile: z.string() }).nullable().optional(),
});
export type XoiApiJob = z.infer<typeof jobSchema>;
const graphqlEnvelope = z.object({
  data: z.unknown().optional(),
  errors: z.array(z.object({ message: z.string() })).optional(),
});

const JOB_FIELDS = 'id workOrderNumber deepLinks { visionWeb visionMobile }';

export function createXoiClient(options: XoiClientOptions) {
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 20_000;
  let token: { value: string; expiresAt: number } | null = null;
  const boundTo = options.boundTo ?? originsOf([options.tokenUrl, options.usersUrl, options.jobsUrl]);
  registerSecret(options.apiKey);
  registerSecret(options.apiSecret);

  async function send(url: string, init: { body: unknown; headers?: Record<string, string> }) {
    try {
      return await httpRequest({
        url,
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'application/json', ...init.headers },
        body: JSON.stringify(init.body),
        timeoutMs,
        fetch: options.fetch,
      });
    } catch (error) {
      if (error instanceof TransportFailure) throw xoiTransportError(error, url);
      throw error;
    }
  }

  /** Every exchange with XOi is a read (a token, a query): one that failed for a passing reason is sent again. */
  async function withRetry<T>(operation: () => Promise<T>): Promise<T> {
    const retry = options.retry;
    const policy = retry?.policy ?? DEFAULT_REQUEST_RETRY;
    for (let attempt = 0; ; attempt++) {
      try {
        return await operation();
      } catch (error) {
        const passing = error instanceof XoiError && error.retryable;
        if (!retry || !passing || attempt + 1 >= policy.maxAttempts || !retry.budget.take()) throw error;
        await retry.sleep(backoffDelay(attempt, retry.random, policy));
      }
    }
  }

  async function freshToken(): Promise<string> {
    assertMaySend(boundTo, options.tokenUrl, 'XOi API key and secret');
    const response = await send(options.tokenUrl, { body: { api_key: options.apiKey, api_secret: options.apiSecret } });
    if (response.status === 401 || response.status === 403) throw keyRejected();
    if (response.status >= 500)
      throw new XoiError(
        'XOI_SERVER_ERROR',
        `XOi's token service had an error (HTTP ${response.status}).`,
        'Try again later.',
        true,
      );
    if (response.status !== 200) throw malformed(`HTTP ${response.status} from the token service`);
    let parsed;
    try {
      parsed = tokenSchema.safeParse(JSON.parse(response.text));
    } catch {
      throw malformed('the token answer is not JSON');
    }
    if (!parsed.success) throw malformed(describeZodError(parsed.error, 'token answer'));
    registerSecret(parsed.data.token);
    token = { value: parsed.data.token, expiresAt: now() + TOKEN_LIFETIME_MS };
    return token.value;
  }

  async function currentToken(): Promise<string> {
    if (token && now() < token.expiresAt - TOKEN_RENEW_MARGIN_MS) return token.value;
    return freshToken();
  }

  function graphql<S extends z.ZodType>(
    url: string,
    query: string,
    variables: Record<string, unknown>,
    schema: S,
  ): Promise<z.output<S>> {
    return withRetry(() => graphqlOnce(url, query, variables, schema));
  }

  async function graphqlOnce<S extends z.ZodType>(
    url: string,
    query: string,
    variables: Record<string, unknown>,
    schema: S,
  ): Promise<z.output<S>> {
    assertMaySend(boundTo, url, 'XOi API key and secret');
    let response = await send(url, { body: { query, variables }, headers: { Authorization: await currentToken() } });
    if (response.status === 401) {
      // The token was refused before its time (revoked, clock skew): renew it once.
      token = null;
      response = await send(url, { body: { query, variables }, headers: { Authorization: await freshToken() } });
      if (response.status === 401)
        throw new XoiError(
          'XOI_TOKEN_REJECTED',
          'XOi refused a fresh token.',
          'Check that the API key and secret are for the chosen environment.',
        );
    }
    if (response.status >= 500)
      throw new XoiError(
        'XOI_SERVER_ERROR',
        `XOi's API had an error (HTTP ${response.status}).`,
        'Try again later.',
        true,
      );
    let json: unknown;
    try {
      json = JSON.parse(response.text);
    } catch {
      throw malformed('the answer is not JSON');
    }
    const envelope = graphqlEnvelope.safeParse(json);
    if (!envelope.success) throw malformed('not a GraphQL answer');
    const firstError = envelope.data.errors?.[0];
    if (firstError) throw graphqlError(firstError.message);
    if (response.status !== 200) throw malformed(`HTTP ${response.status}`);
    const data = schema.safeParse(envelope.data.data);
    if (!data.success) throw malformed(describeZodError(data.error, 'data'));
    return data.data;
  }

  return {
    async listUsers(limit: number, nextToken: string | null) {
      const result = await graphql(
        options.usersUrl,
        'query ListUsers($input: ListUsersInput!) { listUsers(input: $input) { userConnection { items { id email given_name family_name enabled } nextToken } } }',
        { input: { limit, nextToken: nextToken ?? '' } },
        listUsersSchema,
      );
      return {
        items: result.listUsers.userConnection.items,
        nextToken: result.listUsers.userConnection.nextToken || null,
      };
    },
    /** Every user, page by page (listUsers with limit and nextToken). */
    async allUsers(pageSize = 50, maxPages = 1000): Promise<XoiApiUser[]> {
      const users: XoiApiUser[] = [];
      let next: string | null = null;
      for (let page = 0; page < maxPages; page++) {
        const result = await this.listUsers(pageSize, next);
        users.push(...result.items);
        if (!result.nextToken || result.nextToken === next) return users;
        next = result.nextToken;
      }
      throw malformed(`more than ${maxPages} pages of users`);
    },
    async getUser(id: string) {
      return (
        await graphql(
          options.usersUrl,
          'query GetUser($input: GetUserInput!) { getUser(input: $input) { user { id email given_name family_name enabled } } }',
          { input: { id } },
          getUserSchema,
        )
      ).getUser.user;
    },
    async jobByIntegrationEntityId(id: string, namespace: string): Promise<XoiApiJob | null> {
      const result = await graphql(
        options.jobsUrl,
        `query Job($input: GetJobByIntegrationEntityIdInput!) { getJobByIntegrationEntityId(input: $input) { job { ${JOB_FIELDS} } } }`,
        { input: { integrationEntityId: { id, namespace } } },
        z.object({ getJobByIntegrationEntityId: z.object({ job: jobSchema.nullable() }) }),
      );
      return result.getJobByIntegrationEntityId.job;
    },
    async jobsByWorkOrder(workOrderNumber: string): Promise<XoiApiJob[]> {
      const result = await graphql(
        options.jobsUrl,
        `query Jobs($input: ListJobsInput!) { listJobs(input: $input) { jobConnection { items { ${JOB_FIELDS} } nextToken } } }`,
        { input: { workOrderNumber, limit: 10 } },
        z.object({ listJobs: z.object({ jobConnection: z.object({ items: z.array(jobSchema) }) }) }),
      );
      return result.listJobs.jobConnection.items;
    },
  };
}

export type XoiClient = ReturnType<typeof createXoiClient>;
