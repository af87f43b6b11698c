import { mkdirSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it, type Defer } from '../support/fixtures';
import { CODES, VERDICT_CODES } from '../../shared/diagnosis';
import { openMirrorForWriting } from '../../electron/engine/store';
import { createXoiClient, sandboxXoiEndpoints, mirrorXoiUsers } from '../../electron/engine/xoi';
import { SANDBOX_XOI_API, startSandbox, parseScenario, ScenarioError } from '../../electron/sandbox';
import { repoRoot } from '../support/paths';
import { runCli } from '../support/run-cli';
import { loadScenarioFixture } from '../support/sandbox';
import { mirrorScenario } from '../support/scenario-mirror';
import { makeTempDir } from '../support/temp-dir';

interface CliVerdict {
  key: string;
  state: string;
  codes: string[];
  summary: string;
  evidence: Array<{ label: string; value: string; at?: string }>;
  nextStep: string;
}

const temp = makeTempDir('xoi-rules-');
afterAll(() => temp.remove());

/** Mirrors a rule's world (with XOi's users when asked) and diagnoses one appointment with the command line. */
async function diagnose(
  file: string,
  options: { key?: string; withXoi?: boolean; now?: boolean } = {},
): Promise<CliVerdict> {
  const scenario = loadScenarioFixture(path.join('rules', file));
  const dir = path.join(
    temp.dir,
    `${file}-${options.withXoi ? 'xoi' : 'plain'}-${options.now === false ? 'server' : 'now'}`,
  );
  const db = await mirrorScenario(scenario, makeDir(dir), async (sandbox, dbFile) => {
    if (!options.withXoi) return;
    const store = openMirrorForWriting(dbFile);
    await mirrorXoiUsers(
      store,
      createXoiClient({ ...sandboxXoiEndpoints(sandbox.url), ...SANDBOX_XOI_API }),
      Date.parse(scenario.now),
    );
    store.db.close();
  });
  const outcome = await runCli(['diagnose', options.key ?? 'TWO/C-1/001', '--db', db, '--json', '--now', scenario.now]);
  expect(outcome.stderr).toBe('');
  return (JSON.parse(outcome.stdout) as CliVerdict[])[0] as CliVerdict;
}

function makeDir(dir: string): string {
  mkdirSync(dir, { recursive: true });
  return dir;
}

const evidence = (verdict: CliVerdict, label: string) => verdict.evidence.filter((item) => item.label === label);

