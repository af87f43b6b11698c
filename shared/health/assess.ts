import type { HealthCondition, HealthSeverity } from '../contract/health';
import type { SyncStatus } from '../contract/sync';
import { CODES, type VerdictCode } from '../diagnosis/codes';
import { integrationFindings, unreadableVersions } from '../diagnosis/context';
import type { VersionMinimums } from '../domain/versions';
import type { ActivityFacts, IntegrationFacts, SystemFacts } from '../diagnosis/types';
import { formatDuration } from '../diagnosis/format';

/** A shared cause is worth a banner of its own from this many held appointments on. */
export const SHARED_CAUSE_MIN = 5;
/** A mirror not refreshed for this long is out of date, whatever the poller says. */
export const STALE_MIRROR_MS = 60 * 60_000;

export const SEVERITY_RANK: Record<HealthSeverity, number> = { blocked: 3, 'needs-action': 2, warning: 1, info: 0 };

export interface HealthRun {
  outcome: string;
  errorCode: string | null;
  errorMessage: string | null;
  startedAt: string;
  endedAt: string | null;
}

/** Everything the health of the integration is judged from. Live parts are null where there is no live engine. */
export interface HealthFacts {
  /** This computer's time: the sync runs are dated with it. */
  now: number;
  /** The Schedule server's time: XOi's activity is dated with it (the server's clock may differ from this one). */
  serverNow: number;
  isSandbox: boolean;
  /** The poller's state now; null for the command line, which reads the file alone. */
  sync: SyncStatus | null;
  /** Recent sync runs, newest first. */
  runs: readonly HealthRun[];
  lastSuccessAt: string | null;
  /** Why the mirror cannot be used (damaged, too new, read-only), if so. */
  mirrorProblem: { code: string; message: string; nextStep?: string | undefined } | null;
  keychain: { available: boolean; message: string | null; nextStep: string | null } | null;
  appointments: number;
  system: SystemFacts | null;
  integration: IntegrationFacts | null;
  activity: ActivityFacts | null;
  pollDelayMs: number;
  versionMinimums: VersionMinimums;
  /** Appointments per reason code. */
  codeCounts: Readonly<Record<string, number>>;
  /** Appointments held by a technician-level cause, per technician and code. */
  heldByTechnician: ReadonlyArray<{ technicianId: string; name: string; code: string; count: number }>;
  /** Appointments held because their company is not active, per company. */
  heldByCompany: ReadonlyArray<{ companyId: string; name: string; count: number }>;
}

type Condition = HealthCondition;

const LOGIN_CODES = new Set([
  'SYNC_LOGIN_REJECTED',
  'PASSWORD_MISSING',
  'SECRET_BOUND_ELSEWHERE',
  'KEYCHAIN_UNAVAILABLE',
]);

