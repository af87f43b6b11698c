import type { Profile } from '../../../shared/contract/profiles';
import { ConsoleError, isConsoleError } from '../../../shared/errors';
import { registerSecret } from '../logging/secret-registry';
import {
  decodeBoundSecret,
  EMBEDDED_SANDBOX_ORIGIN,
  encodeBoundSecret,
  originOf,
  originsOf,
  SecretBoundElsewhereError,
  type BoundSecret,
} from '../secrets/bound-secret';
import { SECRET_PURPOSES, secretAccount, type SecretPurpose } from '../secrets/secret-store';
import type { ServiceDeps } from './deps';
import type { WorkerXoiConfig } from '../sync/worker-protocol';
import { resolveXoiEndpoints, XOI_USERS_INTERVAL_MS } from '../xoi/endpoints';

type SecretDeps = Pick<ServiceDeps, 'secrets' | 'sandbox'>;

/**
 * The origins a profile's secret of this purpose belongs to, as the profile is saved now: its Schedule server for the
 * administrator and integration passwords, its XOi endpoints for the API key and secret. The sandbox profile's
 * secrets belong to the embedded sandbox, wherever it listens this session.
 */
export function originsFor(profile: Profile, purpose: SecretPurpose): string[] {
  if (profile.kind === 'sandbox') return [EMBEDDED_SANDBOX_ORIGIN];
  if (purpose === 'administrator' || purpose === 'xoi-integration') return originsOf([profile.apiUrl]);
  if (!profile.xoi || profile.xoi.environment === 'sandbox') return [];
  const endpoints = resolveXoiEndpoints(profile.xoi, null);
  return originsOf([endpoints.tokenUrl, endpoints.usersUrl, endpoints.jobsUrl]);
}

function resolveOrigins(origins: readonly string[], profile: Profile, deps: SecretDeps): string[] {
  const sandboxOrigin = profile.kind === 'sandbox' && deps.sandbox ? originOf(deps.sandbox.url) : null;
  return origins.flatMap((origin) =>
    origin === EMBEDDED_SANDBOX_ORIGIN ? (sandboxOrigin ? [sandboxOrigin] : []) : [origin],
  );
}

/**
 * Reads one secret of a profile with the origins it is bound to. A secret stored before secrets were bound is bound
 * now to the address saved with it, and written back. Every secret read is registered for log redaction.
 */
export async function readProfileSecret(
  deps: SecretDeps,
  profile: Profile,
  purpose: SecretPurpose,
): Promise<BoundSecret | null> {
  const account = secretAccount(profile.id, purpose);
  const stored = await deps.secrets.get(account);
  if (stored === null) return null;
  const decoded = decodeBoundSecret(stored);
  registerSecret(decoded.value);
  let origins = decoded.origins;
  if (origins === null) {
    origins = originsFor(profile, purpose);
    await deps.secrets.set(account, encodeBoundSecret({ value: decoded.value, origins }));
  }
  return { value: decoded.value, origins: resolveOrigins(origins, profile, deps) };
}

/** Stores a secret bound to the origins it was entered for (by default, the profile's as saved now). */
export async function writeProfileSecret(
  deps: SecretDeps,
  profile: Profile,
  purpose: SecretPurpose,
  value: string,
  origins: readonly string[] = originsFor(profile, purpose),
): Promise<void> {
  registerSecret(value);
  await deps.secrets.set(secretAccount(profile.id, purpose), encodeBoundSecret({ value, origins }));
}

/** Binds every secret stored before secrets were bound (run once at start; a keychain that cannot be read is skipped). */
export async function bindLegacySecrets(deps: SecretDeps & Pick<ServiceDeps, 'profiles'>): Promise<void> {
  for (const profile of deps.profiles.list()) {
    for (const purpose of SECRET_PURPOSES) {
      try {
        await readProfileSecret(deps, profile, purpose);
      } catch {
        return;
      }
    }
  }
}

export interface ResolvedCredentials {
  password: BoundSecret | null;
  problem: ConsoleError | null;
}

/**
 * The administrator password for a profile, from the keychain, checked against the address it will be sent to. The
 * sandbox's published password is stored there on first use like any other; when the keychain cannot be used, the
 * sandbox still works with its published default.
 */
export async function credentialsFor(
  profile: Profile,
  apiUrl: string,
  deps: SecretDeps & Pick<ServiceDeps, 'log'>,
): Promise<ResolvedCredentials> {
  const sandboxPassword = (): BoundSecret | null =>
    profile.kind === 'sandbox' && deps.sandbox
      ? { value: deps.sandbox.adminCredentials.password, origins: originsOf([deps.sandbox.url]) }
      : null;
  let password: BoundSecret | null;
  try {
    password = await readProfileSecret(deps, profile, 'administrator');
    const published = password === null ? sandboxPassword() : null;
    if (published) {
      await writeProfileSecret(deps, profile, 'administrator', published.value);
      password = published;
    }
  } catch (error) {
    const published = sandboxPassword();
    if (published) return { password: published, problem: null };
    if (isConsoleError(error)) return { password: null, problem: error };
    throw error;
  }
  if (password === null) {
    return {
      password: null,
      problem: new ConsoleError(
        'PASSWORD_MISSING',
        `No administrator password is stored for "${profile.name}".`,
        'Open Settings > Connection and enter the Schedule administrator password.',
      ),
    };
  }
  const target = originOf(apiUrl);
  if (target === null || !password.origins.includes(target)) {
    return {
      password: null,
      problem: new SecretBoundElsewhereError('administrator password', target ?? apiUrl, password.origins),
    };
  }
  return { password, problem: null };
}

/**
 * The XOi API connection of a profile, with its key and secret and the origins they are bound to: the sandbox's
 * published ones for the sandbox, the keychain's otherwise. Null when the profile has none (the diagnosis then infers
 * who is an XOi user).
 */
export async function xoiConfigFor(profile: Profile, deps: SecretDeps): Promise<WorkerXoiConfig | null> {
  if (!profile.xoi) return null;
  const endpoints = resolveXoiEndpoints(profile.xoi, deps.sandbox?.url ?? null);
  if (profile.xoi.environment === 'sandbox') {
    if (!deps.sandbox) return null;
    return {
      endpoints,
      ...deps.sandbox.xoiApiCredentials,
      boundTo: originsOf([deps.sandbox.url]),
      intervalMs: XOI_USERS_INTERVAL_MS,
    };
  }
  try {
    const [apiKey, apiSecret] = [
      await readProfileSecret(deps, profile, 'xoi-api-key'),
      await readProfileSecret(deps, profile, 'xoi-api-secret'),
    ];
    if (!apiKey || !apiSecret) return null;
    const boundTo = apiKey.origins.filter((origin) => apiSecret.origins.includes(origin));
    return { endpoints, apiKey: apiKey.value, apiSecret: apiSecret.value, boundTo, intervalMs: XOI_USERS_INTERVAL_MS };
  } catch {
    return null;
  }
}
