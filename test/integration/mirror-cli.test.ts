import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '../support/fixtures';
import { ProfileStore } from '../../electron/engine/profiles';
import { createKeytarStore, secretAccount } from '../../electron/engine/secrets';
import { type Sandbox } from '../../electron/sandbox';
import { appointmentKeyString } from '../../shared/domain';
import { type Appointment } from '../../electron/engine/schedule';
import Database from 'better-sqlite3';
import type { ChildProcess } from 'node:child_process';
import { runCli, startCli, stopChild } from '../support/run-cli';
import { testSandbox } from '../support/sandbox';
import { makeTempDir } from '../support/temp-dir';

/** The next stdout line of a running command that matches (earlier lines are skipped). */
function nextLine(child: ChildProcess, matches: (line: string) => boolean): Promise<string> {
  return new Promise((resolve, reject) => {
    let buffered = '';
    const onData = (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      const found = lines.find(matches);
      if (found !== undefined) {
        child.stdout?.off('data', onData);
        resolve(found);
      }
    };
    child.stdout?.on('data', onData);
    child.once('exit', () => reject(new Error('the command ended first')));
  });
}

describe('xoi-console mirror', () => {
  let sandbox: Sandbox;
  const temp = makeTempDir();
  beforeAll(async () => {
    sandbox = await testSandbox({ appointments: 150 });
  });
  afterAll(async () => {
    await sandbox.close();
    temp.remove();
  });

  it('--sandbox --once mirrors everything (XOi users included), prints progress to stderr and one summary line', async () => {
    const db = path.join(temp.dir, 'sandbox.db');
    const outcome = await runCli(['mirror', '--db', db, '--sandbox', sandbox.url, '--once']);
    expect(outcome.code).toBe(0);
    const lines = outcome.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(
      new RegExp(
        `^mirrored: appointments \\+${sandbox.world.appointments.size}, notes \\+${sandbox.world.notes.size}, history \\+${sandbox.world.history.size}, technicians \\+\\d+, companies \\+3, statuses \\+11, xoiUsers \\+${sandbox.world.xoiUsers.length} in \\d+\\.\\d+ s$`,
      ),
    );
    expect(outcome.stderr).toMatch(/appointments: \d+ of about \d+ rows/);
    const again = await runCli(['mirror', '--db', db, '--sandbox', sandbox.url, '--once']);
    expect(again.stdout).toMatch(/^mirrored: appointments \+0, notes \+0, history \+0/);
  });

  it('leaves every verdict in the file, as the console does, so diagnose needs no recompute', async ({ defer }) => {
    const db = path.join(temp.dir, 'verdicts.db');
    expect((await runCli(['mirror', '--db', db, '--sandbox', sandbox.url, '--once'])).code).toBe(0);
    const file = new Database(db, { readonly: true });
    defer(() => file.close());
    const verdicts = file.prepare('SELECT count(*) AS n FROM appointment_list WHERE live = 1').get() as { n: number };
    expect(verdicts.n).toBe(sandbox.world.appointments.size);
    expect(file.prepare("SELECT count(*) AS n FROM snapshots WHERE kind = 'dashboard'").get()).toEqual({ n: 1 });
  });

  it.for(['SIGTERM', 'SIGINT'] as const)(
    'without --once keeps mirroring, one line per pass, follows changes, and exits 0 on %s',
    async (signal, { defer }) => {
      const db = path.join(temp.dir, `continuous-${signal}.db`);
      const { child, firstLine } = await startCli(['mirror', '--db', db, '--sandbox', sandbox.url, '--interval', '1']);
      defer(() => stopChild(child));
      expect(firstLine).toMatch(/^pass 1: appointments \+\d+, .* in \d+\.\d+ s; next at \d{4}-/);
      const [first] = sandbox.world.appointments.values();
      sandbox.world.updateAppointment(
        appointmentKeyString(first as Appointment),
        { customer: `Changed for ${signal}` },
        sandbox.clock.now(),
        'test',
      );
      const line = await nextLine(child, (text) => /^pass \d+: appointments \+1,/.test(text));
      expect(line).toMatch(/^pass \d+: appointments \+1, notes \+0, history \+\d+/);
      const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
      child.kill(signal);
      expect(await exit).toBe(0);
      const file = new Database(db, { readonly: true });
      defer(() => file.close());
      expect(file.pragma('integrity_check', { simple: true })).toBe('ok');
      const customers = file
        .prepare('SELECT count(*) AS n FROM appointments WHERE customer = ?')
        .get(`Changed for ${signal}`);
      expect(customers).toEqual({ n: 1 });
    },
  );

  it('--api with --password-stdin reads the password from standard input', async () => {
    const outcome = await runCli(
      [
        'mirror',
        '--db',
        path.join(temp.dir, 'stdin.db'),
        '--api',
        sandbox.url,
        '--user',
        'admin',
        '--password-stdin',
        '--once',
      ],
      { stdin: 'sandbox\n' },
    );
    expect(outcome.code).toBe(0);
    expect(outcome.stdout).toMatch(/^mirrored: appointments \+150/);
  });

  it('--api without --password-stdin uses the password the console saved in the keychain for that API and user', async () => {
    const dataDir = path.join(temp.dir, 'data');
    const service = `XOi Console test ${randomBytes(4).toString('hex')}`;
    const profile = new ProfileStore(dataDir).save({ name: 'Test server', apiUrl: sandbox.url, userName: 'admin' });
    await createKeytarStore(service).set(secretAccount(profile.id, 'administrator'), 'sandbox');
    const outcome = await runCli(
      [
        'mirror',
        '--db',
        path.join(temp.dir, 'keychain.db'),
        '--api',
        `${sandbox.url}/`,
        '--user',
        'admin',
        '--once',
        '--data-dir',
        dataDir,
      ],
      { env: { XOI_KEYCHAIN_SERVICE: service } },
    );
    expect(outcome.stderr).not.toMatch(/No saved password/);
    expect(outcome.code).toBe(0);
  });

  it('fails with one clear line when nothing is saved for that API and user', async () => {
    const outcome = await runCli([
      'mirror',
      '--db',
      path.join(temp.dir, 'none.db'),
      '--api',
      sandbox.url,
      '--user',
      'someone',
      '--once',
      '--data-dir',
      path.join(temp.dir, 'empty'),
    ]);
    expect(outcome.code).toBe(1);
    expect(outcome.stderr.trim()).toBe(
      `xoi-console: No saved password for someone at ${sandbox.url}: save a profile for it in the console, or pass --password-stdin.`,
    );
  });

  it('exits non-zero with one clear line on a rejected login, and on an unreachable server', async () => {
    const rejected = await runCli(
      [
        'mirror',
        '--db',
        path.join(temp.dir, 'rejected.db'),
        '--api',
        sandbox.url,
        '--user',
        'admin',
        '--password-stdin',
        '--once',
      ],
      { stdin: 'wrong' },
    );
    expect(rejected.code).toBe(1);
    expect(rejected.stderr.trim().split('\n').at(-1)).toMatch(
      /^xoi-console: The Schedule server rejected the console's login, so syncing stopped\./,
    );
    const unreachable = await runCli(
      [
        'mirror',
        '--db',
        path.join(temp.dir, 'gone.db'),
        '--api',
        'http://schedule.nowhere.invalid',
        '--user',
        'admin',
        '--password-stdin',
        '--once',
      ],
      { stdin: 'x' },
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim().split('\n').at(-1)).toMatch(
      /^xoi-console: The Schedule server cannot be reached\./,
    );
    expect(`${rejected.stderr}${unreachable.stderr}`).not.toMatch(/\n\s+at /);
  });

  it.each([
    [['mirror', '--sandbox', 'http://127.0.0.1:1'], /--db FILE is required/],
    [['mirror', '--db', 'x.db'], /give either --sandbox URL or --api URL --user NAME/],
    [['mirror', '--db', 'x.db', '--api', 'http://x'], /--api needs --user NAME/],
    [['mirror', '--db', 'x.db', '--sandbox', 'ftp://x'], /--sandbox must be an http\(s\) URL/],
    [['mirror', '--db', 'x.db', '--sandbox', 'http://x', '--page-size', '5000'], /--page-size must be from 1 to 1000/],
  ])('refuses %j with one line and exit code 2', async (args, message) => {
    const outcome = await runCli(args);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(message);
  });
});