function integrationConditions(facts: HealthFacts): Condition[] {
  const findings = integrationFindings({
    now: facts.serverNow,
    settings: {
      pollDelayMs: facts.pollDelayMs,
      transcriptWindowMs: 0,
      statusOverrides: {},
      versionMinimums: facts.versionMinimums,
    },
    system: facts.system,
    integration: facts.integration,
    activity: facts.activity,
  });
  const unreadable = unreadableVersions(facts.system, { versionMinimums: facts.versionMinimums });
  const warnings: Condition[] =
    unreadable.length === 0
      ? []
      : [
          {
            id: 'integration:VERSION_UNREADABLE',
            severity: 'warning',
            title: unreadable.map((item) => item.label).join('; '),
            detail:
              'The console cannot tell whether this version is one XOi supports, so it does not hold it against any appointment.',
            nextStep:
              'Check the version by hand against the prerequisites in Setup (and in Settings, the versions XOi supports).',
            since: null,
            evidence: unreadable,
            affected: null,
            fix: { action: 'open-setup', label: 'Open Setup' },
          },
        ];
  return [
    ...warnings,
    ...findings.map((finding): Condition => {
      const info = CODES[finding.code];
      const affected = facts.codeCounts[finding.code] ?? null;
      const base = {
        id: `integration:${finding.code}`,
        title: info.title,
        evidence: finding.evidence,
        affected,
        since: null as string | null,
      };
      switch (finding.code) {
        case 'XOI_AUTH_FAILING':
          return {
            ...base,
            severity: 'needs-action',
            since: authFailingSince(facts.activity, facts.integration),
            detail:
              "XOi's calls to Schedule are refused with the wrong password, so XOi writes no notes. The integration password was probably changed after the setup sheet went to XOi.",
            nextStep: facts.isSandbox
              ? 'Open Setup and tell the simulated XOi the current password.'
              : 'Send XOi the current integration password by your usual secure channel (print the setup sheet for them), or set a new one in Setup and send that.',
            fix: facts.isSandbox
              ? { action: 'open-setup', label: 'Open Setup' }
              : { action: 'print-setup-sheet', label: 'Print the setup sheet' },
          };
        case 'XOI_NOT_POLLING':
          return {
            ...base,
            severity: 'needs-action',
            since: facts.activity?.lastCallAt ?? null,
            detail: `XOi has not called Schedule for ${facts.activity?.lastCallAt ? formatDuration(facts.serverNow - Date.parse(facts.activity.lastCallAt)) : 'as long as the console can tell'}, much longer than its polling delay, so no new notes arrive.`,
            nextStep: info.nextStep,
            fix: { action: 'test-connection', label: 'Test the connection' },
          };
        default:
          return {
            ...base,
            severity: info.state === 'blocked' ? 'blocked' : 'needs-action',
            detail: `${info.title}: XOi cannot make jobs or write notes for any appointment until this is fixed.`,
            nextStep: info.nextStep,
            fix: { action: 'open-setup', label: 'Open Setup' },
          };
      }
    }),
  ];
}

/** The first refused call since the password was last set (when the streak began), or the oldest recorded. */
function authFailingSince(activity: ActivityFacts | null, integration: IntegrationFacts | null): string | null {
  const failures = (activity?.authFailures ?? []).map((failure) => failure.at).sort();
  const setAt = integration?.passwordSetAt ?? null;
  return failures.find((at) => setAt === null || at >= setAt) ?? failures[0] ?? null;
}

