import { randomBytes } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { buildSchema, graphql, type GraphQLSchema } from 'graphql';
import { HOUR, iso, type SandboxClock } from '../clock';
import type { SandboxWorld } from '../world/world';
import type { XoiJob, XoiUser } from '../world/types';
import { JOB_NAMESPACE } from '../world/xoi-timeline';
import { basicCredentials, json, readJsonBody, type RouteResult } from './http-kit';

/**
 * XOi's public API as the sandbox serves it, following XOi's integration docs: a token exchange (JSON POST with
 * api_key and api_secret, or GET with Basic), tokens valid 60 minutes, sent as the whole Authorization header with
 * no prefix; GraphQL over HTTP POST for users (listUsers with limit/nextToken, getUser) and jobs.
 * `enabled` on users and the job lookups' names are our reading (docs/sandbox.md), kept in one place.
 */
export const TOKEN_LIFETIME_MS = HOUR;

const usersSchema: GraphQLSchema = buildSchema(`
  input ListUsersInput { limit: Int, nextToken: String }
  input GetUserInput { id: ID! }
  type User { id: ID! email: String! given_name: String family_name: String enabled: Boolean! }
  type UserConnection { items: [User!]! nextToken: String }
  type ListUsersResult { userConnection: UserConnection! }
  type GetUserResult { user: User }
  type Query {
    listUsers(input: ListUsersInput!): ListUsersResult!
    getUser(input: GetUserInput!): GetUserResult!
  }
`);

const jobsSchema: GraphQLSchema = buildSchema(`
  input GetJobInput { id: ID! }
  input IntegrationEntityIdInput { id: String! namespace: String! }
  input GetJobByIntegrationEntityIdInput { integrationEntityId: IntegrationEntityIdInput! }
  input ListJobsInput { workOrderNumber: String limit: Int nextToken: String }
  type IntegrationEntityId { id: String! namespace: String! }
  type DeepLinks { visionWeb: String! visionMobile: String! }
  type Job {
    id: ID!
    workOrderNumber: String
    customerName: String
    assigneeIds: [String!]!
    createdAt: String!
    integrationEntityId: IntegrationEntityId
    deepLinks: DeepLinks!
  }
  type GetJobResult { job: Job }
  type JobConnection { items: [Job!]! nextToken: String }
  type ListJobsResult { jobConnection: JobConnection! }
  type Query {
    getJob(input: GetJobInput!): GetJobResult!
    getJobByIntegrationEntityId(input: GetJobByIntegrationEntityIdInput!): GetJobResult!
    listJobs(input: ListJobsInput!): ListJobsResult!
  }
`);

function pageOf<T>(
  items: readonly T[],
  limitInput: unknown,
  nextToken: unknown,
): { items: T[]; nextToken: string | null } {
  const limit = typeof limitInput === 'number' ? limitInput : 50;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) throw new Error('limit must be between 1 and 100');
  let offset = 0;
  if (typeof nextToken === 'string' && nextToken !== '') {
    try {
      offset = (JSON.parse(Buffer.from(nextToken, 'base64url').toString('utf8')) as { o: number }).o;
    } catch {
      throw new Error('Invalid nextToken');
    }
    if (!Number.isInteger(offset) || offset < 0) throw new Error('Invalid nextToken');
  }
  const slice = items.slice(offset, offset + limit);
  const next =
    offset + limit < items.length ? Buffer.from(JSON.stringify({ o: offset + limit })).toString('base64url') : null;
  return { items: slice, nextToken: next };
}

const userView = (user: XoiUser) => ({
  id: user.id,
  email: user.email,
  given_name: user.givenName,
  family_name: user.familyName,
  enabled: user.enabled,
});

function jobView(job: XoiJob) {
  const payload = encodeURIComponent(JSON.stringify({ jobId: job.id }));
  return {
    id: job.id,
    workOrderNumber: job.workOrderNumber,
    customerName: job.customerName,
    assigneeIds: [job.assigneeEmail],
    createdAt: iso(job.createdAt),
    integrationEntityId: { id: job.appointmentKey, namespace: JOB_NAMESPACE },
    deepLinks: {
      visionWeb: `https://vision.xoi.io/jobactivity/${job.id}`,
      visionMobile: `xoi-vision://activity/view?payload=${payload}`,
    },
  };
}

