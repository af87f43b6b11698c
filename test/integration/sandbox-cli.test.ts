import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '../support/fixtures';
import { repoRoot } from '../support/paths';
import { runCli, startCli, stopChild } from '../support/run-cli';
import { makeTempDir } from '../support/temp-dir';
import { SANDBOX_ADMIN_AUTHORIZATION } from '../support/sandbox';

const scenarioDir = path.join(repoRoot, 'test', 'fixtures', 'scenarios');

describe('xoi-console sandbox', () => {
  const temp = makeTempDir();
  beforeAll(() => {
    writeFileSync(path.join(temp.dir, 'broken.json'), '{ "now": ');
    writeFileSync(
      path.join(temp.dir, 'bad-tech.json'),
      JSON.stringify({
        now: '2026-03-02T12:00:00Z',
        companies: [{ id: 'TWO', name: 'F', active: true }],
        technicians: [],
        appointments: [
          {
            company: 'TWO',
            serviceCall: 'C',
            appointment: '1',
            status: 'Dispatched',
            technician: 'T9',
            taskDate: null,
            completedAt: null,
            createdIn: 'Schedule',
            modifiedAt: '2026-03-02T07:00:00Z',
          },
        ],
      }),
    );
  });
  afterAll(() => temp.remove());

  it('prints one line with its base URL, serves the contract, and stops cleanly on SIGTERM', async () => {
    const { child, firstLine } = await startCli([
      'sandbox',
      '--port',
      '0',
      '--seed',
      '3',
      '--appointments',
      '50',
      '--no-xoi-agent',
    ]);
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(firstLine)?.[0];
    expect(url).toBeDefined();
    const ping = await (await fetch(`${url}/v1/ping`)).json();
    expect(ping).toMatchObject({ product: 'WennSoft Schedule', contractVersion: 1 });
    const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exit).toBe(0);
  });

  it('serves a scenario exactly as written with --no-xoi-agent, at the scenario time', async ({ defer }) => {
    const { child, firstLine } = await startCli([
      'sandbox',
      '--scenario',
      path.join(scenarioDir, 'agent-basics.json'),
      '--no-xoi-agent',
    ]);
    defer(() => stopChild(child));
    const url = /http:\/\/127\.0\.0\.1:\d+/.exec(firstLine)?.[0];
    const auth = { Authorization: SANDBOX_ADMIN_AUTHORIZATION };
    const system = (await (await fetch(`${url}/v1/system`, { headers: auth })).json()) as { serverTime: string };
    expect(system.serverTime).toBe('2026-03-02T12:00:00.000Z');
    const feed = (await (await fetch(`${url}/v1/appointments/changes`, { headers: auth })).json()) as {
      items: unknown[];
    };
    expect(feed.items).toHaveLength(8);
  });

  it.each([
    [['sandbox', '--scenario', 'missing-file.json'], /--scenario: cannot read missing-file\.json \(ENOENT\)/],
    [['sandbox', '--scenario', '__TEMP__/broken.json'], /broken\.json: not valid JSON/],
    [['sandbox', '--scenario', '__TEMP__/bad-tech.json'], /appointments\[0\]\.technician: unknown technician "T9"/],
    [['sandbox', '--speed', '0'], /--speed must be a number above 0/],
    [['sandbox', '--seed', '-1'], /--seed needs a value/],
    [['sandbox', '--appointments', 'lots'], /--appointments must be a whole number/],
    [['sandbox', '--faults', '5xx=7'], /--faults: "5xx=7": the rate must be a number from 0 to 1/],
    [['sandbox', '--scenario', 'x.json', '--appointments', '5'], /cannot be combined with --scenario/],
    [['sandbox', '--colour', 'blue'], /Unknown option '--colour'/],
  ])('refuses %j with one clear line and exit code 2', async (args, message) => {
    const outcome = await runCli(args.map((arg) => arg.replace('__TEMP__', temp.dir)));
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(message);
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  });

  it.each([
    ['sandbox', '--appointments'],
    ['web', '--sandbox-appointments'],
  ])(
    '%s refuses a world larger than the process may hold, at once, saying what fits and how to allow more',
    async (command, flag) => {
      const outcome = await runCli([command, flag, '1000000', '--no-xoi-agent'], {
        env: { NODE_OPTIONS: '--max-old-space-size=1024' },
      });
      expect(outcome.code).toBe(2);
      expect(outcome.stderr).toMatch(
        new RegExp(`^xoi-console: ${flag}: a world of 1,000,000 appointments needs about [\\d.]+ GB`),
      );
      expect(outcome.stderr).toMatch(/Use at most [\d,]+, or allow more: NODE_OPTIONS=--max-old-space-size=\d+\./);
      expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
      expect(outcome.stdout).toBe('');
    },
  );

  it('refuses a port in use with one line and exit code 2', async ({ defer }) => {
    const { child, firstLine } = await startCli(['sandbox', '--no-xoi-agent', '--appointments', '10']);
    defer(() => stopChild(child));
    const port = /127\.0\.0\.1:(\d+)/.exec(firstLine)?.[1] ?? '';
    const outcome = await runCli(['sandbox', '--port', port, '--no-xoi-agent', '--appointments', '10']);
    expect(outcome.code).toBe(2);
    expect(outcome.stderr).toMatch(new RegExp(`--port ${port}: that port is already in use`));
    expect(outcome.stderr.trim().split('\n')).toHaveLength(1);
  });
});
