import { useCallback, useEffect } from 'react';
import { ActivityPage } from '../pages/ActivityPage';
import { AppointmentDetailPage } from '../pages/appointments/AppointmentDetailPage';
import { AppointmentsPage, filterFromQuery } from '../pages/appointments/AppointmentsPage';
import { DashboardPage } from '../pages/DashboardPage';
import { printDocument } from '../pages/print/print-actions';
import { ReportView } from '../pages/print/ReportView';
import { SetupSheetView } from '../pages/print/SetupSheetView';
import { SettingsPage } from '../pages/settings/SettingsPage';
import { SetupPage } from '../pages/setup/SetupPage';
import { TechniciansPage } from '../pages/TechniciansPage';
import { Notices } from '../components/Notices';
import type { SyncStatus } from '../../shared/contract';
import { api } from '../api/client';
import { Navigation } from './Navigation';
import { isPageId, PAGES, type PageId } from './pages';
import { ProfileSwitcher } from './ProfileSwitcher';
import { navigate, useRoute, type Route } from './router';
import { StatusBar } from './StatusBar';
import { useApiCall, useEvent } from '../lib/use-api';
import { useSyncStatus } from '../lib/use-sync-status';
import { HealthProvider } from '../lib/use-health';
import { ConfirmProvider } from '../lib/confirm';

function PageContent({ page, route, sync }: { page: PageId; route: Route; sync: SyncStatus | null }) {
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    case 'setup':
      return <SetupPage />;
    case 'appointments':
      return route.rest[0] ? (
        <AppointmentDetailPage key={route.rest[0]} appointmentKey={route.rest[0]} />
      ) : (
        <AppointmentsPage key={route.query.toString()} initialFilter={filterFromQuery(route.query)} />
      );
    case 'technicians':
      return <TechniciansPage />;
    case 'activity':
      return <ActivityPage status={sync} />;
    case 'settings':
      return <SettingsPage />;
  }
}

/** Menu items and shortcuts of the desktop shell arrive as events; the renderer knows which page is open. */
function useMenuCommands(route: Route) {
  const onCommand = useCallback(
    ({ command }: { command: string }) => {
      const key = route.page === 'appointments' ? route.rest[0] : undefined;
      if (command === 'print-setup-sheet') void printDocument({ kind: 'setup-sheet', mode: 'print' });
      if (command === 'save-setup-sheet-pdf') void printDocument({ kind: 'setup-sheet', mode: 'pdf' });
      if (command === 'print-report' && key) void printDocument({ kind: 'report', key, mode: 'print' });
      if (command === 'save-report-pdf' && key) void printDocument({ kind: 'report', key, mode: 'pdf' });
      if (command === 'sync-now') void api.call('sync.now', {});
      if (command === 'go-settings') navigate('/settings');
      if (command === 'export-csv') navigate('/appointments');
    },
    [route],
  );
  useEvent('menu.command', onCommand);
}

export function App() {
  const route = useRoute();
  const info = useApiCall('app.info', {});
  const sync = useSyncStatus();
  const page: PageId = isPageId(route.page) ? route.page : 'dashboard';
  useMenuCommands(route);

  useEffect(() => {
    if (!isPageId(route.page) && route.page !== 'print') navigate('/dashboard');
  }, [route.page]);

  useEffect(() => {
    const label = route.page === 'print' ? 'Print' : (PAGES.find((p) => p.id === page)?.label ?? '');
    document.title = `${label} – XOi Console`;
  }, [page, route.page]);

  if (route.page === 'print') {
    return (
      <main className="print-root">
        {route.rest[0] === 'setup-sheet' ? <SetupSheetView query={route.query} /> : null}
        {route.rest[0] === 'report' && route.rest[1] ? (
          <ReportView appointmentKey={route.rest[1]} query={route.query} />
        ) : null}
      </main>
    );
  }

  return (
    <HealthProvider>
      <ConfirmProvider>
        <div className="app-shell">
          <a
            className="skip-link"
            href="#main"
            onClick={(event) => {
              event.preventDefault();
              document.getElementById('main')?.focus();
            }}
          >
            Skip to content
          </a>
          <header className="app-header">
            <h1 className="app-title">XOi Console</h1>
            <span className="spacer" />
            <ProfileSwitcher />
          </header>
          <Navigation current={page} />
          <main className="app-main" id="main" tabIndex={-1}>
            <Notices />
            <PageContent page={page} route={route} sync={sync} />
          </main>
          <StatusBar info={info.state} sync={sync} />
        </div>
      </ConfirmProvider>
    </HealthProvider>
  );
}
