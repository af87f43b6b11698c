import { useState } from 'react';
import type { AppError, ConnectionTest, HealthCondition, HealthSeverity } from '../../shared/contract';
import { api } from '../api/client';
import { ErrorMessage } from '../app/ErrorMessage';
import { formatDateTime, formatNumber } from '../app/format';
import { navigate } from '../app/router';
import { printDocument } from '../pages/print/print-actions';
import { isSharedCause } from '../../shared/health/assess';
import { useConfirm } from '../lib/confirm';

export const SEVERITY_LABELS: Record<HealthSeverity, string> = {
  blocked: 'Blocked',
  'needs-action': 'Needs action',
  warning: 'Warning',
  info: 'Info',
};

/** Tests the active connection with what is saved, and says how it went. */
async function testActiveConnection(): Promise<ConnectionTest> {
  const listed = await api.call('profiles.list', {});
  const active = listed.ok ? listed.value.profiles.find((profile) => profile.active) : undefined;
  if (!active)
    return { ok: false, code: 'NO_PROFILE', message: 'No active connection.', nextStep: 'Choose one in Settings.' };
  const result = await api.call('profiles.testConnection', {
    apiUrl: active.apiUrl,
    userName: active.userName,
    profileId: active.id,
  });
  return result.ok
    ? result.value
    : { ok: false, code: result.error.code, message: result.error.message, nextStep: result.error.nextStep ?? '' };
}

/** Does what a condition's fix button says (asking first when it cannot be undone); returns what to show beside it. */
async function runFix(
  condition: HealthCondition,
  confirm: ReturnType<typeof useConfirm>,
): Promise<{ text: string; error?: AppError } | null> {
  const fix = condition.fix;
  if (!fix) return null;
  switch (fix.action) {
    case 'open-setup':
      navigate('/setup');
      return null;
    case 'open-connection-settings':
      navigate('/settings');
      return null;
    case 'open-technicians':
      navigate('/technicians');
      return null;
    case 'open-appointments':
      navigate(`/appointments${fix.target ? `?${fix.target}` : ''}`);
      return null;
    case 'open-keychain-help':
      return { text: condition.nextStep };
    case 'print-setup-sheet':
      await printDocument({ kind: 'setup-sheet', mode: 'print' });
      return null;
    case 'test-connection': {
      const test = await testActiveConnection();
      return test.ok
        ? { text: `Connected: Schedule ${test.scheduleVersion} answered.` }
        : { text: '', error: { code: test.code, message: test.message, nextStep: test.nextStep } };
    }
    case 'sync-now': {
      const result = await api.call('sync.now', {});
      return result.ok
        ? { text: `Sync ${result.value.outcome === 'ok' ? 'finished' : 'ended: see above'}.` }
        : { text: '', error: result.error };
    }
    case 'resume-sync': {
      const result = await api.call('sync.resume', {});
      return result.ok ? { text: 'Syncing resumed.' } : { text: '', error: result.error };
    }
    case 'rebuild-mirror': {
      const confirmed = await confirm({
        title: 'Rebuild the mirror?',
        message:
          'The local copy is deleted and read again from the Schedule server; nothing on the server changes. The screens fill in again as it is read.',
        confirmLabel: 'Rebuild mirror',
      });
      if (!confirmed) return null;
      const result = await api.call('mirror.rebuild', {});
      return result.ok
        ? { text: 'Rebuilding: the first sync reads everything again.' }
        : { text: '', error: result.error };
    }
  }
}

function Banner({ condition }: { condition: HealthCondition }) {
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<{ text: string; error?: AppError } | null>(null);
  const confirm = useConfirm();
  const urgent = condition.severity === 'blocked' || condition.severity === 'needs-action';
  const titleId = `health-${condition.id.replace(/[^a-z0-9-]/gi, '-')}`;
  return (
    <div
      className={`health-banner severity-${condition.severity}`}
      role={urgent ? 'alert' : 'status'}
      aria-labelledby={titleId}
      data-condition={condition.id}
    >
      <p className="health-title" id={titleId}>
        <span className="severity-tag">{SEVERITY_LABELS[condition.severity]}</span> {condition.title}
      </p>
      <p>{condition.detail}</p>
      <p className="muted">
        {condition.affected !== null ? `${formatNumber(condition.affected)} appointments affected · ` : ''}
        {condition.since ? `since ${formatDateTime(condition.since)}` : ''}
      </p>
      {condition.fix ? (
        <div className="row">
          <button
            type="button"
            className={urgent ? 'primary' : undefined}
            disabled={busy}
            onClick={() => {
              setBusy(true);
              void runFix(condition, confirm)
                .then(setOutcome)
                .finally(() => setBusy(false));
            }}
          >
            {condition.fix.label}
          </button>
          {condition.fix.action === 'open-keychain-help' ? null : (
            <span className="next-step">{condition.nextStep}</span>
          )}
        </div>
      ) : (
        <p className="next-step">{condition.nextStep}</p>
      )}
      {outcome ? (
        <div data-testid="fix-outcome">
          {outcome.text ? <p role="status">{outcome.text}</p> : null}
          {outcome.error ? <ErrorMessage error={outcome.error} /> : null}
        </div>
      ) : null}
    </div>
  );
}

/**
 * Every condition of the integration as a banner with its fix: alerts for what blocks or needs action. Whatever
 * concerns the whole integration always shows; of the technicians and companies that hold appointments back, the
 * biggest few, the rest on request, so the page under them stays in sight.
 */
export function HealthBanners({ conditions, shown = 3 }: { conditions: readonly HealthCondition[]; shown?: number }) {
  const [all, setAll] = useState(false);
  if (conditions.length === 0) return null;
  const folded = new Set(
    all
      ? []
      : conditions
          .filter(isSharedCause)
          .slice(shown)
          .map((condition) => condition.id),
  );
  const visible = conditions.filter((condition) => !folded.has(condition.id));
  const hidden = conditions.length - visible.length;
  return (
    <div className="health-banners" aria-label="What needs attention">
      {visible.map((condition) => (
        <Banner key={condition.id} condition={condition} />
      ))}
      {hidden > 0 ? (
        <button type="button" className="link-button" onClick={() => setAll(true)}>
          Show {hidden} more condition{hidden === 1 ? '' : 's'}
        </button>
      ) : null}
    </div>
  );
}