describe('the vendor rules, each in its own world (test/fixtures/scenarios/rules)', () => {
  it('1. a completed appointment with no technician is held like an unassigned one, never "job notes overdue"', async () => {
    const verdict = await diagnose('completed-without-technician.json');
    expect(verdict.codes[0]).toBe('NOT_ASSIGNED');
    expect(verdict.codes).not.toContain('JOB_NOTES_OVERDUE');
    expect(verdict.state).toBe('waiting');
    expect(verdict.summary).toMatch(/^Completed with no technician/);
    expect(verdict.nextStep).not.toMatch(/XOi user/);
  });

  it('2. every technician cause at once: the email differs by case and the matched XOi user is disabled', async () => {
    const verdict = await diagnose('mismatch-and-disabled.json', { withXoi: true });
    expect(verdict.codes).toEqual(
      expect.arrayContaining(['TECH_EMAIL_MISMATCH', 'TECH_XOI_USER_DISABLED', 'JOB_NOTES_OVERDUE']),
    );
    expect(verdict.codes.slice(0, 2)).toEqual(['TECH_EMAIL_MISMATCH', 'TECH_XOI_USER_DISABLED']);
    expect(evidence(verdict, 'XOi user email')[0]?.value).toMatch(
      /differs only by case or spaces\), and the user is disabled/,
    );
  });

  it("3. a note that only carries an XOi note's name, typed by a person, does not count; the evidence says so", async () => {
    const verdict = await diagnose('typed-lookalike-notes.json');
    expect(verdict.codes).toContain('JOB_NOTES_OVERDUE');
    expect(verdict.codes).not.toContain('NOTES_COMPLETE');
    expect(evidence(verdict, 'Not an XOi note').map((item) => item.value)).toEqual([
      '"XOi Site History" is not read-only: it was typed by a person, so it does not count as XOi\'s',
      '"XOi Workflow" is not read-only: it was typed by a person, so it does not count as XOi\'s',
    ]);
  });

  /** The world mirrored as an administrator would: `xoi-console mirror` on the wall clock, against the frozen server. */
  async function mirroredByCli(file: string, defer: Defer): Promise<string> {
    const sandbox = await startSandbox({ scenario: loadScenarioFixture(path.join('rules', file)), xoiAgent: false });
    defer(() => sandbox.close());
    const db = path.join(makeDir(path.join(temp.dir, `${file}-cli`)), 'mirror.db');
    expect((await runCli(['mirror', '--db', db, '--sandbox', sandbox.url, '--once'])).code).toBe(0);
    return db;
  }
  const diagnoseFile = async (db: string, key: string, extra: string[] = []) =>
    (
      JSON.parse((await runCli(['diagnose', key, '--db', db, '--json', ...extra])).stdout) as CliVerdict[]
    )[0] as CliVerdict;

  it("4. diagnose uses the Schedule server's time of the last pass (not this computer's); --now overrides it", async ({
    defer,
  }) => {
    const db = await mirroredByCli('server-clock.json', defer);
    expect((await diagnoseFile(db, 'TWO/C-1/001')).codes[0]).toBe('AWAITING_XOI_POLL');
    const sixHoursLater = await diagnoseFile(db, 'TWO/C-1/001', ['--now', '2026-03-02T18:00:00Z']);
    expect(sixHoursLater.codes).toContain('JOB_NOTES_OVERDUE');
    expect(sixHoursLater.codes).not.toContain('AWAITING_XOI_POLL');

    // A note dated after the server's time is flagged as clock skew in the evidence.
    expect(evidence(await diagnoseFile(db, 'TWO/C-2/001'), 'Clock skew').map((item) => item.value)).toEqual([
      "XOi Site History is dated 2 h after the Schedule server's time at the last sync: a clock is off",
      "XOi Workflow is dated 2 h after the Schedule server's time at the last sync: a clock is off",
    ]);
  });

  it('5. versions are read in the forms the setup window shows ("18.0", "4.10", "v8.2")', async () => {
    const verdict = await diagnose('versions-as-written.json');
    expect(verdict.codes).not.toContain('UNSUPPORTED_VERSION');
    expect(verdict.codes[0]).toBe('NOTES_COMPLETE');
  });

  it('5. a version that cannot be read is a warning in the evidence, not a blocker of the appointment', async () => {
    const verdict = await diagnose('version-unreadable.json');
    expect(verdict.codes).not.toContain('UNSUPPORTED_VERSION');
    expect(verdict.codes[0]).toBe('JOB_NOTES_OVERDUE');
    expect(evidence(verdict, 'Could not read the Signature version')[0]?.value).toBe('"GP Signature (custom build)"');
  });

  it('7. scenario files match status names without regard to case, as the diagnosis does', async () => {
    const verdict = await diagnose('status-names-any-case.json');
    expect(verdict.codes[0]).toBe('NOTES_COMPLETE');
    expect(evidence(verdict, 'Status')[0]?.value).toBe('dispatched (scheduled)');
  });

  it('7. a scenario "now" without a time zone offset gets a message that says an offset is needed', () => {
    const scenario = { ...loadScenarioFixture(path.join('rules', 'reassign-status.json')), now: '2026-03-02T12:00:00' };
    expect(() => parseScenario(scenario, 'world.json')).toThrow(ScenarioError);
    expect(() => parseScenario(scenario, 'world.json')).toThrow(
      'world.json: now: "2026-03-02T12:00:00" needs a time zone offset: write it like 2026-03-02T12:00:00Z (UTC) or 2026-03-02T12:00:00-05:00',
    );
  });
});

