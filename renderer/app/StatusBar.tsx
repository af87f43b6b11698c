import type { AppInfo } from '../../shared/contract';
import type { Loadable } from './use-api';

export function StatusBar({ info }: { info: Loadable<AppInfo> }) {
  return (
    <footer className="status-bar" role="contentinfo">
      {info.status === 'ready' ? (
        <>
          <span data-testid="app-version">
            {info.value.name} {info.value.version}
          </span>
          <span data-testid="app-host">{info.value.host === 'electron' ? 'Desktop app' : 'Browser (web host)'}</span>
        </>
      ) : info.status === 'error' ? (
        <span role="alert">Not connected to the console host: {info.error.message}</span>
      ) : (
        <span>Connecting…</span>
      )}
    </footer>
  );
}
