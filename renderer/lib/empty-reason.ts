import type { HealthReport } from '../../shared/contract';

/**
 * Why a page that reads the mirror has nothing to show: the condition that stops the mirror (the sync, the mirror
 * file, the keychain), in words. Null when nothing stops it (the page is empty because the server is).
 */
export function emptyReason(health: HealthReport | null): string | null {
  const cause = health?.conditions.find(
    (condition) =>
      condition.id.startsWith('sync:') || condition.id.startsWith('mirror:') || condition.id === 'keychain',
  );
  return cause ? `${cause.title}. ${cause.detail}` : null;
}
