import type { ChecklistStep, HealthReport } from '../../../shared/contract/health';
import type { EventPayload } from '../../../shared/contract/events';
import { isConsoleError } from '../../../shared/errors';
import { assessHealth, worstSeverity, type HealthFacts } from '../../../shared/health/assess';
import type { EventBus } from '../events';
import type { MirrorHealthFacts } from '../queries/health-facts';
import { secretAccount } from '../secrets/secret-store';
import type { ActiveProfile } from './active-profile';
import type { ServiceContext } from './context';
import { readProfileSecret } from './credentials';

/** Events settle for this long before the health is judged again (a first mirror sends hundreds of progress events). */
const SETTLE_MS = 300;
/** Closing waits at most this long for a judgement in flight. */
const CLOSE_WAIT_MS = 5_000;
/** The keychain is asked again at most this often (each question costs a round trip to the OS). */
const KEYCHAIN_RECHECK_MS = 60_000;

const CHECKLIST_LABELS: Record<ChecklistStep, string> = {
  connect: 'Connect to your Schedule server (a profile with its API URL and administrator password)',
  test: 'Test the connection',
  setup: 'Run the XOi Integration Setup',
  'send-sheet': 'Send the setup sheet to XOi (and the password by a separate secure channel)',
  'first-mirror': 'Mirror the appointments for the first time',
};

type Keychain = NonNullable<HealthFacts['keychain']>;

/**
 * The engine's one health model, kept current: judged again after every pass, verdict update and profile change,
 * and pushed as `health.changed` when a condition appears, clears, or changes severity or reach.
 */
export class HealthMonitor {
  private report: HealthReport | null = null;
  private readonly firstSeen = new Map<string, string>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private keychain: { state: Keychain; at: number } | null = null;
  private lastSyncState: string | null = null;
  private judging: Promise<void> | null = null;
  private closed = false;

  constructor(
    private readonly context: ServiceContext,
    private readonly events: EventBus,
  ) {
    events.subscribe((name, payload) => {
      if (name === 'sync.status') {
        // Progress events of a running pass change nothing here; a change of state does.
        const state = (payload as EventPayload<'sync.status'>).state;
        if (state === this.lastSyncState) return;
        this.lastSyncState = state;
      } else if (name !== 'verdicts.updated' && name !== 'profiles.changed') return;
      this.soon();
    });
  }

  /** The current report, judged now. */
  async current(): Promise<HealthReport> {
    const report = await this.judge();
    this.publish(report);
    return report;
  }

  /**
   * Stops judging, and waits (a few seconds at most: a keychain that hangs must not hold the console open) for a
   * judgement in flight, so that after this the monitor touches neither keychain nor mirror.
   */
  async close(): Promise<void> {
    this.closed = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.judging) return;
    let deadline: ReturnType<typeof setTimeout> | undefined;
    await Promise.race([this.judging, new Promise((resolve) => (deadline = setTimeout(resolve, CLOSE_WAIT_MS)))]);
    clearTimeout(deadline);
  }

  private soon(): void {
    if (this.closed) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.judging = this.judge()
        .then(
          (report) => this.publish(report),
          (error: unknown) => this.context.deps.log.warn('The integration health could not be judged', error),
        )
        .finally(() => {
          this.judging = null;
        });
    }, SETTLE_MS);
    this.timer.unref?.();
  }

  private publish(report: HealthReport): void {
    const fingerprint = (value: HealthReport | null) =>
      JSON.stringify(value?.conditions.map(({ id, severity, affected }) => [id, severity, affected]) ?? null) +
      JSON.stringify(value?.checklist.map(({ done }) => done) ?? null);
    const changed = fingerprint(report) !== fingerprint(this.report);
    this.report = report;
    if (changed) this.events.emit('health.changed', report);
  }

  private async judge(): Promise<HealthReport> {
    const active = await this.context.active();
    const now = this.context.now();
    const mirror: MirrorHealthFacts | null = active.problem
      ? null
      : await active.query('health.facts', undefined).catch(() => null);
    const facts: HealthFacts = {
      now,
      serverNow: now + (mirror?.serverOffsetMs ?? 0),
      isSandbox: active.profile.kind === 'sandbox',
      sync: active.syncStatus,
      runs: mirror?.runs ?? [],
      lastSuccessAt: mirror?.lastSuccessAt ?? active.syncStatus.lastSuccessAt,
      mirrorProblem: active.problem ? active.problem.toAppError() : null,
      keychain: await this.keychainState(now),
      appointments: mirror?.appointments ?? 0,
      system: mirror?.system ?? null,
      integration: mirror?.integration ?? null,
      activity: mirror?.activity ?? null,
      pollDelayMs: active.profile.settings.pollDelayMinutes * 60_000,
      versionMinimums: active.profile.settings.supportedVersions,
      codeCounts: mirror?.codeCounts ?? {},
      heldByTechnician: mirror?.heldByTechnician ?? [],
      heldByCompany: mirror?.heldByCompany ?? [],
    };
    const conditions = assessHealth(facts);
    const ids = new Set(conditions.map((condition) => condition.id));
    for (const id of [...this.firstSeen.keys()]) if (!ids.has(id)) this.firstSeen.delete(id);
    const at = new Date(now).toISOString();
    const dated = conditions.map((condition) => {
      if (!this.firstSeen.has(condition.id)) this.firstSeen.set(condition.id, condition.since ?? at);
      return { ...condition, since: condition.since ?? this.firstSeen.get(condition.id) ?? at };
    });
    return {
      conditions: dated,
      worst: worstSeverity(dated),
      checkedAt: at,
      checklist: await this.checklist(active, facts),
    };
  }

  private async keychainState(now: number): Promise<Keychain> {
    if (this.keychain && now - this.keychain.at < KEYCHAIN_RECHECK_MS) return this.keychain.state;
    let state: Keychain;
    try {
      await this.context.deps.secrets.get(secretAccount('probe', 'administrator'));
      state = { available: true, message: null, nextStep: null };
    } catch (error) {
      state = isConsoleError(error)
        ? { available: false, message: error.message, nextStep: error.nextStep ?? null }
        : { available: false, message: 'The keychain cannot be used.', nextStep: null };
    }
    this.keychain = { state, at: now };
    return state;
  }

  /** The first-run checklist of the active connection, each step ticked from what the console knows. */
  private async checklist(active: ActiveProfile, facts: HealthFacts): Promise<HealthReport['checklist']> {
    const profile = this.context.deps.profiles.get(active.profile.id);
    let passwordStored = profile.kind === 'sandbox';
    if (!passwordStored && facts.keychain?.available) {
      passwordStored =
        (await readProfileSecret(this.context.deps, profile, 'administrator').catch(() => null)) !== null;
    }
    const mirrored = facts.lastSuccessAt !== null;
    const done: Record<ChecklistStep, boolean> = {
      connect: passwordStored,
      test: profile.milestones.connectionTestedAt !== null || mirrored,
      setup: facts.integration?.configured === true,
      'send-sheet': profile.milestones.sheetSentAt !== null,
      'first-mirror': mirrored,
    };
    return (Object.keys(CHECKLIST_LABELS) as ChecklistStep[]).map((step) => ({
      step,
      label: CHECKLIST_LABELS[step],
      done: done[step],
    }));
  }
}
