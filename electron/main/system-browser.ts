import { shell } from 'electron';

/**
 * The console's one door to the system browser. It is bundled on its own (dist/electron/system-browser.cjs) so that
 * Electronegativity's OPEN_EXTERNAL finding can be justified in this file alone: every caller goes through
 * `openExternalIfAllowed` (web-contents-guard.ts), so only URLs accepted by `checkExternalUrl` (http or https, no
 * credentials, no look-alike host, trusted hosts only) ever reach this call.
 */
export function openInSystemBrowser(url: string): Promise<void> {
  return shell.openExternal(url);
}
