import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  EMPTY_APPOINTMENT_FILTER,
  METHOD_NAMES,
  methods,
  type MethodName,
  type ProfileView,
} from '../../shared/contract';
import { SECRET_PURPOSES, secretAccount } from '../../electron/engine/secrets';
import { type Sandbox } from '../../electron/sandbox';
import { testSandbox } from '../support/sandbox';
import { serviceHarness } from '../support/service-harness';

/** A valid call of every method: the fuzz breaks one part of it at a time. */
function validArgs(profileId: string, serverUrl: string): Record<MethodName, Record<string, unknown>> {
  const filter = { ...EMPTY_APPOINTMENT_FILTER };
  return {
    'app.info': {},
    'profiles.list': {},
    'profiles.save': { id: profileId, name: 'Production', apiUrl: serverUrl, userName: 'admin' },
    'profiles.delete': { id: profileId },
    'profiles.activate': { id: profileId },
    'profiles.testConnection': { apiUrl: serverUrl, userName: 'admin', profileId },
    'setup.state': {},
    'setup.apply': { password: 'Fuzz-Password-1', confirmPassword: 'Fuzz-Password-1' },
    'setup.tellSandboxXoi': {},
    'setup.markSheetSent': { sent: true },
    'health.get': {},
    'sync.status': {},
    'sync.now': {},
    'sync.pause': {},
    'sync.resume': {},
    'sync.runs': { limit: 5 },
    'mirror.rebuild': {},
    'settings.get': {},
    'settings.save': { syncIntervalMinutes: 2, pollDelayMinutes: 15, transcriptWindowHours: 12, statusOverrides: {} },
    'appointments.query': { filter, sort: { field: 'taskDate', direction: 'desc' }, offset: 0, limit: 10 },
    'appointments.detail': { key: 'ONE/SC1/1' },
    'appointments.filterOptions': {},
    'appointments.export': { filter, format: 'csv' },
    'technicians.list': {},
    'dashboard.get': {},
    'print.document': { kind: 'report', key: 'ONE/SC1/1', mode: 'pdf' },
    'print.ready': { ok: true },
    'sheet.data': {},
    'xoi.status': {},
    'xoi.save': { environment: 'production', apiKey: 'k', apiSecret: 's' },
    'xoi.check': {},
    'xoi.job': { key: 'ONE/SC1/1' },
    'shell.openExternal': { url: 'https://xoi.io' },
    'desktop.get': {},
    'desktop.save': { closeToTray: true, startAtLogin: false, notifications: true },
    'host.confirm': { title: 'Remove?', message: 'Remove the profile?', confirmLabel: 'Remove' },
  };
}

/** Values no field of the contract accepts where another type (or a bounded one) is expected. */
const HOSTILE: unknown[] = [
  null,
  12345,
  -1,
  true,
  [],
  {},
  'x'.repeat(5000),
  '\ud800',
  'a\u0000b',
  { __proto__: { polluted: true } },
  [[[[[[]]]]]],
  1e308,
];

function* mutations(base: Record<string, unknown>, random: () => number): Generator<[string, unknown]> {
  yield ['an array instead of an object', [base]];
  yield ['a string instead of an object', 'arguments'];
  yield ['an unknown field', { ...base, unexpected: 'field' }];
  yield [
    'a __proto__ key',
    JSON.parse(`{"__proto__": {"isAdmin": true}, ${JSON.stringify(base).slice(1)}`.replace(', }', '}')),
  ];
  for (const key of Object.keys(base)) {
    for (const value of HOSTILE) yield [`${key} = ${JSON.stringify(value)?.slice(0, 30)}`, { ...base, [key]: value }];
    const { [key]: _removed, ...rest } = base;
    yield [`${key} missing`, rest];
  }
  // A few seeded extra shapes per method: nested garbage in a random field.
  for (let round = 0; round < 3; round++) {
    const keys = Object.keys(base);
    const key = keys[Math.floor(random() * keys.length)] ?? 'anything';
    yield [`${key} nested garbage ${round}`, { ...base, [key]: { deep: [random(), '\udfff', null] } }];
  }
}

