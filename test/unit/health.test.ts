import { describe, expect, it } from 'vitest';
import { type HealthReport } from '../../shared/contract';
import { assessHealth, SHARED_CAUSE_MIN, STALE_MIRROR_MS, type HealthFacts } from '../../shared/health';
import { createHealthNotifier } from '../../electron/main/health-notifier';
import { badgeColour, trayLabel, withBadge } from '../../electron/main/tray-label';

const NOW = Date.parse('2026-03-02T12:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();

/** A connection with nothing wrong: synced a minute ago, XOi polling, every prerequisite met. */
function healthy(overrides: Partial<HealthFacts> = {}): HealthFacts {
  return {
    now: NOW,
    serverNow: NOW,
    isSandbox: false,
    sync: { state: 'idle', lastSuccessAt: iso(NOW - 60_000), nextRunAt: iso(NOW + 60_000) },
    runs: [
      { outcome: 'ok', errorCode: null, errorMessage: null, startedAt: iso(NOW - 70_000), endedAt: iso(NOW - 60_000) },
    ],
    lastSuccessAt: iso(NOW - 60_000),
    mirrorProblem: null,
    keychain: { available: true, message: null, nextStep: null },
    appointments: 300,
    system: {
      scheduleVersion: '4.7',
      signatureVersion: '2018',
      mobileTechVersion: '8.6',
      seeRegistered: true,
      xoiEnabledInMobileTechAdmin: true,
    },
    integration: { configured: true, passwordSetAt: iso(NOW - 86_400_000) },
    activity: { lastCallAt: iso(NOW - 5 * 60_000), lastCallResult: 'ok', authFailures: [] },
    pollDelayMs: 15 * 60_000,
    versionMinimums: { mobileTech: '8', signature: '2016', schedule: '4.5' },
    codeCounts: {},
    heldByTechnician: [],
    heldByCompany: [],
    ...overrides,
  };
}

const ids = (facts: HealthFacts) => assessHealth(facts).map((condition) => `${condition.severity} ${condition.id}`);

describe('the integration health model', () => {
  it('finds nothing wrong with a healthy connection', () => {
    expect(assessHealth(healthy())).toEqual([]);
  });

  it("XOi's polls rejected: needs action, since the first refusal after the password change, with how many wait", () => {
    const [condition] = assessHealth(
      healthy({
        activity: {
          lastCallAt: iso(NOW - 60_000),
          lastCallResult: 'auth-failed',
          authFailures: [
            { at: iso(NOW - 60_000), reason: 'wrong password' },
            { at: iso(NOW - 600_000), reason: 'wrong password' },
            { at: iso(NOW - 90_000_000), reason: 'wrong password' },
          ],
        },
        codeCounts: { XOI_AUTH_FAILING: 741 },
      }),
    );
    expect(condition).toMatchObject({
      id: 'integration:XOI_AUTH_FAILING',
      severity: 'needs-action',
      affected: 741,
      since: iso(NOW - 600_000),
      fix: { action: 'print-setup-sheet' },
    });
  });

  it('XOi not polling, and each failing prerequisite, block with a way to Setup', () => {
    expect(
      ids(healthy({ activity: { lastCallAt: iso(NOW - 5 * 3_600_000), lastCallResult: 'ok', authFailures: [] } })),
    ).toEqual(['needs-action integration:XOI_NOT_POLLING']);
    const blocked = assessHealth(
      healthy({
        system: {
          scheduleVersion: '4.2',
          signatureVersion: '2015',
          mobileTechVersion: '7.1',
          seeRegistered: false,
          xoiEnabledInMobileTechAdmin: false,
        },
        integration: { configured: false, passwordSetAt: null },
      }),
    );
    expect(blocked.map((condition) => condition.id)).toEqual([
      'integration:SEE_NOT_REGISTERED',
      'integration:XOI_NOT_ENABLED_IN_MOBILETECH',
      'integration:UNSUPPORTED_VERSION',
      'integration:INTEGRATION_NOT_CONFIGURED',
    ]);
    expect(
      blocked.every((condition) => condition.severity === 'blocked' && condition.fix?.action === 'open-setup'),
    ).toBe(true);
  });

  it('tells a refused Schedule login, an unreachable server, a stall, a failing and a paused sync apart', () => {
    const status = (sync: HealthFacts['sync']) => ids(healthy({ sync }));
    expect(
      status({
        state: 'needs-credentials',
        code: 'SYNC_LOGIN_REJECTED',
        message: 'Rejected.',
        nextStep: 'Enter it.',
        lastSuccessAt: null,
      }),
    ).toEqual(['blocked sync:login']);
    expect(
      status({
        state: 'error',
        code: 'SYNC_SERVER_UNREACHABLE',
        message: 'Down.',
        nextStep: '',
        nextRetryAt: iso(NOW),
        lastSuccessAt: null,
      }),
    ).toEqual(['blocked sync:unreachable']);
    expect(
      status({
        state: 'error',
        code: 'SYNC_STALLED',
        message: 'Stalled.',
        nextStep: '',
        nextRetryAt: iso(NOW),
        lastSuccessAt: null,
      }),
    ).toEqual(['warning sync:stalled']);
    expect(
      status({
        state: 'error',
        code: 'SYNC_SERVER_ERROR',
        message: '500.',
        nextStep: '',
        nextRetryAt: iso(NOW),
        lastSuccessAt: null,
      }),
    ).toEqual(['warning sync:failing']);
    expect(
      status({
        state: 'error',
        code: 'SYNC_MALFORMED_RESPONSE',
        message: 'Bad.',
        nextStep: '',
        nextRetryAt: null,
        lastSuccessAt: null,
      }),
    ).toEqual(['needs-action sync:failing']);
    expect(status({ state: 'paused', lastSuccessAt: null })).toEqual(['warning sync:paused']);
  });

  it('from the file alone (no live poller), reads the last run instead', () => {
    const facts = healthy({
      sync: null,
      runs: [
        {
          outcome: 'error',
          errorCode: 'SYNC_LOGIN_REJECTED',
          errorMessage: 'Rejected.',
          startedAt: iso(NOW - 10_000),
          endedAt: iso(NOW - 9_000),
        },
      ],
    });
    expect(assessHealth(facts)[0]).toMatchObject({ id: 'sync:login', since: iso(NOW - 10_000) });
  });

  it('an out-of-date mirror, a damaged one, a locked keychain and an empty one each say so', () => {
    expect(ids(healthy({ lastSuccessAt: iso(NOW - STALE_MIRROR_MS - 1) }))).toEqual(['warning sync:stale']);
    expect(
      ids(healthy({ mirrorProblem: { code: 'MIRROR_CORRUPT', message: 'Damaged.', nextStep: 'Rebuild.' } })),
    ).toEqual(['blocked mirror:MIRROR_CORRUPT']);
    expect(
      assessHealth(healthy({ mirrorProblem: { code: 'MIRROR_READ_ONLY', message: 'Read-only.' } }))[0]?.fix,
    ).toBeNull();
    expect(ids(healthy({ keychain: { available: false, message: 'Locked.', nextStep: 'Unlock it.' } }))).toEqual([
      'needs-action keychain',
    ]);
    expect(
      ids(
        healthy({
          lastSuccessAt: null,
          appointments: 0,
          runs: [],
          sync: { state: 'idle', lastSuccessAt: null, nextRunAt: null },
        }),
      ),
    ).toEqual(['info mirror:empty']);
  });

  it('one banner per technician or company holding many appointments back for one reason', () => {
    const conditions = assessHealth(
      healthy({
        heldByTechnician: [
          { technicianId: 'T109', name: 'Jonas Alvarez', code: 'TECH_NOT_XOI_USER', count: 20 },
          { technicianId: 'T120', name: 'Few Appointments', code: 'TECH_NOT_XOI_USER', count: SHARED_CAUSE_MIN - 1 },
        ],
        heldByCompany: [{ companyId: 'FOUR', name: 'Northwind', count: 1795 }],
      }),
    );
    expect(conditions.map((condition) => [condition.id, condition.affected])).toEqual([
      ['company:FOUR', 1795],
      ['technician:T109:TECH_NOT_XOI_USER', 20],
    ]);
    expect(conditions[0]?.title).toBe(
      '1,795 appointments of Northwind (FOUR) are held: the company is not active with XOi',
    );
    expect(conditions[1]?.title).toBe('20 appointments of Jonas Alvarez (T109) get no XOi notes');
    expect(conditions[1]?.fix).toMatchObject({
      action: 'open-appointments',
      target: 'technician=T109&code=TECH_NOT_XOI_USER',
    });
  });
});

describe('the desktop side of health', () => {
  const report = (...conditions: HealthReport['conditions']): HealthReport => ({
    conditions,
    worst: conditions[0]?.severity ?? null,
    checkedAt: iso(NOW),
    checklist: [],
  });
  const condition = (id: string, severity: HealthReport['conditions'][number]['severity']) => ({
    id,
    severity,
    title: `Title ${id}`,
    detail: 'Detail.',
    nextStep: 'Next.',
    since: null,
    evidence: [],
    affected: null,
    fix: null,
  });

  it('notifies once per condition when it appears, again if it comes back, never for info, never when off', () => {
    const shown: string[] = [];
    let enabled = true;
    const notify = createHealthNotifier({ show: (title) => shown.push(title), enabled: () => enabled });
    notify(report(condition('a', 'blocked'), condition('b', 'info')));
    notify(report(condition('a', 'blocked')));
    expect(shown).toEqual(['XOi Console: Title a']);
    notify(report());
    notify(report(condition('a', 'blocked')));
    expect(shown).toHaveLength(2);
    enabled = false;
    notify(report(condition('a', 'blocked'), condition('c', 'warning')));
    expect(shown).toHaveLength(2);
  });

  it('the tray says the worst condition and badges its icon in its colour', () => {
    const idle = { state: 'idle' as const, lastSuccessAt: null, nextRunAt: null };
    expect(trayLabel(idle, undefined)).toBe('Synced; watching for changes');
    expect(trayLabel(idle, condition('x', 'needs-action'))).toBe('Needs action: Title x');
    expect(badgeColour(condition('x', 'info'))).toBeNull();
    const blank = Buffer.alloc(16 * 16 * 4);
    const badged = withBadge(blank, 16, 16, [207, 34, 46]);
    const centre = (13 * 16 + 13) * 4;
    expect([...badged.subarray(centre, centre + 4)]).toEqual([46, 34, 207, 255]);
    expect([...badged.subarray(0, 4)]).toEqual([0, 0, 0, 0]);
  });
});
