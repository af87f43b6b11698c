import { checkExternalUrl } from '../../shared/links/external-url';
import type { Logger } from '../engine/logging/logger';
import { isAppUrl } from './app-origin';

/** The slice of Electron's WebContents the guard touches (tests stand it in). */
export interface GuardedContents {
  on(
    event: 'will-navigate' | 'will-redirect' | 'will-frame-navigate',
    listener: (event: { preventDefault(): void; url: string }, url?: string) => void,
  ): unknown;
  on(event: 'will-attach-webview', listener: (event: { preventDefault(): void }) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface GuardDeps {
  /** Hands a URL that passed the policy to the system browser. */
  openInBrowser(url: string): Promise<void> | void;
  trustedHosts(): readonly string[];
  log: Logger;
}

/** Opens a link in the system browser only when the URL policy allows it; returns whether it did. */
export function openExternalIfAllowed(raw: string, deps: GuardDeps): boolean {
  const check = checkExternalUrl(raw, deps.trustedHosts());
  if (!check.ok) {
    deps.log.warn(`Refused to open an external link: ${check.reason}`);
    return false;
  }
  void deps.openInBrowser(check.url);
  return true;
}

/**
 * Installed on every web contents the app creates: navigation away from app://, redirects, new windows
 * and webviews are all denied; a link the user clicked goes to the system browser if the policy allows.
 */
export function guardWebContents(contents: GuardedContents, deps: GuardDeps): void {
  const blockNavigation = (event: { preventDefault(): void; url: string }, url?: string) => {
    const target = url ?? event.url;
    if (isAppUrl(target)) return;
    event.preventDefault();
    deps.log.warn('Blocked a navigation away from the console');
  };
  contents.on('will-navigate', blockNavigation);
  contents.on('will-frame-navigate', blockNavigation);
  contents.on('will-redirect', blockNavigation);
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openExternalIfAllowed(url, deps);
    return { action: 'deny' };
  });
}
