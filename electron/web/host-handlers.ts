import { ConsoleError } from '../../shared/errors';
import { checkExternalUrl } from '../../shared/links/external-url';
import type { HostHandlersFactory } from '../engine/service/host-capabilities';

/**
 * The web host's capabilities (host-capabilities.ts). A browser tab has no native dialogs and opens its own links:
 * printing shows the print view and uses the browser's print (which offers "Save as PDF"), the page asks its own
 * confirmations, and there are no desktop settings.
 */
export const webHostHandlers: HostHandlersFactory = (_engine, context) => {
  const notDesktop = { available: false, closeToTray: false, startAtLogin: false, notifications: false };
  return {
    'print.document': async ({ kind, key }) => {
      if (kind === 'report' && !key)
        throw new ConsoleError(
          'INVALID_ARGUMENT',
          'key: the appointment to print is missing (COMPANY/SERVICECALL/APPOINTMENT).',
          'Open an appointment first.',
          { field: 'key' },
        );
      return {
        outcome: 'use-browser' as const,
        route: kind === 'setup-sheet' ? '#/print/setup-sheet' : `#/print/report/${encodeURIComponent(key ?? '')}`,
      };
    },
    // The browser prints the view itself: nobody waits for the signal.
    'print.ready': async () => ({ acknowledged: false }),
    'shell.openExternal': async ({ url }) => {
      const check = checkExternalUrl(url, context.trustedHosts());
      return check.ok
        ? { opened: false, reason: 'Open it from the page: the web host does not open windows.' }
        : { opened: false, reason: `Not opened: ${check.reason}.` };
    },
    'desktop.get': async () => notDesktop,
    'desktop.save': async () => notDesktop,
    'host.confirm': async () => ({ answer: 'ask-in-page' as const }),
  };
};
