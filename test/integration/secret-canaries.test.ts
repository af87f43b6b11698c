import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from '../support/fixtures';
import { runCli, startCli, stopChild } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';
import { webHostClient } from '../support/web-host-client';
import { EMPTY_APPOINTMENT_FILTER } from '../../shared/contract';

function everyFile(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? everyFile(full) : [full];
  });
}

describe('secret canaries', () => {
  it('one canary per kind of secret, through every path, never lands in a log, database, config file, export or output', async ({
    openSandbox,
    defer,
  }) => {
    const tag = randomBytes(3).toString('hex');
    const canaries = {
      administrator: `AdminCanary-${tag}-1`,
      integration: `IntegrationCanary-${tag}-2`,
      apiKey: `ApiKeyCanary-${tag}-3`,
      apiSecret: `ApiSecretCanary-${tag}-4`,
    };
    const server = await openSandbox({ appointments: 80 });
    server.world.setAdminPassword(canaries.administrator);
    server.world.xoiApi.apiKey = canaries.apiKey;
    server.world.xoiApi.apiSecret = canaries.apiSecret;
    const temp = makeTempDir('xoi-canary-');
    defer(() => temp.remove());
    const dataDir = path.join(temp.dir, 'data');
    const env = { XOI_KEYCHAIN_SERVICE: `XOi Console canary ${tag}` };
    const outputs: string[] = [];
    const answers: unknown[] = [];
    let host = await startCli(['web', '--json', '--data-dir', dataDir, '--sandbox-appointments', '30'], env);
    defer(() => stopChild(host.child));
    let api = webHostClient(host.firstLine);
    const call = async (method: string, args: unknown = {}) => {
      const result = await api.call(method, args);
      answers.push(result);
      return result;
    };
    // Profiles (and an error on the way: a refused connection with the canary as password).
    await call('profiles.testConnection', {
      apiUrl: 'http://127.0.0.1:9',
      userName: 'admin',
      password: canaries.administrator,
    });
    const saved = (await call('profiles.save', {
      name: 'Canary server',
      apiUrl: server.url,
      userName: 'admin',
      password: canaries.administrator,
    })) as { ok: boolean; value: { id: string } };
    expect(saved.ok).toBe(true);
    await call('profiles.activate', { id: saved.value.id });
    await call('profiles.testConnection', { apiUrl: server.url, userName: 'admin', profileId: saved.value.id });
    // Sync (Basic authentication on every request), then a wrong password error.
    expect(await call('sync.now')).toEqual({ ok: true, value: { outcome: 'ok' } });
    await call('profiles.testConnection', {
      apiUrl: server.url,
      userName: 'admin',
      password: `${canaries.administrator}-wrong`,
    });
    // The wizard: a mismatch error, then the real apply.
    await call('setup.apply', { password: canaries.integration, confirmPassword: `${canaries.integration}x` });
    expect(
      await call('setup.apply', { password: canaries.integration, confirmPassword: canaries.integration }),
    ).toMatchObject({ ok: true });
    // XOi's API: key and secret, and the tokens XOi hands out.
    expect(
      await call('xoi.save', {
        environment: 'custom',
        tokenUrl: `${server.url}/xoi/token`,
        usersUrl: `${server.url}/xoi/users/graphql`,
        jobsUrl: `${server.url}/xoi/jobs/graphql`,
        apiKey: canaries.apiKey,
        apiSecret: canaries.apiSecret,
      }),
    ).toMatchObject({ ok: true, value: { configured: true, error: null } });
    await call('xoi.check');
    await call('sync.now');
    // Printing (the sheet's data) and the export.
    await call('sheet.data');
    await call('appointments.export', {
      filter: EMPTY_APPOINTMENT_FILTER,
      format: 'csv',
    });
    // A crash: the host is killed outright, then started again on the same data.
    host.child.kill('SIGKILL');
    await new Promise((resolve) => host.child.once('exit', resolve));
    outputs.push(host.firstLine, host.stderr());
    host = await startCli(['web', '--json', '--data-dir', dataDir], env);
    api = webHostClient(host.firstLine);
    expect(await call('sync.now')).toEqual({ ok: true, value: { outcome: 'ok' } });
    // The command line.
    const mirrorDb = path.join(temp.dir, 'cli.db');
    const mirror = ['mirror', '--db', mirrorDb, '--api', server.url, '--user', 'admin', '--password-stdin', '--once'];
    const xoiUsers = [
      'xoi-users',
      '--token-url',
      `${server.url}/xoi/token`,
      '--graphql-url',
      `${server.url}/xoi/users/graphql`,
      '--api-key',
      canaries.apiKey,
      '--api-secret-stdin',
    ];
    // Each with its secret on standard input, then a wrong one (an error on the way).
    for (const [args, stdin] of [
      [mirror, canaries.administrator],
      [mirror, `${canaries.administrator}-wrong`],
      [xoiUsers, canaries.apiSecret],
      [xoiUsers, 'wrong'],
    ] as const) {
      const outcome = await runCli(args, { stdin });
      outputs.push(outcome.stdout, outcome.stderr);
    }
    const diagnosed = await runCli(['diagnose', '--all', '--db', mirrorDb, '--json']);
    outputs.push(diagnosed.stdout, diagnosed.stderr);
    // The host's last words count too.
    await stopChild(host.child);
    outputs.push(host.firstLine, host.stderr());
    const files = everyFile(dataDir).concat(everyFile(temp.dir).filter((file) => !file.startsWith(dataDir)));
    expect(
      files.some((file) => file.endsWith('.log') && statSync(file).size > 0),
      'the host wrote its log',
    ).toBe(true);
    expect(files.some((file) => file.endsWith('.db'))).toBe(true);
    const haystacks: Array<[string, string | Buffer]> = [
      ...files.map((file): [string, Buffer] => [path.relative(temp.dir, file), readFileSync(file)]),
      ...outputs.map((text, index): [string, string] => [`output ${index}`, text]),
      ...answers.map((answer, index): [string, string] => [`answer ${index}`, JSON.stringify(answer)]),
    ];
    const hits: string[] = [];
    for (const [kind, canary] of Object.entries(canaries)) {
      for (const [where, content] of haystacks) if (content.includes(canary)) hits.push(`${kind} in ${where}`);
    }
    // XOi's tokens have a shape; none may be written anywhere either.
    for (const [where, content] of haystacks)
      if (/xoi\.[A-Za-z0-9_-]{32}/.test(content.toString('latin1'))) hits.push(`an XOi token in ${where}`);
    expect(hits).toEqual([]);
  }, 180_000);
});
