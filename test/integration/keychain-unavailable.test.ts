import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '../support/fixtures';
import { startCli, stopChild } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';
import { webHostClient } from '../support/web-host-client';

describe('when the operating system keychain cannot be used', () => {
  it('says so plainly with the fix, refuses to store a password anywhere else, and keeps the sandbox working', async ({
    defer,
  }) => {
    const temp = makeTempDir();
    // A real failure, not a stand-in: the Secret Service is simply not reachable from this process.
    const { child, firstLine } = await startCli(
      ['web', '--json', '--data-dir', temp.dir, '--sandbox-appointments', '60'],
      { DBUS_SESSION_BUS_ADDRESS: 'unix:path=/nonexistent/xoi-test-bus', DISPLAY: '' },
    );
    defer(async () => {
      await stopChild(child);
      temp.remove();
    });
    const host = webHostClient(firstLine);
    const list = await host.call<{ keychain: { available: boolean; message: string; nextStep: string } }>(
      'profiles.list',
    );
    expect(list.ok).toBe(true);
    if (!list.ok) return;
    expect(list.value.keychain.available).toBe(false);
    expect(list.value.keychain.message).toMatch(/keychain cannot be used.*never stored anywhere else/);
    expect(list.value.keychain.nextStep).toMatch(/Secret Service|Keychain|Credential Manager/);

    const profilesFile = path.join(temp.dir, 'profiles.json');
    const readProfiles = () => (existsSync(profilesFile) ? readFileSync(profilesFile, 'utf8') : null);
    const before = readProfiles();
    const saved = await host.call('profiles.save', {
      name: 'Production',
      apiUrl: 'https://schedule.example.com/api',
      userName: 'admin',
      password: 'Keychain-Canary-91',
    });
    expect(saved).toMatchObject({ ok: false, error: { code: 'KEYCHAIN_UNAVAILABLE' } });
    expect(readProfiles()).toBe(before);

    // The sandbox still works (its published credentials), so the console is usable read-only.
    expect(await host.call('sync.now')).toEqual({ ok: true, value: { outcome: 'ok' } });
    const page = await host.call<{ total: number }>('appointments.query', { limit: 5 });
    expect(page).toMatchObject({ ok: true, value: { total: 60 } });
  });
});
