import { XOI_ENDPOINTS, type XoiConnection } from '../../../shared/contract/profiles';
import type { XoiEndpoints } from './client';

/** The sandbox's XOi side, under its base URL. */
export function sandboxXoiEndpoints(baseUrl: string): XoiEndpoints {
  const base = baseUrl.replace(/\/+$/, '');
  return { tokenUrl: `${base}/xoi/token`, usersUrl: `${base}/xoi/users/graphql`, jobsUrl: `${base}/xoi/jobs/graphql` };
}

/** The three URLs a profile's XOi connection uses: XOi's published Test or Production endpoints, custom ones, or the sandbox's. */
export function resolveXoiEndpoints(connection: XoiConnection, sandboxUrl: string | null): XoiEndpoints {
  switch (connection.environment) {
    case 'test':
    case 'production':
      return { ...XOI_ENDPOINTS[connection.environment] };
    case 'sandbox':
      return sandboxXoiEndpoints(sandboxUrl ?? 'http://127.0.0.1');
    case 'custom':
      return { tokenUrl: connection.tokenUrl, usersUrl: connection.usersUrl, jobsUrl: connection.jobsUrl };
  }
}

/** How often the poller re-reads XOi's users: slower than the Schedule sync. */
export const XOI_USERS_INTERVAL_MS = 30 * 60_000;
