import type { HealthReport } from '../../shared/contract/health';

export interface NotifierDeps {
  /** Shows one native notification (Electron's Notification; tests stand in). */
  show(title: string, body: string): void;
  /** The administrator's setting: notifications on or off. */
  enabled(): boolean;
}

/**
 * One native notification per condition, when it appears: not again while it lasts, again if it clears and comes
 * back. Only what needs a person (blocked, needs action, warnings) is notified; info is not.
 */
export function createHealthNotifier(deps: NotifierDeps): (report: HealthReport) => void {
  const notified = new Set<string>();
  return (report) => {
    const present = new Set(report.conditions.map((condition) => condition.id));
    for (const id of [...notified]) if (!present.has(id)) notified.delete(id);
    for (const condition of report.conditions) {
      if (condition.severity === 'info' || notified.has(condition.id)) continue;
      notified.add(condition.id);
      if (deps.enabled()) deps.show(`XOi Console: ${condition.title}`, condition.nextStep || condition.detail);
    }
  };
}
