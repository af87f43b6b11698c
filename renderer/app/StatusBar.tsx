import type { AppInfo, SyncStatus } from '../../shared/contract';
import { SyncIndicator } from '../components/SyncIndicator';
import type { Loadable } from '../lib/use-api';
import { useHealth } from '../lib/use-health';
import { SEVERITY_LABELS } from '../components/HealthBanners';

/** The worst condition of the integration, in the status bar of every page (nothing when all is well). */
function WorstCondition() {
  const worst = useHealth()?.conditions[0];
  if (!worst) return <span data-testid="health-worst">Integration: no problems found</span>;
  return (
    <a className="health-worst" href="#/dashboard" data-testid="health-worst">
      {SEVERITY_LABELS[worst.severity]}: {worst.title}
    </a>
  );
}

export function StatusBar({ info, sync }: { info: Loadable<AppInfo>; sync: SyncStatus | null }) {
  return (
    <footer className="status-bar" role="contentinfo">
      <span className="grow" aria-live="polite">
        <SyncIndicator status={sync} />
      </span>
      <WorstCondition />
      {info.status === 'ready' ? (
        <>
          <span data-testid="app-host">{info.value.host === 'electron' ? 'Desktop app' : 'Browser (web host)'}</span>
          <span data-testid="app-version">
            {info.value.name} {info.value.version}
          </span>
        </>
      ) : info.status === 'error' ? (
        <span role="alert">Not connected to the console host: {info.error.message}</span>
      ) : (
        <span>Connecting…</span>
      )}
    </footer>
  );
}
