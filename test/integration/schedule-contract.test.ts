import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, test, it } from '../support/fixtures';
import { appointmentKeyString, BUILT_IN_STATUSES } from '../../shared/domain';
import {
  appointmentChangeSchema,
  historyChangeSchema,
  noteChangeSchema,
  type FeedName,
  createScheduleClient,
  type ScheduleClient,
  ScheduleError,
} from '../../electron/engine/schedule';
import { SANDBOX_INTEGRATION_PASSWORD, type Sandbox } from '../../electron/sandbox';
import { adminClient, testSandbox } from '../support/sandbox';

async function readWholeFeed(
  client: ScheduleClient,
  feed: FeedName,
  pageSize: number,
  startCursor: string | null = null,
) {
  const items: unknown[] = [];
  let cursor = startCursor;
  let pages = 0;
  for (;;) {
    const page = await client.changes(feed, cursor, pageSize);
    items.push(...page.items);
    cursor = page.nextCursor;
    pages++;
    if (!page.hasMore) return { items, cursor, pages };
  }
}

async function expectScheduleError(promise: Promise<unknown>, code: string): Promise<ScheduleError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ScheduleError);
  expect((error as ScheduleError).code).toBe(code);
  return error as ScheduleError;
}

describe('Schedule client against the sandbox (contract v1)', () => {
  let sandbox: Sandbox;
  let client: ScheduleClient;

  beforeAll(async () => {
    sandbox = await testSandbox();
    client = adminClient(sandbox);
  });
  afterAll(() => sandbox.close());

  test('pings without credentials and recognises the Schedule API and its version', async () => {
    const anonymous = createScheduleClient({ baseUrl: sandbox.url });
    expect(await anonymous.ping()).toEqual({
      product: 'WennSoft Schedule',
      contractVersion: 1,
      scheduleVersion: sandbox.world.system.scheduleVersion,
    });
  });

  test('reads the system: versions, See, XOi in MobileTech Admin, server time', async () => {
    const system = await client.system();
    expect(system).toMatchObject({
      scheduleVersion: '4.7',
      signatureVersion: '2018',
      mobileTechVersion: '8.6',
      seeRegistered: true,
      xoiEnabledInMobileTechAdmin: true,
    });
    expect(Date.parse(system.serverTime)).toBe(sandbox.clock.now());
  });

  test('reads companies with their active flag', async () => {
    const companies = await client.companies();
    expect(companies).toEqual(sandbox.world.companies);
    expect(companies.some((company) => !company.active)).toBe(true);
  });

  test('reads the XOi integration state and activity', async () => {
    const integration = await client.integration();
    expect(integration).toMatchObject({
      userName: 'XOI_INTEGRATION',
      apiUrl: sandbox.url,
      signatureVersion: '2018',
      configured: true,
      hiddenUserExists: true,
      hiddenRoleCount: 2,
    });
    const activity = await client.xoiActivity();
    expect(activity.lastCallResult).toBe('ok');
    expect(activity.authFailures).toEqual([]);
  });

  test('reads technicians, statuses (with every built-in name), users and roles', async () => {
    expect((await client.technicians()).map((technician) => technician.id).sort()).toEqual(
      [...sandbox.world.technicians.keys()].sort(),
    );
    const statuses = await client.statuses();
    for (const builtIn of BUILT_IN_STATUSES)
      expect(statuses).toContainEqual({ name: builtIn.name, category: builtIn.category, builtIn: true });
    expect((await client.users()).map((user) => user.userName)).not.toContain('XOI_INTEGRATION');
    expect((await client.roles()).map((role) => role.name)).toEqual(
      expect.arrayContaining(['Administrator', 'Dispatcher']),
    );
  });

  it.each([
    ['appointments', 1],
    ['appointments', 37],
    ['notes', 100],
    ['history', 1000],
  ] as Array<[FeedName, number]>)(
    'pages through the %s feed (page size %i) in strictly ascending versions, each item once',
    async (feed, pageSize) => {
      const { items } = await readWholeFeed(client, feed, pageSize);
      const schema =
        feed === 'appointments' ? appointmentChangeSchema : feed === 'notes' ? noteChangeSchema : historyChangeSchema;
      const versions = items.map((item) => schema.parse(item).version);
      expect(versions).toEqual([...versions].sort((a, b) => a - b));
      expect(new Set(versions).size).toBe(versions.length);
      const expected =
        feed === 'appointments'
          ? sandbox.world.appointments.size
          : feed === 'notes'
            ? sandbox.world.notes.size
            : sandbox.world.history.size;
      expect(items.length).toBe(expected);
    },
  );

  test('returns every appointment field exactly as the server holds it', async () => {
    const { items } = await readWholeFeed(client, 'appointments', 500);
    for (const item of items) {
      const change = appointmentChangeSchema.parse(item);
      if (change.kind !== 'upsert') continue;
      expect(change.appointment).toEqual(sandbox.world.getAppointment(appointmentKeyString(change.appointment)));
    }
  });

  test('reads one appointment history', async () => {
    const first = sandbox.world.appointments.values().next().value;
    if (!first) throw new Error('empty world');
    const history = await client.appointmentHistory(first);
    expect(history.length).toBeGreaterThan(0);
    expect(history[0]?.action).toBe('Insert');
  });

  test('refuses a bad cursor and an expired one, and a limit out of range', async () => {
    await expectScheduleError(client.changes('appointments', 'not-a-cursor', 10), 'REQUEST_REJECTED');
    await expectScheduleError(client.changes('appointments', 'oldepoch.5', 10), 'CURSOR_EXPIRED');
    await expectScheduleError(
      client.changes('appointments', `${sandbox.world.epoch}.${sandbox.world.currentVersion + 1000}`, 10),
      'CURSOR_EXPIRED',
    );
  });

  test('rejects wrong credentials with 401 and a non-admin with 403', async () => {
    await expectScheduleError(
      adminClient(sandbox, { credentials: { userName: 'admin', password: 'nope' } }).system(),
      'AUTH_REJECTED',
    );
    const integration = createScheduleClient({
      baseUrl: sandbox.url,
      credentials: { userName: 'XOI_INTEGRATION', password: SANDBOX_INTEGRATION_PASSWORD },
    });
    expect((await integration.system()).scheduleVersion).toBe('4.7');
    await expectScheduleError(integration.integration(), 'FORBIDDEN');
  });
});

