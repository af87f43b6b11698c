import { PAGES, type PageId } from './pages';

export function Navigation({ current }: { current: PageId }) {
  return (
    <nav className="app-nav" aria-label="Main">
      <ul>
        {PAGES.map((page) => (
          <li key={page.id}>
            <a href={`#/${page.id}`} aria-current={page.id === current ? 'page' : undefined}>
              {page.label}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