/** What the poller says, or, from the file alone, what its last run ended with. */
function syncConditions(facts: HealthFacts): Condition[] {
  const conditions: Condition[] = [];
  const last = facts.runs[0];
  const failed = facts.sync
    ? facts.sync.state === 'error' || facts.sync.state === 'needs-credentials'
      ? {
          code: facts.sync.code,
          message: facts.sync.message,
          nextStep: facts.sync.nextStep,
          parked: facts.sync.state === 'needs-credentials' || facts.sync.nextRetryAt === null,
        }
      : null
    : last && last.outcome !== 'ok' && last.outcome !== 'running' && last.errorCode
      ? { code: last.errorCode, message: last.errorMessage ?? last.errorCode, nextStep: '', parked: false }
      : null;
  const since = firstFailureSince(facts.runs);
  if (facts.mirrorProblem) {
    const readOnly = facts.mirrorProblem.code === 'MIRROR_READ_ONLY';
    conditions.push({
      id: `mirror:${facts.mirrorProblem.code}`,
      severity: 'blocked',
      title: readOnly ? 'The mirror database cannot be written' : 'The mirror database cannot be used',
      detail: facts.mirrorProblem.message,
      nextStep: facts.mirrorProblem.nextStep ?? '',
      since: null,
      evidence: [],
      affected: null,
      fix: readOnly ? null : { action: 'rebuild-mirror', label: 'Rebuild the mirror' },
    });
  } else if (failed && LOGIN_CODES.has(failed.code)) {
    conditions.push({
      id: 'sync:login',
      severity: 'blocked',
      title: 'The console cannot sign in to Schedule',
      detail: `${failed.message} Nothing new is mirrored until it can.`,
      nextStep: failed.nextStep || 'Enter the Schedule administrator password again in Settings > Connection.',
      since,
      evidence: [{ label: 'Reason', value: failed.code }],
      affected: null,
      fix: { action: 'open-connection-settings', label: 'Enter the password' },
    });
  } else if (failed && failed.code === 'SYNC_SERVER_UNREACHABLE') {
    conditions.push({
      id: 'sync:unreachable',
      severity: 'blocked',
      title: 'The Schedule server cannot be reached',
      detail: `${failed.message} What is shown is the mirror as it was at the last sync.`,
      nextStep: failed.nextStep || 'Check the network, VPN and the Schedule web service.',
      since,
      evidence: facts.lastSuccessAt ? [{ label: 'Last successful sync', value: 'at', at: facts.lastSuccessAt }] : [],
      affected: null,
      fix: { action: 'test-connection', label: 'Test the connection' },
    });
  } else if (failed && failed.code === 'SYNC_STALLED') {
    conditions.push({
      id: 'sync:stalled',
      severity: 'warning',
      title: 'A sync stalled and was stopped',
      detail: failed.message,
      nextStep: failed.nextStep || 'The console tries again by itself.',
      since,
      evidence: [],
      affected: null,
      fix: { action: 'sync-now', label: 'Sync now' },
    });
  } else if (failed) {
    conditions.push({
      id: 'sync:failing',
      severity: failed.parked ? 'needs-action' : 'warning',
      title: failed.parked ? 'Syncing has stopped' : 'Syncing is failing',
      detail: failed.message,
      nextStep: failed.nextStep || 'The console tries again by itself.',
      since,
      evidence: [{ label: 'Reason', value: failed.code }],
      affected: null,
      fix: { action: 'sync-now', label: 'Sync now' },
    });
  }
  if (facts.sync?.state === 'paused') {
    conditions.push({
      id: 'sync:paused',
      severity: 'warning',
      title: 'Syncing is paused',
      detail: 'The mirror is not updated while syncing is paused, so new appointments and notes do not show.',
      nextStep: 'Resume syncing when you are ready.',
      since: null,
      evidence: [],
      affected: null,
      fix: { action: 'resume-sync', label: 'Resume syncing' },
    });
  }
  const stale = facts.lastSuccessAt !== null && facts.now - Date.parse(facts.lastSuccessAt) > STALE_MIRROR_MS;
  if (
    stale &&
    !conditions.some((condition) => condition.id.startsWith('sync:') || condition.id.startsWith('mirror:'))
  ) {
    conditions.push({
      id: 'sync:stale',
      severity: 'warning',
      title: 'The mirror is out of date',
      detail: `The last successful sync was ${formatDuration(facts.now - Date.parse(facts.lastSuccessAt as string))} ago; what is shown may be old.`,
      nextStep: 'Sync now; if it fails, its reason shows here.',
      since: facts.lastSuccessAt,
      evidence: [],
      affected: null,
      fix: { action: 'sync-now', label: 'Sync now' },
    });
  }
  if (facts.lastSuccessAt === null && facts.appointments === 0 && !facts.mirrorProblem) {
    const running = facts.sync?.state === 'running';
    conditions.push({
      id: 'mirror:empty',
      severity: 'info',
      title: running ? 'The first mirror is in progress' : 'Nothing is mirrored yet',
      detail: running
        ? 'The console is reading every appointment from the Schedule server; the pages fill in when it is done.'
        : 'The console has not completed a sync with this Schedule server yet, so there is nothing to show.',
      nextStep: running
        ? 'Nothing to do: wait for the first sync to finish.'
        : 'Sync now, or fix what stops the sync (shown above).',
      since: null,
      evidence: [],
      affected: null,
      fix: running ? null : { action: 'sync-now', label: 'Sync now' },
    });
  }
  return conditions;
}

/** When the current run of failures began (the end of the last good run, or the first failure). */
function firstFailureSince(runs: readonly HealthRun[]): string | null {
  let since: string | null = null;
  for (const run of runs) {
    if (run.outcome === 'ok') break;
    if (run.outcome !== 'running' && run.outcome !== 'cancelled') since = run.startedAt;
  }
  return since;
}

