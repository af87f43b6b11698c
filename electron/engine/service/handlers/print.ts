import type { Handlers } from '../../dispatch';
import type { ServiceContext } from '../context';
import { prerequisitesOf } from './setup';
import { requireKey } from './appointments';

/**
 * The print views' data, and the web host's answer to "print": it cannot open a native dialog, so the renderer shows
 * the print view and uses the browser's own print. The Electron shell replaces `print.document` and `print.ready`.
 */
export function printHandlers(
  context: ServiceContext,
): Pick<Handlers, 'print.document' | 'print.ready' | 'sheet.data'> {
  return {
    'print.document': async ({ kind, key }) => ({
      outcome: 'use-browser' as const,
      route: kind === 'setup-sheet' ? '#/print/setup-sheet' : `#/print/report/${encodeURIComponent(requireKey(key))}`,
    }),
    'print.ready': async () => ({ acknowledged: false }),
    'sheet.data': async () => {
      const { client, active } = await context.adminClient();
      const [system, integration, companies] = await Promise.all([
        client.system(),
        client.integration(),
        client.companies(),
      ]);
      return {
        customer: active.profile.name,
        printedAt: new Date(context.now()).toISOString(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        userName: integration.userName,
        apiUrl: integration.apiUrl,
        signatureVersion: integration.signatureVersion,
        scheduleVersion: system.scheduleVersion,
        mobileTechVersion: system.mobileTechVersion,
        companies: companies
          .filter((company) => company.active)
          .map((company) => ({ id: company.id, name: company.name })),
        configured: integration.configured,
        passwordSetAt: integration.passwordSetAt,
        checklist: prerequisitesOf(system, active.profile.settings.supportedVersions),
      };
    },
  };
}