/** Calls the schemas accept but the engine must refuse: each is sent, and must change nothing either. */
function refusedByTheEngine(profileId: string, serverUrl: string): Array<[MethodName, Record<string, unknown>]> {
  const filter = { ...EMPTY_APPOINTMENT_FILTER };
  const save = { id: profileId, name: 'Production', userName: 'admin' };
  return [
    ['profiles.save', { ...save, apiUrl: 'ftp://schedule.example.com' }],
    ['profiles.save', { ...save, apiUrl: 'https://admin:pw@schedule.example.com' }],
    ['profiles.save', { ...save, apiUrl: 'https://elsewhere.example.com' }],
    ['profiles.save', { ...save, id: 'sandbox', apiUrl: serverUrl }],
    ['profiles.save', { ...save, id: 'p-doesnotexist', apiUrl: serverUrl }],
    ['profiles.save', { name: 'Sandbox (simulated server)', apiUrl: serverUrl, userName: 'admin', password: 'x' }],
    ['profiles.delete', { id: 'sandbox' }],
    ['profiles.delete', { id: 'p-doesnotexist' }],
    ['profiles.activate', { id: 'p-doesnotexist' }],
    ['setup.apply', { password: 'One-Password-1', confirmPassword: 'Other-Password-2' }],
    ['setup.apply', { password: '   ', confirmPassword: '   ' }],
    ['setup.apply', { password: 'x'.repeat(3000), confirmPassword: 'x'.repeat(3000) }],
    ['setup.tellSandboxXoi', {}],
    ['xoi.save', { environment: 'custom', tokenUrl: 'javascript:alert(1)', usersUrl: serverUrl, jobsUrl: serverUrl }],
    ['xoi.save', { environment: 'production', apiKey: 'only-the-key' }],
    ['xoi.save', { environment: 'sandbox' }],
    ['xoi.job', { key: 'not a key' }],
    ['appointments.detail', { key: 'NOPE/NOPE/NOPE' }],
    ['appointments.query', { filter: { ...filter, from: '2026-13-45' } }],
    ['appointments.query', { counts: 'none' }],
    ['appointments.export', { filter: { ...filter, to: 'yesterday' }, format: 'csv' }],
    ['print.document', { kind: 'report', mode: 'pdf' }],
  ];
}

function mulberry32(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Every file under the data folder, by content and mode. */
function diskSnapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else
        out[path.relative(dir, full)] =
          `${statSync(full).mode.toString(8)} ${createHash('sha256').update(readFileSync(full)).digest('hex')}`;
    }
  };
  walk(dir);
  return out;
}

describe('a generated fuzz of every contract method', () => {
  let server: Sandbox;
  let harness: ReturnType<typeof serviceHarness>;
  let profile: ProfileView;
  const keychain = async () =>
    Promise.all(
      ['sandbox', profile.id].flatMap((id) =>
        SECRET_PURPOSES.map((purpose) => harness.secrets.get(secretAccount(id, purpose))),
      ),
    );

  beforeAll(async () => {
    server = await testSandbox();
    server.world.setAdminPassword('Fuzz-Admin-1');
    harness = serviceHarness({ sandboxUrl: server.url });
    profile = await harness.call<ProfileView>('profiles.save', {
      name: 'Production',
      apiUrl: server.url,
      userName: 'admin',
      password: 'Fuzz-Admin-1',
    });
    await harness.call('profiles.activate', { id: profile.id });
    await harness.call('sync.now');
    // A restart, so every call below meets a quiet console with its mirror open: once a run has answered, the worker
    // still copies the run's log into the database file, which a snapshot taken at that moment would count as a change.
    await harness.reopen();
    await harness.service.start();
    // Then one read: the readers' first read after the restart marks their place in the log (in the -shm file), and
    // the health monitor reads by itself shortly after the start; with the place marked, later reads change no file.
    await harness.call('health.get');
  });
  afterAll(async () => {
    await harness.close();
    await server.close();
  });

  it('rejects at least 500 broken calls, each with a clear one-line error, and none changes anything on disk', async () => {
    const random = mulberry32(20261202);
    const bases = validArgs(profile.id, server.url);
    let rejected = 0;
    let stillValid = 0;
    for (const method of METHOD_NAMES) {
      expect(methods[method].args.safeParse(bases[method]).success, `${method}: the valid call`).toBe(true);
      for (const [label, args] of mutations(bases[method], random)) {
        // A mutation that happens to stay valid would be a real call with real effects: it is not sent.
        if (methods[method].args.safeParse(args).success) {
          stillValid++;
          continue;
        }
        const disk = diskSnapshot(harness.dataDir);
        const secrets = await keychain();
        const result = await harness.raw(method, args);
        expect(result.ok, `${method}: ${label}`).toBe(false);
        if (result.ok) continue;
        rejected++;
        expect(result.error.message, `${method}: ${label}`).not.toMatch(/\n|\s+at\s.+:\d+:\d+/);
        expect(result.error.message.length, `${method}: ${label}`).toBeLessThanOrEqual(1001);
        expect(diskSnapshot(harness.dataDir), `${method}: ${label}`).toEqual(disk);
        expect(await keychain(), `${method}: ${label}`).toEqual(secrets);
      }
    }
    for (const [method, args] of refusedByTheEngine(profile.id, server.url)) {
      const label = JSON.stringify(args).slice(0, 80);
      const disk = diskSnapshot(harness.dataDir);
      const secrets = await keychain();
      const result = await harness.raw(method, args);
      expect(result.ok, `${method}: ${label}`).toBe(false);
      if (result.ok) continue;
      rejected++;
      expect(diskSnapshot(harness.dataDir), `${method}: ${label}`).toEqual(disk);
      expect(await keychain(), `${method}: ${label}`).toEqual(secrets);
    }
    expect(rejected).toBeGreaterThanOrEqual(500);
    // Breaking a valid call almost always makes it invalid.
    expect(stillValid).toBeLessThan(rejected / 5);
  }, 240_000);
});