function keychainConditions(facts: HealthFacts): Condition[] {
  if (!facts.keychain || facts.keychain.available) return [];
  return [
    {
      id: 'keychain',
      severity: 'needs-action',
      title: "The operating system's keychain cannot be used",
      detail: `${facts.keychain.message ?? 'The keychain is unavailable.'} Passwords cannot be saved or read, so the console works read-only on what it has mirrored.`,
      nextStep: facts.keychain.nextStep ?? 'Unlock or start the keychain, then restart the console.',
      since: null,
      evidence: [],
      affected: null,
      fix: { action: 'open-keychain-help', label: 'How to fix the keychain' },
    },
  ];
}

const TECHNICIAN_CODES: ReadonlySet<string> = new Set<VerdictCode>([
  'TECH_NOT_XOI_USER',
  'TECH_XOI_USER_DISABLED',
  'TECH_EMAIL_MISMATCH',
  'TECH_EMAIL_MISSING',
]);

/** One banner per technician or company that holds many appointments back for the same reason. */
function sharedCauseConditions(facts: HealthFacts): Condition[] {
  const conditions: Condition[] = [];
  for (const held of facts.heldByTechnician) {
    if (held.count < SHARED_CAUSE_MIN || !TECHNICIAN_CODES.has(held.code)) continue;
    const info = CODES[held.code as VerdictCode];
    conditions.push({
      id: `technician:${held.technicianId}:${held.code}`,
      severity: 'needs-action',
      title: `${groupDigits(held.count)} appointments of ${held.name} (${held.technicianId}) get no XOi notes`,
      detail: `${info.title}: XOi makes no job for any of this technician's appointments until it is fixed.`,
      nextStep: info.nextStep,
      since: null,
      evidence: [{ label: 'Technician', value: `${held.name} (${held.technicianId})` }],
      affected: held.count,
      fix: {
        action: 'open-appointments',
        label: 'Show these appointments',
        target: `technician=${encodeURIComponent(held.technicianId)}&code=${held.code}`,
      },
    });
  }
  for (const held of facts.heldByCompany) {
    if (held.count < SHARED_CAUSE_MIN) continue;
    conditions.push({
      id: `company:${held.companyId}`,
      severity: 'needs-action',
      title: `${groupDigits(held.count)} appointments of ${held.name} (${held.companyId}) are held: the company is not active with XOi`,
      detail: `${CODES.COMPANY_INACTIVE.title}.`,
      nextStep: CODES.COMPANY_INACTIVE.nextStep,
      since: null,
      evidence: [{ label: 'Company', value: `${held.name} (${held.companyId})` }],
      affected: held.count,
      fix: {
        action: 'open-appointments',
        label: 'Show these appointments',
        target: `company=${encodeURIComponent(held.companyId)}&code=COMPANY_INACTIVE`,
      },
    });
  }
  return conditions;
}

/**
 * The one model of what is wrong with the whole integration: every condition with its severity, since when, evidence,
 * how many appointments it affects, and its fix. Pure: the engine, the command line and the tests feed it facts.
 */
export function assessHealth(facts: HealthFacts): HealthCondition[] {
  const conditions = [
    ...syncConditions(facts),
    ...keychainConditions(facts),
    ...(facts.mirrorProblem ? [] : integrationConditions(facts)),
    ...(facts.mirrorProblem ? [] : sharedCauseConditions(facts)),
  ];
  // Worst first; at the same severity, what concerns the whole integration before what one technician or company holds.
  const wholeIntegration = (condition: HealthCondition) => (isSharedCause(condition) ? 0 : 1);
  return conditions.sort(
    (a, b) =>
      SEVERITY_RANK[b.severity] - SEVERITY_RANK[a.severity] ||
      wholeIntegration(b) - wholeIntegration(a) ||
      (b.affected ?? 0) - (a.affected ?? 0),
  );
}

/** A condition that one technician or one company holds (as opposed to one of the whole integration). */
export function isSharedCause(condition: Pick<HealthCondition, 'id'>): boolean {
  return condition.id.startsWith('technician:') || condition.id.startsWith('company:');
}

export function worstSeverity(conditions: readonly HealthCondition[]): HealthSeverity | null {
  return conditions[0]?.severity ?? null;
}

/** 1,795 rather than 1795: the titles are read in the status bar, notifications and `xoi-console health` alike. */
function groupDigits(count: number): string {
  return count.toLocaleString('en-US');
}
