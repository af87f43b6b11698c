import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createXoiClient, sandboxXoiEndpoints, XoiError } from '../../electron/engine/xoi';
import { ManualClock, SANDBOX_XOI_API, type Sandbox } from '../../electron/sandbox';
import { FIXED_NOW, testSandbox } from '../support/sandbox';

const MINUTE = 60_000;

async function expectXoiError(promise: Promise<unknown>, code: string): Promise<XoiError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(XoiError);
  expect((error as XoiError).code).toBe(code);
  return error as XoiError;
}

describe("XOi's API client, against the sandbox's XOi side over HTTP", () => {
  let sandbox: Sandbox;
  let sandboxClock: ManualClock;
  let clientNow: number;
  let tokenRequests: number;
  let graphqlRequests: number;

  // The real fetch, counted, so the test sees how often a token is fetched.
  const countingFetch = (input: string, init: RequestInit) => {
    if (input.endsWith('/xoi/token')) tokenRequests++;
    else graphqlRequests++;
    return fetch(input, init);
  };
  const client = (overrides: Partial<Parameters<typeof createXoiClient>[0]> = {}) =>
    createXoiClient({
      ...sandboxXoiEndpoints(sandbox.url),
      ...SANDBOX_XOI_API,
      fetch: countingFetch,
      now: () => clientNow,
      ...overrides,
    });

  beforeEach(async () => {
    sandboxClock = new ManualClock(FIXED_NOW);
    sandbox = await testSandbox({ clock: sandboxClock, appointments: 2000 });
    clientNow = FIXED_NOW;
    tokenRequests = 0;
    graphqlRequests = 0;
  });
  afterEach(() => sandbox.close());

  it('reuses its token until shortly before the 60 minutes run out, then fetches a new one', async () => {
    const xoi = client();
    await xoi.listUsers(5, null);
    await xoi.listUsers(5, null);
    expect(tokenRequests).toBe(1);
    clientNow += 54 * MINUTE;
    sandboxClock.advance(54 * MINUTE);
    await xoi.listUsers(5, null);
    expect(tokenRequests).toBe(1);
    clientNow += 2 * MINUTE;
    sandboxClock.advance(2 * MINUTE);
    await xoi.listUsers(5, null);
    expect(tokenRequests).toBe(2);
  });

  it('renews once when XOi rejects its token mid-way, and carries on paging', async () => {
    const xoi = client();
    const first = await xoi.listUsers(5, null);
    // XOi's clock has moved past the token's hour while ours has not: the next call gets a 401.
    sandboxClock.advance(61 * MINUTE);
    const second = await xoi.listUsers(5, first.nextToken);
    expect(tokenRequests).toBe(2);
    expect(second.items).toHaveLength(5);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
  });

  it('pages through every user with limit and nextToken, comparing by the email field', async () => {
    const users = await client().allUsers(4);
    expect(graphqlRequests).toBeGreaterThan(1);
    expect(users.map((user) => user.email).sort()).toEqual(sandbox.world.xoiUsers.map((user) => user.email).sort());
    expect(users.find((user) => user.enabled === false)).toBeDefined();
  });

  it("turns a GraphQL errors array into a typed error with XOi's message", async () => {
    const error = await expectXoiError(client().listUsers(5, 'not-a-real-token'), 'XOI_GRAPHQL_ERROR');
    expect(error.message).toContain('Invalid nextToken');
  });

  it('rejects a wrong key or secret as such', async () => {
    await expectXoiError(client({ apiSecret: 'wrong-secret' }).listUsers(5, null), 'XOI_KEY_REJECTED');
  });

  it('reports malformed answers', async () => {
    sandbox.faults.configure('/xoi/users:malformed=1');
    await expectXoiError(client().listUsers(5, null), 'XOI_MALFORMED_RESPONSE');
  });

  it('reports an unreachable endpoint, and a port that belongs to another protocol as a wrong address', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const closed = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expectXoiError(
      client({ tokenUrl: `http://127.0.0.1:${closed}/xoi/token` }).listUsers(5, null),
      'XOI_UNREACHABLE',
    );
    await expectXoiError(client({ tokenUrl: 'http://127.0.0.1:1/xoi/token' }).listUsers(5, null), 'XOI_BAD_URL');
  });

  it('sends the token as the whole Authorization header: a "Bearer" prefix is refused', async () => {
    const { token } = (await (
      await fetch(`${sandbox.url}/xoi/token`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ api_key: SANDBOX_XOI_API.apiKey, api_secret: SANDBOX_XOI_API.apiSecret }),
      })
    ).json()) as { token: string };
    const query = JSON.stringify({ query: '{ listUsers(input: { limit: 1 }) { userConnection { items { id } } } }' });
    const bare = await fetch(`${sandbox.url}/xoi/users/graphql`, {
      method: 'POST',
      headers: { Authorization: token, 'Content-Type': 'application/json' },
      body: query,
    });
    const prefixed = await fetch(`${sandbox.url}/xoi/users/graphql`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: query,
    });
    expect(bare.status).toBe(200);
    expect(prefixed.status).toBe(401);
  });

  it('finds a job by the integration external id, and by work order', async () => {
    const [key, job] = [...sandbox.world.xoiJobs.entries()][0] ?? [];
    if (!key || !job) throw new Error('no job in the world');
    const xoi = client();
    expect((await xoi.jobByIntegrationEntityId(key, 'wennsoft-schedule-sandbox'))?.id).toBe(job.id);
    expect((await xoi.jobsByWorkOrder(job.workOrderNumber)).map((found) => found.id)).toContain(job.id);
    expect(await xoi.jobByIntegrationEntityId('NO/SUCH/KEY', 'wennsoft-schedule-sandbox')).toBeNull();
  });
});
