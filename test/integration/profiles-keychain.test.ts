import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ProfileView, type SetupResult } from '../../shared/contract';
import { secretAccount, SECRET_PURPOSES, type SecretPurpose, decodeBoundSecret } from '../../electron/engine/secrets';
import { type Sandbox } from '../../electron/sandbox';
import { adminClient, testSandbox } from '../support/sandbox';
import { serviceHarness } from '../support/service-harness';

/** A loopback port nothing listens on (one a server just gave back). */
async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('connection profiles, the setup and the real keychain', () => {
  let server: Sandbox;
  let harness: ReturnType<typeof serviceHarness>;

  const ADMIN_PASSWORD = 'Admin-Canary-7f3a';

  beforeEach(async () => {
    server = await testSandbox();
    server.world.setAdminPassword(ADMIN_PASSWORD);
    harness = serviceHarness({ sandboxUrl: server.url });
  });
  afterEach(async () => {
    await harness.close();
    await server.close();
  });

  /** A keychain entry as stored: the secret and the origins it is bound to. */
  async function stored(profileId: string, purpose: SecretPurpose) {
    const raw = await harness.secrets.get(secretAccount(profileId, purpose));
    return raw === null ? null : decodeBoundSecret(raw);
  }
  const serverOrigin = () => new URL(server.url).origin;

  async function addServerProfile(): Promise<ProfileView> {
    const profile = await harness.call<ProfileView>('profiles.save', {
      name: 'Production',
      apiUrl: `${server.url}/`,
      userName: 'admin',
      password: ADMIN_PASSWORD,
    });
    await harness.call('profiles.activate', { id: profile.id });
    return profile;
  }

  it('stores the administrator password in the keychain, and nowhere in the profiles file', async () => {
    const profile = await addServerProfile();
    expect(await stored(profile.id, 'administrator')).toEqual({ value: ADMIN_PASSWORD, origins: [serverOrigin()] });
    const file = readFileSync(path.join(harness.dataDir, 'profiles.json'), 'utf8');
    expect(file).toContain('Production');
    expect(file).not.toContain(ADMIN_PASSWORD);
    expect(file.includes('password')).toBe(false);
    const listed = await harness.call<{ profiles: ProfileView[] }>('profiles.list');
    const view = listed.profiles.find((candidate) => candidate.id === profile.id);
    expect(view).toMatchObject({
      apiUrl: server.url,
      active: true,
      secrets: { administrator: true, xoiIntegration: false },
    });
    expect(JSON.stringify(listed)).not.toContain(ADMIN_PASSWORD);
  });

  it('applies the setup, re-applies it (still one hidden user and two roles), and changes the password', async () => {
    const profile = await addServerProfile();
    server.world.integration.hiddenUserExists = false;
    server.world.integration.hiddenRoles = [];
    server.world.integration.passwordHash = null;
    const first = await harness.call<SetupResult>('setup.apply', {
      password: 'First-Integration-1',
      confirmPassword: 'First-Integration-1',
    });
    expect(first).toMatchObject({ createdUser: true, createdRoles: 2, storedInKeychain: true, passwordChanged: false });
    expect(await stored(profile.id, 'xoi-integration')).toEqual({
      value: 'First-Integration-1',
      origins: [serverOrigin()],
    });

    const again = await harness.call<SetupResult>('setup.apply', {
      password: 'First-Integration-1',
      confirmPassword: 'First-Integration-1',
    });
    expect(again).toMatchObject({ createdUser: false, createdRoles: 0, passwordChanged: true });
    const changed = await harness.call<SetupResult>('setup.apply', {
      password: 'Second-Integration-2',
      confirmPassword: 'Second-Integration-2',
    });
    expect(changed.passwordChanged).toBe(true);
    expect(await stored(profile.id, 'xoi-integration')).toEqual({
      value: 'Second-Integration-2',
      origins: [serverOrigin()],
    });

    const state = await adminClient(server, {
      credentials: { userName: 'admin', password: ADMIN_PASSWORD },
    }).integration();
    expect(state).toMatchObject({ configured: true, hiddenUserExists: true, hiddenRoleCount: 2 });
    expect(server.world.integration.hiddenRoles).toHaveLength(2);
    expect(
      (await adminClient(server, { credentials: { userName: 'admin', password: ADMIN_PASSWORD } }).users()).map(
        (user) => user.userName,
      ),
    ).not.toContain(state.userName);
  });

  it('refuses mismatched passwords without touching the server or the keychain', async () => {
    const profile = await addServerProfile();
    const before = server.world.integration.passwordSetAt;
    const result = await harness.raw('setup.apply', { password: 'Abc-123456-x', confirmPassword: 'Abc-123456-y' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'PASSWORD_MISMATCH', message: "Confirm Password: The passwords don't match." },
    });
    expect(JSON.stringify(result)).not.toContain('Abc-123456');
    expect(server.world.integration.passwordSetAt).toBe(before);
    expect(await harness.secrets.get(secretAccount(profile.id, 'xoi-integration'))).toBeNull();
  });

  it('refuses a mismatch or an empty password before asking the server anything', async () => {
    // A profile whose server is gone: any request would end in CONNECTION_REFUSED, so the field's own code proves
    // that the refusal came first.
    const profile = await harness.call<ProfileView>('profiles.save', {
      name: 'Gone',
      apiUrl: `http://127.0.0.1:${await closedPort()}/`,
      userName: 'admin',
      password: ADMIN_PASSWORD,
    });
    await harness.call('profiles.activate', { id: profile.id });
    for (const [password, confirmPassword, field, code] of [
      ['Abc-123456-x', 'Abc-123456-y', 'confirmPassword', 'PASSWORD_MISMATCH'],
      ['Abc-123456-x', '', 'confirmPassword', 'PASSWORD_MISMATCH'],
      ['   ', '   ', 'password', 'PASSWORD_EMPTY'],
    ] as const) {
      const result = await harness.raw('setup.apply', { password, confirmPassword });
      expect(result).toMatchObject({ ok: false, error: { code, field } });
    }
    expect(
      await harness.raw('setup.apply', { password: 'Abc-123456-x', confirmPassword: 'Abc-123456-x' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'CONNECTION_REFUSED' },
    });
  });

  it('removing a profile removes its keychain entries and its mirror', async () => {
    const profile = await addServerProfile();
    await harness.call('setup.apply', { password: 'Remove-Me-123', confirmPassword: 'Remove-Me-123' });
    await harness.call('xoi.save', {
      environment: 'custom',
      tokenUrl: `${server.url}/xoi/token`,
      usersUrl: `${server.url}/xoi/users/graphql`,
      jobsUrl: `${server.url}/xoi/jobs/graphql`,
      apiKey: 'sandbox-api-key',
      apiSecret: 'sandbox-api-secret',
    });
    expect(await stored(profile.id, 'xoi-api-secret')).toEqual({
      value: 'sandbox-api-secret',
      origins: [serverOrigin()],
    });
    await harness.call('profiles.delete', { id: profile.id });
    for (const purpose of SECRET_PURPOSES)
      expect(await harness.secrets.get(secretAccount(profile.id, purpose))).toBeNull();
    const listed = await harness.call<{ activeId: string; profiles: ProfileView[] }>('profiles.list');
    expect(listed.profiles.map((candidate) => candidate.id)).toEqual(['sandbox']);
    expect(listed.activeId).toBe('sandbox');
  });

  it('tells connection failures apart in Test connection, each with a next step', async () => {
    const test = (apiUrl: string, password = ADMIN_PASSWORD) =>
      harness.call<{ ok: boolean; code?: string; nextStep?: string }>('profiles.testConnection', {
        apiUrl,
        userName: 'admin',
        password,
      });
    expect(await test(server.url)).toMatchObject({ ok: true, scheduleVersion: '4.7' });
    expect(await test('schedule.example.com')).toMatchObject({ ok: false, code: 'BAD_URL' });
    expect(await test('http://schedule.nowhere.invalid')).toMatchObject({ ok: false, code: 'DNS_NOT_FOUND' });
    const closed = await closedPort();
    expect(await test(`http://127.0.0.1:${closed}`)).toMatchObject({ ok: false, code: 'CONNECTION_REFUSED' });
    expect(await test(server.url.replace('http:', 'https:'))).toMatchObject({ ok: false, code: 'TLS_FAILURE' });
    expect(await test(server.url, 'wrong')).toMatchObject({ ok: false, code: 'AUTH_REJECTED' });
    for (const outcome of [await test(`http://127.0.0.1:${closed}`), await test(server.url, 'wrong')])
      expect(outcome.nextStep?.length).toBeGreaterThan(10);
  });
});
