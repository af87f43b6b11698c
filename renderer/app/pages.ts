/** The console's pages, in navigation order. */
export const PAGES = [
  { id: 'dashboard', label: 'Dashboard' },
  { id: 'setup', label: 'Setup' },
  { id: 'appointments', label: 'Appointments' },
  { id: 'technicians', label: 'Technicians' },
  { id: 'activity', label: 'Activity' },
  { id: 'settings', label: 'Settings' },
] as const;

export type PageId = (typeof PAGES)[number]['id'];

export function isPageId(value: string): value is PageId {
  return PAGES.some((page) => page.id === value);
}
