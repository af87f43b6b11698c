import { checkExternalUrl } from '../../../../shared/links/external-url';
import type { Handlers } from '../../dispatch';
import type { ServiceContext } from '../context';

/** Under the web host the browser opens links itself; the answer says whether the policy allows this one. */
export function shellHandlers(
  context: ServiceContext,
): Pick<Handlers, 'shell.openExternal' | 'desktop.get' | 'desktop.save'> {
  const notDesktop = { available: false, closeToTray: false, startAtLogin: false, notifications: false };
  return {
    'desktop.get': async () => notDesktop,
    'desktop.save': async () => notDesktop,
    'shell.openExternal': async ({ url }) => {
      const check = checkExternalUrl(url, context.trustedHosts());
      return check.ok
        ? { opened: false, reason: 'Open it from the page: the web host does not open windows.' }
        : { opened: false, reason: `Not opened: ${check.reason}.` };
    },
  };
}
