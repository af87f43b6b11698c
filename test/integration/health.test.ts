import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it, type Defer } from '../support/fixtures';
import { type HealthReport, type ProfileView } from '../../shared/contract';
import { startSandbox, type Sandbox } from '../../electron/sandbox';
import { runCli } from '../support/run-cli';
import { loadScenarioFixture } from '../support/sandbox';
import { serviceHarness } from '../support/service-harness';
import { makeTempDir } from '../support/temp-dir';

describe('xoi-console health', () => {
  const temp = makeTempDir('xoi-health-');
  afterAll(() => temp.remove());

  async function mirrored(fixture: string, defer: Defer): Promise<string> {
    const sandbox = await startSandbox({ scenario: loadScenarioFixture(fixture), xoiAgent: false });
    defer(() => sandbox.close());
    const db = path.join(temp.dir, `${fixture.replace(/\W/g, '-')}.db`);
    const outcome = await runCli(['mirror', '--db', db, '--sandbox', sandbox.url, '--once']);
    expect(outcome.code, outcome.stderr).toBe(0);
    return db;
  }

  it('says a healthy integration is healthy, and exits 0', async ({ defer }) => {
    const outcome = await runCli(['health', '--db', await mirrored('codes/NOTES_COMPLETE.json', defer)]);
    expect(outcome.stdout).toBe('healthy: nothing is wrong with the integration\n');
    expect(outcome.code).toBe(0);
  });

  it("reports XOi's refused polls with the fix and the appointments they hold, and exits 1", async ({ defer }) => {
    const outcome = await runCli(['health', '--db', await mirrored('codes/XOI_AUTH_FAILING.json', defer), '--json']);
    expect(outcome.code).toBe(1);
    const report = JSON.parse(outcome.stdout) as {
      healthy: boolean;
      worst: string;
      conditions: HealthReport['conditions'];
    };
    expect(report.healthy).toBe(false);
    expect(report.conditions[0]).toMatchObject({
      id: 'integration:XOI_AUTH_FAILING',
      severity: 'needs-action',
      fix: { action: 'print-setup-sheet' },
    });
    expect(report.conditions[0]?.affected).toBeGreaterThan(0);
  });

  it('reports a damaged mirror file as blocked, with the rebuild', async () => {
    const db = path.join(temp.dir, 'damaged.db');
    writeFileSync(db, 'not a database at all');
    const outcome = await runCli(['health', '--db', db]);
    expect(outcome.code).toBe(1);
    expect(outcome.stdout).toMatch(/^BLOCKED: The mirror database cannot be used\./);
  });
});

describe('the engine keeps the health current', () => {
  let sandbox: Sandbox;
  let harness: ReturnType<typeof serviceHarness>;
  afterEach(async () => {
    await harness.close();
    await sandbox.close();
  });

  it('a condition appears after a pass, and clears when its cause is fixed; health.changed says so', async () => {
    sandbox = await startSandbox({ scenario: loadScenarioFixture('codes/XOI_AUTH_FAILING.json'), xoiAgent: false });
    harness = serviceHarness({ sandboxUrl: sandbox.url });
    const pushed: HealthReport[] = [];
    harness.service.events.subscribe((name, payload) => {
      if (name === 'health.changed') pushed.push(payload as HealthReport);
    });
    await harness.call('sync.now');
    const before = await harness.call<HealthReport>('health.get');
    expect(before.conditions.map((condition) => condition.id)).toContain('integration:XOI_AUTH_FAILING');
    expect(before.worst).toBe('needs-action');

    // XOi is told the password: its next poll is accepted.
    sandbox.world.recordIntegrationCall(sandbox.clock.now(), true);
    await harness.call('sync.now');
    const after = await harness.call<HealthReport>('health.get');
    expect(after.conditions.map((condition) => condition.id)).not.toContain('integration:XOI_AUTH_FAILING');
    expect(pushed.at(-1)?.conditions.map((condition) => condition.id)).not.toContain('integration:XOI_AUTH_FAILING');
  });

  it('ticks the first-run checklist of a new connection step by step', async () => {
    sandbox = await startSandbox({ scenario: loadScenarioFixture('codes/NOTES_COMPLETE.json'), xoiAgent: false });
    sandbox.world.setAdminPassword('Checklist-Admin-1');
    Object.assign(sandbox.world.integration, { hiddenUserExists: false, hiddenRoles: [], passwordHash: null });
    harness = serviceHarness({ sandboxUrl: sandbox.url });
    const steps = async () =>
      Object.fromEntries(
        (await harness.call<HealthReport>('health.get')).checklist.map((item) => [item.step, item.done]),
      );

    const profile = await harness.call<ProfileView>('profiles.save', {
      name: 'Production',
      apiUrl: sandbox.url,
      userName: 'admin',
      password: 'Checklist-Admin-1',
    });
    await harness.call('profiles.activate', { id: profile.id });
    expect(await steps()).toEqual({
      connect: true,
      test: false,
      setup: false,
      'send-sheet': false,
      'first-mirror': false,
    });
    await harness.call('profiles.testConnection', { apiUrl: sandbox.url, userName: 'admin', profileId: profile.id });
    expect((await steps()).test).toBe(true);
    await harness.call('setup.apply', {
      password: 'Checklist-Integration-1',
      confirmPassword: 'Checklist-Integration-1',
    });
    await harness.call('sync.now');
    expect(await steps()).toMatchObject({ setup: true, 'first-mirror': true, 'send-sheet': false });
    await harness.call('setup.markSheetSent', { sent: true });
    expect(Object.values(await steps()).every(Boolean)).toBe(true);
  });
});