describe('change feeds: resumption', () => {
  test('resumes after changes and deletions with no gaps or duplicates', async ({ openSandbox }) => {
    const sandbox = await openSandbox();
    const client = adminClient(sandbox);
    const mirror = new Map<string, { version: number; status: string } | null>();
    const apply = (items: unknown[]) => {
      for (const raw of items) {
        const change = appointmentChangeSchema.parse(raw);
        if (change.kind === 'delete') mirror.set(appointmentKeyString(change.key), null);
        else
          mirror.set(appointmentKeyString(change.appointment), {
            version: change.version,
            status: change.appointment.status,
          });
      }
    };
    // Read half, change the world, then resume from the saved cursor.
    const first = await client.changes('appointments', null, 120);
    apply(first.items);
    const keys = [...sandbox.world.appointments.values()].map((appointment) => appointmentKeyString(appointment));
    const changed = keys[0] as string;
    const deleted = keys[keys.length - 1] as string;
    sandbox.world.updateAppointment(changed, { status: 'Working' }, sandbox.clock.now(), 'test');
    sandbox.world.deleteAppointment(deleted, sandbox.clock.now(), 'test');
    const rest = await readWholeFeed(client, 'appointments', 50, first.nextCursor);
    apply(rest.items);
    const live = [...mirror.entries()].filter(([, value]) => value !== null);
    expect(live.length).toBe(sandbox.world.appointments.size);
    expect(mirror.get(changed)?.status).toBe('Working');
    expect(mirror.get(deleted)).toBeNull();
    for (const [key, value] of live) expect(value?.status).toBe(sandbox.world.getAppointment(key)?.status);
    // Nothing more to read: the cursor is at the end.
    const after = await client.changes('appointments', rest.cursor, 100);
    expect(after.items).toEqual([]);
    expect(after.hasMore).toBe(false);
  });

  test('sends note tombstones when an appointment is deleted', async ({ openSandbox }) => {
    const sandbox = await openSandbox();
    const client = adminClient(sandbox);
    const start = await readWholeFeed(client, 'notes', 1000);
    const note = sandbox.world.notes.values().next().value;
    if (!note) throw new Error('no notes');
    sandbox.world.deleteAppointment(appointmentKeyString(note), sandbox.clock.now(), 'test');
    const tail = await readWholeFeed(client, 'notes', 1000, start.cursor);
    const tombstones = tail.items
      .map((item) => noteChangeSchema.parse(item))
      .filter((change) => change.kind === 'delete');
    expect(tombstones.map((change) => (change.kind === 'delete' ? change.id : ''))).toContain(note.id);
  });
});

describe('the XOi integration password (the setup effect)', () => {
  test('creates the hidden user and two roles once, then only updates the password; they stay hidden', async ({
    openSandbox,
  }) => {
    const sandbox = await openSandbox({ scenario: undefined });
    // Start from an unconfigured server.
    sandbox.world.integration.hiddenUserExists = false;
    sandbox.world.integration.hiddenRoles = [];
    sandbox.world.integration.passwordHash = null;
    const client = adminClient(sandbox);
    expect((await client.integration()).configured).toBe(false);
    const first = await client.setIntegrationPassword('first-Password-1');
    expect(first).toMatchObject({ createdUser: true, createdRoles: 2, configured: true });
    const second = await client.setIntegrationPassword('second-Password-2');
    expect(second).toMatchObject({ createdUser: false, createdRoles: 0, configured: true });
    const state = await client.integration();
    expect(state).toMatchObject({ configured: true, hiddenUserExists: true, hiddenRoleCount: 2 });
    expect((await client.users()).map((user) => user.userName)).not.toContain(state.userName);
    expect((await client.roles()).map((role) => role.name)).not.toEqual(expect.arrayContaining(['XOi Integration']));
    const integration = createScheduleClient({
      baseUrl: sandbox.url,
      credentials: { userName: state.userName, password: 'second-Password-2' },
    });
    expect((await integration.system()).scheduleVersion).toBe('4.7');
  });

  test.for([
    ['', 'empty'],
    ['    ', 'spaces'],
    ['x'.repeat(65), 'at most 64'],
  ] as const)('rejects the password %j with 422 naming the rule', async ([password, words], { openSandbox }) => {
    const sandbox = await openSandbox();
    const error = await expectScheduleError(adminClient(sandbox).setIntegrationPassword(password), 'REQUEST_REJECTED');
    expect(error.status).toBe(422);
    expect(error.message).toContain(words);
  });
});

