import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type ConnectionTest, type ProfileView, type SyncStatus, type XoiStatus } from '../../shared/contract';
import { createScheduleClient } from '../../electron/engine/schedule';
import { decodeBoundSecret, encodeBoundSecret, secretAccount, type SecretPurpose } from '../../electron/engine/secrets';
import { createXoiClient } from '../../electron/engine/xoi';
import { type Sandbox } from '../../electron/sandbox';
import { startCaptureServer } from '../support/capture-server';
import { testSandbox } from '../support/sandbox';
import { serviceHarness } from '../support/service-harness';

const ADMIN_PASSWORD = 'Bound-Admin-Canary-5c1e';
const API_KEY = 'Bound-Key-Canary-91ab';
const API_SECRET = 'Bound-Secret-Canary-77d0';

/**
 * Holding the web host's token (the power a compromised renderer has), an attacker tries to get the stored secrets sent
 * to an address of its choosing. The capture server records every Authorization header and body it receives.
 */
describe('stored secrets stay bound to the address they were entered for', () => {
  let server: Sandbox;
  let capture: Awaited<ReturnType<typeof startCaptureServer>>;
  let harness: ReturnType<typeof serviceHarness>;
  let profile: ProfileView;

  const xoiUrls = (base: string) => ({
    tokenUrl: `${base}/xoi/token`,
    usersUrl: `${base}/xoi/users/graphql`,
    jobsUrl: `${base}/xoi/jobs/graphql`,
  });
  const leaks = () => [ADMIN_PASSWORD, API_KEY, API_SECRET].flatMap((secret) => capture.leaked(secret));
  const stored = async (purpose: SecretPurpose) => {
    const raw = await harness.secrets.get(secretAccount(profile.id, purpose));
    return raw === null ? null : decodeBoundSecret(raw);
  };
  const profilesFile = () => path.join(harness.dataDir, 'profiles.json');

  beforeEach(async () => {
    server = await testSandbox();
    server.world.setAdminPassword(ADMIN_PASSWORD);
    Object.assign(server.world.xoiApi, { apiKey: API_KEY, apiSecret: API_SECRET });
    capture = await startCaptureServer();
    harness = serviceHarness({ sandboxUrl: server.url });
    profile = await harness.call<ProfileView>('profiles.save', {
      name: 'Production',
      apiUrl: server.url,
      userName: 'admin',
      password: ADMIN_PASSWORD,
    });
    await harness.call('profiles.activate', { id: profile.id });
    await harness.call('xoi.save', {
      environment: 'custom',
      ...xoiUrls(server.url),
      apiKey: API_KEY,
      apiSecret: API_SECRET,
    });
  });
  afterEach(async () => {
    await harness.close();
    await capture.close();
    await server.close();
  });

  it('the keychain entry carries the origin each secret was entered for', async () => {
    const origin = new URL(server.url).origin;
    expect(await stored('administrator')).toEqual({ value: ADMIN_PASSWORD, origins: [origin] });
    expect(await stored('xoi-api-key')).toEqual({ value: API_KEY, origins: [origin] });
    expect(await stored('xoi-api-secret')).toEqual({ value: API_SECRET, origins: [origin] });
  });

  it('Test connection with a saved profile and another address asks for the password and sends nothing there', async () => {
    const result = await harness.call<ConnectionTest>('profiles.testConnection', {
      apiUrl: capture.url,
      userName: 'admin',
      profileId: profile.id,
    });
    expect(result).toMatchObject({ ok: false, code: 'PASSWORD_REQUIRED' });
    expect(capture.requests).toEqual([]);
    // The profile's own address is still tested with the saved password.
    const own = await harness.call<ConnectionTest>('profiles.testConnection', {
      apiUrl: server.url,
      userName: 'admin',
      profileId: profile.id,
    });
    expect(own.ok).toBe(true);
  });

  it('a password typed for the new address is sent there (the capture server does record what reaches it)', async () => {
    const typed = await harness.call<ConnectionTest>('profiles.testConnection', {
      apiUrl: capture.url,
      userName: 'admin',
      password: ADMIN_PASSWORD,
    });
    expect(typed.ok).toBe(false);
    expect(capture.leaked(ADMIN_PASSWORD).length).toBeGreaterThan(0);
  });

  it('moving a profile to another address without typing the password is refused and changes nothing', async () => {
    const before = readFileSync(profilesFile(), 'utf8');
    const refused = await harness.raw('profiles.save', {
      id: profile.id,
      name: 'Production',
      apiUrl: capture.url,
      userName: 'admin',
    });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/^Password: /);
    expect(readFileSync(profilesFile(), 'utf8')).toBe(before);
    await harness.call('sync.now');
    expect(leaks()).toEqual([]);
  });

  it('a profiles.json edited to point elsewhere cannot move the password: the poller stops and asks for it', async () => {
    const file = JSON.parse(readFileSync(profilesFile(), 'utf8')) as {
      profiles: Array<{ id: string; apiUrl: string }>;
    };
    for (const candidate of file.profiles) if (candidate.id === profile.id) candidate.apiUrl = capture.url;
    writeFileSync(profilesFile(), JSON.stringify(file));
    await harness.reopen();
    await harness.call('sync.now');
    const status = await harness.call<SyncStatus>('sync.status');
    expect(status).toMatchObject({ state: 'needs-credentials', code: 'SECRET_BOUND_ELSEWHERE' });
    await expect(harness.call('setup.state')).rejects.toThrow(/SECRET_BOUND_ELSEWHERE/);
    expect(leaks()).toEqual([]);
  });

  it('XOi endpoints changed without the key and secret are refused; edited by hand, they get nothing', async () => {
    const refused = await harness.raw('xoi.save', { environment: 'custom', ...xoiUrls(capture.url) });
    expect(refused).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } });
    const switched = await harness.raw('xoi.save', { environment: 'production' });
    expect(switched).toMatchObject({ ok: false, error: { code: 'PASSWORD_REQUIRED' } });
    const checked = await harness.call<XoiStatus>('xoi.check');
    expect(checked.error).toBeNull();

    const file = JSON.parse(readFileSync(profilesFile(), 'utf8')) as { profiles: Array<{ id: string; xoi: unknown }> };
    for (const candidate of file.profiles)
      if (candidate.id === profile.id) candidate.xoi = { environment: 'custom', ...xoiUrls(capture.url) };
    writeFileSync(profilesFile(), JSON.stringify(file));
    await harness.reopen();
    const status = await harness.call<XoiStatus>('xoi.check');
    expect(status.error?.code).toBe('SECRET_BOUND_ELSEWHERE');
    await expect(harness.call('xoi.job', { key: 'C1/SC1/1' })).rejects.toThrow(/SECRET_BOUND_ELSEWHERE/);
    expect(leaks()).toEqual([]);
  });

  it('secrets stored before binding are bound to the address saved with them, at start', async () => {
    // A console not yet started, as after an upgrade: the running one would bind the secret when it next reads it.
    await harness.reopen();
    await harness.secrets.set(secretAccount(profile.id, 'administrator'), ADMIN_PASSWORD);
    expect(await harness.secrets.get(secretAccount(profile.id, 'administrator'))).toBe(ADMIN_PASSWORD);
    await harness.service.start();
    expect(await stored('administrator')).toEqual({ value: ADMIN_PASSWORD, origins: [new URL(server.url).origin] });
  });

  it('the clients themselves refuse, at the moment of sending, to send a bound secret to another origin', async () => {
    const boundTo = [new URL(server.url).origin];
    const schedule = createScheduleClient({
      baseUrl: capture.url,
      credentials: { userName: 'admin', password: ADMIN_PASSWORD, boundTo },
    });
    await expect(schedule.system()).rejects.toMatchObject({ code: 'SECRET_BOUND_ELSEWHERE' });
    const xoi = createXoiClient({ ...xoiUrls(capture.url), apiKey: API_KEY, apiSecret: API_SECRET, boundTo });
    await expect(xoi.allUsers()).rejects.toMatchObject({ code: 'SECRET_BOUND_ELSEWHERE' });
    expect(capture.requests).toEqual([]);
    expect(encodeBoundSecret({ value: 'x', origins: boundTo })).not.toBe('x');
  });
});