describe('xoi-console xoi-users', () => {
  let sandbox: Sandbox;
  beforeAll(async () => {
    sandbox = await testSandbox({ appointments: 20 });
  });
  afterAll(() => sandbox.close());
  const args = (secret: string) => ({
    args: [
      'xoi-users',
      '--token-url',
      `${sandbox.url}/xoi/token`,
      '--graphql-url',
      `${sandbox.url}/xoi/users/graphql`,
      '--api-key',
      'sandbox-api-key',
      '--api-secret-stdin',
      '--json',
    ],
    stdin: secret,
  });

  it('prints the XOi users (email, enabled, name) and exits 0', async () => {
    const { args: argv, stdin } = args('sandbox-api-secret');
    const outcome = await runCli(argv, { stdin });
    expect(outcome.code).toBe(0);
    const users = JSON.parse(outcome.stdout) as Array<{ email: string; enabled: boolean; name: string }>;
    expect(users.map((user) => user.email).sort()).toEqual(sandbox.world.xoiUsers.map((user) => user.email).sort());
    expect(users.some((user) => !user.enabled)).toBe(true);
  });

  it('a rejected key, an unreachable URL and a malformed answer each exit non-zero with one line', async () => {
    const rejected = await runCli(args('wrong').args, { stdin: 'wrong' });
    expect(rejected.code).toBe(1);
    expect(rejected.stderr.trim()).toMatch(/^xoi-console: XOi rejected the API key and secret\./);
    const unreachable = await runCli(
      [
        'xoi-users',
        '--token-url',
        'http://127.0.0.1:9/x',
        '--graphql-url',
        'http://127.0.0.1:9/y',
        '--api-key',
        'k',
        '--api-secret-stdin',
      ],
      { stdin: 's' },
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr.trim().split('\n')).toHaveLength(1);
    sandbox.faults.configure('/xoi/users:malformed=1');
    const malformed = await runCli(args('sandbox-api-secret').args, { stdin: 'sandbox-api-secret' });
    sandbox.faults.configure('');
    expect(malformed.code).toBe(1);
    expect(malformed.stderr.trim()).toMatch(/could not be read/);
    expect(`${rejected.stderr}${malformed.stderr}`).not.toContain('sandbox-api-secret');
  });
});
