import type { Profile } from '../../../shared/contract/profiles';
import { ConsoleError, isConsoleError } from '../../../shared/errors';
import { registerSecret } from '../logging/secret-registry';
import { secretAccount, type SecretPurpose } from '../secrets/secret-store';
import type { ServiceDeps } from './deps';
import type { WorkerXoiConfig } from '../sync/worker-protocol';
import { resolveXoiEndpoints, XOI_USERS_INTERVAL_MS } from '../xoi/endpoints';

export interface ResolvedCredentials {
  password: string | null;
  problem: ConsoleError | null;
}

/** Reads one secret of a profile; every secret read is registered for exact-match log redaction. */
export async function readSecret(
  deps: Pick<ServiceDeps, 'secrets'>,
  profileId: string,
  purpose: SecretPurpose,
): Promise<string | null> {
  const value = await deps.secrets.get(secretAccount(profileId, purpose));
  registerSecret(value);
  return value;
}

/**
 * The administrator password for a profile, from the keychain. The sandbox's published password is stored there on
 * first use like any other; when the keychain cannot be used, the sandbox still works with its published default.
 */
export async function credentialsFor(
  profile: Profile,
  deps: Pick<ServiceDeps, 'secrets' | 'sandbox' | 'log'>,
): Promise<ResolvedCredentials> {
  try {
    const stored = await readSecret(deps, profile.id, 'administrator');
    if (stored !== null) return { password: stored, problem: null };
    if (profile.kind === 'sandbox' && deps.sandbox) {
      await deps.secrets.set(secretAccount(profile.id, 'administrator'), deps.sandbox.adminCredentials.password);
      return { password: deps.sandbox.adminCredentials.password, problem: null };
    }
    return {
      password: null,
      problem: new ConsoleError(
        'PASSWORD_MISSING',
        `No administrator password is stored for "${profile.name}".`,
        'Open Settings > Connection and enter the Schedule administrator password.',
      ),
    };
  } catch (error) {
    if (profile.kind === 'sandbox' && deps.sandbox)
      return { password: deps.sandbox.adminCredentials.password, problem: null };
    if (isConsoleError(error)) return { password: null, problem: error };
    throw error;
  }
}

/**
 * The XOi API connection of a profile, with its key and secret: the sandbox's published ones for the sandbox, the
 * keychain's otherwise. Null when the profile has none (the diagnosis then infers who is an XOi user).
 */
export async function xoiConfigFor(
  profile: Profile,
  deps: Pick<ServiceDeps, 'secrets' | 'sandbox'>,
): Promise<WorkerXoiConfig | null> {
  if (!profile.xoi) return null;
  const endpoints = resolveXoiEndpoints(profile.xoi, deps.sandbox?.url ?? null);
  if (profile.xoi.environment === 'sandbox') {
    if (!deps.sandbox) return null;
    return { endpoints, ...deps.sandbox.xoiApiCredentials, intervalMs: XOI_USERS_INTERVAL_MS };
  }
  try {
    const [apiKey, apiSecret] = [
      await readSecret(deps, profile.id, 'xoi-api-key'),
      await readSecret(deps, profile.id, 'xoi-api-secret'),
    ];
    return apiKey && apiSecret ? { endpoints, apiKey, apiSecret, intervalMs: XOI_USERS_INTERVAL_MS } : null;
  } catch {
    return null;
  }
}
