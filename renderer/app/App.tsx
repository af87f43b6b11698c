import { useEffect } from 'react';
import { DashboardPage } from '../pages/DashboardPage';
import { PlaceholderPage } from '../pages/PlaceholderPage';
import { Navigation } from './Navigation';
import { isPageId, PAGES, type PageId } from './pages';
import { navigate, useRoute } from './router';
import { StatusBar } from './StatusBar';
import { useApiCall } from './use-api';

function PageContent({ page }: { page: PageId }) {
  switch (page) {
    case 'dashboard':
      return <DashboardPage />;
    default:
      return <PlaceholderPage title={PAGES.find((p) => p.id === page)?.label ?? page} />;
  }
}

export function App() {
  const route = useRoute();
  const info = useApiCall('app.info', {});
  const page: PageId = isPageId(route.page) ? route.page : 'dashboard';

  useEffect(() => {
    if (!isPageId(route.page)) navigate('/dashboard');
  }, [route.page]);

  useEffect(() => {
    const label = PAGES.find((p) => p.id === page)?.label ?? '';
    document.title = `${label} – XOi Console`;
  }, [page]);

  return (
    <div className="app-shell">
      <header className="app-header">
        <h1 className="app-title">XOi Console</h1>
      </header>
      <Navigation current={page} />
      <main className="app-main" id="main" tabIndex={-1}>
        <PageContent page={page} />
      </main>
      <StatusBar info={info.state} />
    </div>
  );
}