describe('fault kinds, each recognised by the client', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await testSandbox();
  });
  afterAll(() => sandbox.close());
  afterEach(() => sandbox.faults.configure(''));

  it.each([
    ['5xx=1', 'SERVER_ERROR', true],
    ['429=1', 'RATE_LIMITED', true],
    ['reset=1', 'CONNECTION_RESET', true],
    ['truncate=1', 'MALFORMED_RESPONSE', true],
    ['malformed=1', 'MALFORMED_RESPONSE', true],
  ])('%s gives %s (retryable: %s)', async (spec, code, retryable) => {
    sandbox.faults.configure(spec);
    const error = await expectScheduleError(adminClient(sandbox).changes('appointments', null, 10), code);
    expect(error.retryable).toBe(retryable);
  });

  test('reads Retry-After in seconds and as an HTTP date', async () => {
    sandbox.faults.configure('429=1');
    const seconds = await expectScheduleError(adminClient(sandbox).system(), 'RATE_LIMITED');
    expect(seconds.retryAfterMs).toBe(1000);
    sandbox.faults.configure('429date=1');
    const dated = await expectScheduleError(adminClient(sandbox).system(), 'RATE_LIMITED');
    expect(dated.retryAfterMs).toBeGreaterThan(0);
    expect(dated.retryAfterMs).toBeLessThanOrEqual(3000);
  });

  test('still reads a slowly trickled body completely', async () => {
    sandbox.faults.configure('trickle=1');
    const page = await adminClient(sandbox).changes('appointments', null, 50);
    expect(page.items).toHaveLength(50);
  });

  test('times out on added latency beyond its deadline', async () => {
    sandbox.faults.configure('latency=1500');
    await expectScheduleError(adminClient(sandbox, { timeoutMs: 300 }).system(), 'TIMEOUT');
  });

  test('applies a fault to one route only', async () => {
    sandbox.faults.configure('/v1/notes/changes:5xx=1');
    expect((await adminClient(sandbox).changes('appointments', null, 5)).items).toHaveLength(5);
    await expectScheduleError(adminClient(sandbox).changes('notes', null, 5), 'SERVER_ERROR');
  });
});

describe('telling failures apart before any Schedule API answers', () => {
  test('a refused connection', async () => {
    const server = http.createServer();
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await expectScheduleError(
      createScheduleClient({ baseUrl: `http://127.0.0.1:${port}` }).ping(),
      'CONNECTION_REFUSED',
    );
  });

  test('a name that does not resolve', async () => {
    await expectScheduleError(
      createScheduleClient({ baseUrl: 'http://schedule.does-not-exist.invalid' }).ping(),
      'DNS_NOT_FOUND',
    );
  });

  test('a malformed URL', async () => {
    await expectScheduleError(createScheduleClient({ baseUrl: 'schedule.example.com/api' }).ping(), 'BAD_URL');
    await expectScheduleError(createScheduleClient({ baseUrl: 'ftp://schedule.example.com' }).ping(), 'BAD_URL');
  });

  test('a TLS failure (https spoken to a server that is not TLS)', async ({ openSandbox }) => {
    const sandbox = await openSandbox();
    const error = await expectScheduleError(
      createScheduleClient({ baseUrl: sandbox.url.replace('http:', 'https:') }).ping(),
      'TLS_FAILURE',
    );
    expect(error.message).toContain('certificate');
  });

  test('a web server that is not a Schedule API', async ({ defer }) => {
    const server = http.createServer((_request, response) => {
      response.writeHead(404, { 'Content-Type': 'text/html' });
      response.end('<html><body>Welcome to IIS</body></html>');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    defer(() => new Promise<void>((resolve) => server.close(() => resolve())));
    await expectScheduleError(
      createScheduleClient({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` }).ping(),
      'NOT_SCHEDULE_API',
    );
  });

  test('an unsupported Schedule version', async ({ openSandbox }) => {
    const sandbox = await openSandbox();
    sandbox.world.system.scheduleVersion = '4.4';
    await expectScheduleError(adminClient(sandbox).ping(), 'UNSUPPORTED_VERSION');
  });
});