describe('the wording of the verdicts', () => {
  it('JOB_NOTES_OVERDUE names the missing note and its MobileTech field, and does not ask to check a verified XOi user', async () => {
    const verified = await diagnose('job-notes-overdue-verified-user.json', { withXoi: true });
    expect(verified.codes[0]).toBe('JOB_NOTES_OVERDUE');
    expect(verified.summary).toMatch(
      /^XOi Workflow has not arrived .* so the "XOi Workflow" field does not show in MobileTech\.$/,
    );
    expect(verified.nextStep).toMatch(/^The technician's XOi user is verified\./);
    const unverified = await diagnose('job-notes-overdue-verified-user.json');
    expect(unverified.nextStep).toMatch(/^Check the technician's XOi user/);
  });

  it('NOT_ASSIGNED on "Re-assign" explains that the appointment waits for a new technician', async () => {
    const verdict = await diagnose('reassign-status.json');
    expect(verdict.codes[0]).toBe('NOT_ASSIGNED');
    expect(verdict.summary).toBe(
      'The status "Re-assign" means the appointment waits for a new technician, so XOi does not take it, even though Ana Ruiz (T100) is still set on it.',
    );
  });

  it('names technicians by name with the id in brackets (reassignment included), and never says "complete" beside it', async () => {
    const verdict = await diagnose('reassigned-after-job.json');
    expect(verdict.codes[0]).toBe('REASSIGNED_AFTER_JOB');
    expect(verdict.codes).not.toContain('NOTES_COMPLETE');
    expect(evidence(verdict, 'Technician when XOi made the job')[0]?.value).toBe('Ana Ruiz (T100)');
    expect(evidence(verdict, 'Technician now')[0]?.value).toBe('Ben Okafor (T101)');
    expect(evidence(verdict, 'Technician')[0]?.value).toBe('Ben Okafor (T101)');
    expect(evidence(verdict, 'Task date')[0]?.value).toBe('2026-03-01 08:00 UTC');
  });

  it('reads instants sent in other offsets in time order: the technician at the job, and the notes on the device', async () => {
    // As text, 04:00-05:00 sorts before the job's 06:05Z although it is 09:00 UTC, three hours after it.
    const verdict = await diagnose('instants-in-other-offsets.json');
    expect(verdict.codes[0]).toBe('REASSIGNED_AFTER_JOB');
    expect(evidence(verdict, 'Technician when XOi made the job')[0]?.value).toBe('Ana Ruiz (T100)');
    expect(verdict.codes).not.toContain('NOTES_NOT_ON_DEVICE_YET');
    expect(evidence(verdict, 'Eligible for XOi since')[0]?.at).toBe('2026-03-01T06:00:00.000Z');
  });

  it('no verdict of any world doubles a word, and every one has a summary and a next step', async () => {
    const worlds = readdirSync(path.join(repoRoot, 'test', 'fixtures', 'scenarios', 'rules'));
    for (const world of worlds) {
      const scenario = loadScenarioFixture(path.join('rules', world));
      for (const appointment of scenario.appointments) {
        const key = `${appointment.company}/${appointment.serviceCall}/${appointment.appointment}`;
        const verdict = await diagnose(world, { key });
        const texts = [
          verdict.summary,
          verdict.nextStep,
          ...verdict.evidence.map((item) => `${item.label} ${item.value}`),
        ];
        for (const text of texts) expect(text, `${world} ${key}`).not.toMatch(/\b(\w+)\s+\1\b/i);
        expect(verdict.summary.length, `${world} ${key}`).toBeGreaterThan(10);
        expect(verdict.nextStep.length, `${world} ${key}`).toBeGreaterThan(10);
      }
    }
  });
});

describe('every reason code', () => {
  it.each(VERDICT_CODES)('%s has a title and a next step, with no doubled words', (code) => {
    const info = CODES[code];
    expect(info.title.length).toBeGreaterThan(10);
    expect(info.nextStep.length).toBeGreaterThan(10);
    expect(`${info.title} ${info.nextStep}`).not.toMatch(/\b(\w+)\s+\1\b/i);
  });
});