export class XoiApi {
  private readonly tokens = new Map<string, number>();

  constructor(
    private readonly world: SandboxWorld,
    private readonly clock: SandboxClock,
  ) {}

  private issueToken(apiKey: unknown, apiSecret: unknown): RouteResult {
    if (apiKey !== this.world.xoiApi.apiKey || apiSecret !== this.world.xoiApi.apiSecret)
      return json(401, { message: 'Invalid api key or secret' });
    const token = `xoi.${randomBytes(24).toString('base64url')}`;
    this.tokens.set(token, this.clock.now() + TOKEN_LIFETIME_MS);
    return json(200, { token });
  }

  private tokenValid(request: IncomingMessage): boolean {
    const header = request.headers.authorization;
    if (!header) return false;
    const expires = this.tokens.get(header);
    if (expires === undefined) return false;
    if (expires <= this.clock.now()) {
      this.tokens.delete(header);
      return false;
    }
    return true;
  }

  private rootFor(kind: 'users' | 'jobs') {
    const world = this.world;
    if (kind === 'users') {
      return {
        listUsers: ({ input }: { input: { limit?: number; nextToken?: string } }) => {
          const page = pageOf(world.xoiUsers, input.limit, input.nextToken);
          return { userConnection: { items: page.items.map(userView), nextToken: page.nextToken } };
        },
        getUser: ({ input }: { input: { id: string } }) => {
          const user = world.xoiUsers.find((candidate) => candidate.id === input.id);
          return { user: user ? userView(user) : null };
        },
      };
    }
    return {
      getJob: ({ input }: { input: { id: string } }) => {
        const job = [...world.xoiJobs.values()].find((candidate) => candidate.id === input.id);
        return { job: job ? jobView(job) : null };
      },
      getJobByIntegrationEntityId: ({
        input,
      }: {
        input: { integrationEntityId: { id: string; namespace: string } };
      }) => {
        const { id, namespace } = input.integrationEntityId;
        if (namespace.length < 10) throw new Error('namespace must be at least 10 characters');
        const job = namespace === JOB_NAMESPACE ? world.xoiJobs.get(id) : undefined;
        return { job: job ? jobView(job) : null };
      },
      listJobs: ({ input }: { input: { workOrderNumber?: string; limit?: number; nextToken?: string } }) => {
        const jobs = [...world.xoiJobs.values()].filter(
          (job) => input.workOrderNumber === undefined || job.workOrderNumber === input.workOrderNumber,
        );
        const page = pageOf(jobs, input.limit, input.nextToken);
        return { jobConnection: { items: page.items.map(jobView), nextToken: page.nextToken } };
      },
    };
  }

  async route(request: IncomingMessage, url: URL): Promise<RouteResult | null> {
    const path = url.pathname.replace(/\/+$/, '');
    if (!path.startsWith('/xoi/')) return null;
    if (path === '/xoi/token') {
      if (request.method === 'GET') {
        const basic = basicCredentials(request);
        return this.issueToken(basic?.userName, basic?.password);
      }
      if (request.method === 'POST') {
        const body = await readJsonBody(request);
        if (!body.ok) return json(400, { message: body.message });
        const value = (body.value ?? {}) as { api_key?: unknown; api_secret?: unknown };
        return this.issueToken(value.api_key, value.api_secret);
      }
      return json(405, { message: 'Use POST (JSON) or GET (Basic)' });
    }
    const service = /^\/xoi\/(users|jobs)\/graphql$/.exec(path)?.[1] as 'users' | 'jobs' | undefined;
    if (!service) return json(404, { message: 'Not found' });
    if (request.method !== 'POST') return json(405, { message: 'GraphQL takes POST' });
    if (!this.tokenValid(request)) return json(401, { message: 'Unauthorized' });
    const body = await readJsonBody(request);
    if (!body.ok) return json(400, { errors: [{ message: body.message }] });
    const { query, variables } = (body.value ?? {}) as { query?: unknown; variables?: unknown };
    if (typeof query !== 'string') return json(400, { errors: [{ message: 'Must provide query string.' }] });
    const result = await graphql({
      schema: service === 'users' ? usersSchema : jobsSchema,
      source: query,
      rootValue: this.rootFor(service),
      variableValues: (variables ?? undefined) as Record<string, unknown> | undefined,
    });
    return json(200, result);
  }
}
