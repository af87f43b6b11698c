import { XOI_ENDPOINTS, type XoiConnection } from '../../../../shared/contract/profiles';
import type { XoiStatus } from '../../../../shared/contract/xoi';
import { parseAppointmentKey } from '../../../../shared/domain/appointment-key';
import { ConsoleError } from '../../../../shared/errors';
import { checkServerUrl } from '../../../../shared/server-url';
import type { Handlers } from '../../dispatch';
import { secretAccount } from '../../secrets/secret-store';
import { createXoiClient } from '../../xoi/client';
import type { XoiCheck } from '../../xoi/mirror-users';
import { JOB_NAMESPACE } from '../../../../shared/links/deep-link';
import { readProfileSecret, writeProfileSecret, xoiConfigFor } from '../credentials';
import { originsOf } from '../../secrets/bound-secret';
import { resolveXoiEndpoints } from '../../xoi/endpoints';
import type { ServiceContext } from '../context';

/** The XOi API connection: credentials in the keychain, XOi's users mirrored by the poller, job lookups on demand. */
export function xoiHandlers(
  context: ServiceContext,
): Pick<Handlers, 'xoi.status' | 'xoi.save' | 'xoi.check' | 'xoi.job'> {
  const { deps } = context;

  async function status(): Promise<XoiStatus> {
    const active = await context.active();
    const profile = deps.profiles.get(active.profile.id);
    const config = await xoiConfigFor(profile, deps);
    let check: XoiCheck | undefined;
    try {
      check = ((await active.query('snapshot', { kind: 'xoi-check' })) as XoiCheck | null) ?? undefined;
    } catch {
      check = undefined;
    }
    return {
      configured: config !== null,
      environment: profile.xoi?.environment ?? null,
      tokenUrl: config?.endpoints.tokenUrl ?? null,
      usersUrl: config?.endpoints.usersUrl ?? null,
      jobsUrl: config?.endpoints.jobsUrl ?? null,
      lastCheckAt: check?.lastCheckAt ?? null,
      userCount: check?.userCount ?? null,
      error: check?.error ?? null,
    };
  }

  return {
    'xoi.status': status,

    'xoi.save': async (input) => {
      const active = await context.active();
      if (active.profile.kind === 'sandbox' && input.environment !== 'sandbox') {
        throw new ConsoleError(
          'PROFILE_READ_ONLY',
          "The sandbox profile always uses the sandbox's simulated XOi.",
          'Create a profile for a real Schedule server to connect to XOi.',
        );
      }
      if (active.profile.kind !== 'sandbox' && input.environment === 'sandbox') {
        throw new ConsoleError(
          'INVALID_ARGUMENT',
          "environment: the sandbox's simulated XOi belongs to the sandbox profile; choose Test, Production or Custom URLs.",
          'Choose the XOi environment your company uses.',
        );
      }
      let connection: XoiConnection;
      if (input.environment === 'custom') {
        const urls = { tokenUrl: input.tokenUrl ?? '', usersUrl: input.usersUrl ?? '', jobsUrl: input.jobsUrl ?? '' };
        for (const [field, label] of [
          ['tokenUrl', 'Token URL'],
          ['usersUrl', 'Users GraphQL URL'],
          ['jobsUrl', 'Jobs GraphQL URL'],
        ] as const) {
          const check = checkServerUrl(urls[field], label);
          if (!check.ok)
            throw new ConsoleError(
              'INVALID_ARGUMENT',
              `${label}: ${check.message}`,
              'Correct the custom URL, or choose Test or Production.',
            );
          urls[field] = check.url;
        }
        connection = { environment: 'custom', ...urls };
      } else if (input.environment === 'sandbox') {
        connection = { environment: 'sandbox', tokenUrl: 'embedded', usersUrl: 'embedded', jobsUrl: 'embedded' };
      } else {
        connection = { environment: input.environment, ...XOI_ENDPOINTS[input.environment] };
      }
      if (input.environment !== 'sandbox') {
        const hasKey = input.apiKey !== undefined && input.apiKey !== '';
        const hasSecret = input.apiSecret !== undefined && input.apiSecret !== '';
        if (hasKey !== hasSecret)
          throw new ConsoleError(
            'INVALID_ARGUMENT',
            'Enter both the XOi API key and the API secret (or neither, to keep the stored ones).',
            'XOi issues them together.',
          );
        const endpoints = resolveXoiEndpoints(connection, null);
        const origins = originsOf([endpoints.tokenUrl, endpoints.usersUrl, endpoints.jobsUrl]);
        if (hasKey && hasSecret) {
          await deps.secrets.get(secretAccount(active.profile.id, 'xoi-api-key'));
          await writeProfileSecret(deps, active.profile, 'xoi-api-key', input.apiKey as string, origins);
          await writeProfileSecret(deps, active.profile, 'xoi-api-secret', input.apiSecret as string, origins);
        } else {
          const stored = await readProfileSecret(deps, active.profile, 'xoi-api-key');
          if (stored && !origins.every((origin) => stored.origins.includes(origin))) {
            throw new ConsoleError(
              'PASSWORD_REQUIRED',
              `API key: the XOi endpoints now point to ${origins.join(', ')}, so enter the API key and secret again. Saved XOi credentials are only sent to the addresses they were entered for (${stored.origins.join(', ')}).`,
              'Type the API key and the API secret, then save again; nothing was changed.',
              { field: 'apiKey' },
            );
          }
        }
      }
      const saved = deps.profiles.updateXoi(active.profile.id, connection);
      const reopened = await context.reopen();
      const config = await xoiConfigFor(saved, deps);
      if (config) await reopened.control().checkXoi();
      return status();
    },

    'xoi.check': async () => {
      const active = await context.active();
      const check = await active.control().checkXoi();
      if (check === null)
        throw new ConsoleError(
          'XOI_NOT_CONFIGURED',
          'The XOi API connection is not set up for this profile.',
          'Enter the XOi API key and secret in Settings > XOi connection.',
        );
      return status();
    },

    'xoi.job': async ({ key }) => {
      const active = await context.active();
      const config = await xoiConfigFor(deps.profiles.get(active.profile.id), deps);
      if (!config)
        throw new ConsoleError(
          'XOI_NOT_CONFIGURED',
          'The XOi API connection is not set up for this profile.',
          'Enter the XOi API key and secret in Settings > XOi connection.',
        );
      const parsed = parseAppointmentKey(key);
      if (!parsed)
        throw new ConsoleError(
          'INVALID_ARGUMENT',
          'key: expected COMPANY/SERVICECALL/APPOINTMENT.',
          'Open an appointment first.',
        );
      const client = createXoiClient({
        ...config.endpoints,
        apiKey: config.apiKey,
        apiSecret: config.apiSecret,
        boundTo: config.boundTo,
      });
      const byId = await client.jobByIntegrationEntityId(key, JOB_NAMESPACE);
      const job = byId ?? (await client.jobsByWorkOrder(`${parsed.serviceCall}-${parsed.appointment}`))[0] ?? null;
      return {
        found: job !== null,
        jobId: job?.id ?? null,
        workOrderNumber: job?.workOrderNumber ?? null,
        visionWeb: job?.deepLinks?.visionWeb ?? null,
        visionMobile: job?.deepLinks?.visionMobile ?? null,
        lookedUpBy: job === null ? null : byId ? 'integration-entity-id' : 'work-order',
      };
    },
  };
}
