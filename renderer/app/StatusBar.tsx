import type { AppInfo, SyncStatus } from '../../shared/contract';
import { SyncIndicator } from '../components/SyncIndicator';
import type { Loadable } from './use-api';

export function StatusBar({ info, sync }: { info: Loadable<AppInfo>; sync: SyncStatus | null }) {
  return (
    <footer className="status-bar" role="contentinfo">
      <span className="grow" aria-live="polite">
        <SyncIndicator status={sync} />
      </span>
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
