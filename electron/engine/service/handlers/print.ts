import type { Handlers } from '../../dispatch';
import type { ServiceContext } from '../context';
import { prerequisitesOf } from './setup';

/**
 * Who the sheet is for: the name the administrator gave in Settings, else the server's own company names (never the
 * connection profile's name, which is ours, not the customer's).
 */
function customerOnSheet(setting: string, companies: ReadonlyArray<{ id: string; name: string }>): string {
  if (setting.trim() !== '') return setting.trim();
  const [first, ...others] = companies;
  if (!first) return 'not named (set the customer name in Settings)';
  return others.length === 0
    ? first.name
    : `${first.name} and ${others.length} more ${others.length === 1 ? 'company' : 'companies'}`;
}

/** The print views' data (printing itself is the host's: host-capabilities.ts). */
export function printHandlers(context: ServiceContext): Pick<Handlers, 'sheet.data'> {
  return {
    'sheet.data': async () => {
      const { client, active } = await context.adminClient();
      const [system, integration, companies] = await Promise.all([
        client.system(),
        client.integration(),
        client.companies(),
      ]);
      const activeCompanies = companies.filter((company) => company.active);
      return {
        customer: customerOnSheet(active.profile.settings.customerName, activeCompanies),
        printedAt: new Date(context.now()).toISOString(),
        timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
        userName: integration.userName,
        apiUrl: integration.apiUrl,
        signatureVersion: integration.signatureVersion,
        scheduleVersion: system.scheduleVersion,
        mobileTechVersion: system.mobileTechVersion,
        companies: activeCompanies.map((company) => ({ id: company.id, name: company.name })),
        configured: integration.configured,
        passwordSetAt: integration.passwordSetAt,
        checklist: prerequisitesOf(system, active.profile.settings.supportedVersions),
      };
    },
  };
}
