import { rmSync } from 'node:fs';
import type { ProfileView } from '../../../../shared/contract/profiles';
import { ConsoleError, isConsoleError } from '../../../../shared/errors';
import { checkServerUrl } from '../../../../shared/server-url';
import { createScheduleClient } from '../../schedule/client';
import { ScheduleError } from '../../schedule/errors';
import { registerSecret } from '../../logging/secret-registry';
import { removeMirrorFiles } from '../../store/open';
import { SECRET_PURPOSES, secretAccount } from '../../secrets/secret-store';
import type { Handlers } from '../../dispatch';
import { mirrorFileFor } from '../active-profile';
import { readSecret } from '../credentials';
import type { ServiceContext } from '../context';

export function profileHandlers(
  context: ServiceContext,
): Pick<
  Handlers,
  'profiles.list' | 'profiles.save' | 'profiles.delete' | 'profiles.activate' | 'profiles.testConnection'
> {
  const { deps } = context;

  async function hasSecret(profileId: string, purpose: Parameters<typeof secretAccount>[1]): Promise<boolean> {
    try {
      return (await readSecret(deps, profileId, purpose)) !== null;
    } catch {
      return false;
    }
  }

  async function view(profileId: string): Promise<ProfileView> {
    const profile = deps.profiles.get(profileId);
    return {
      ...profile,
      apiUrl: profile.kind === 'sandbox' ? context.apiUrlOf(profile) : profile.apiUrl,
      active: deps.profiles.activeId === profile.id,
      secrets: {
        administrator: profile.kind === 'sandbox' ? true : await hasSecret(profile.id, 'administrator'),
        xoiIntegration: await hasSecret(profile.id, 'xoi-integration'),
        xoiApi: profile.kind === 'sandbox' ? true : await hasSecret(profile.id, 'xoi-api-key'),
      },
    };
  }

  async function keychainState() {
    try {
      await deps.secrets.get(secretAccount('probe', 'administrator'));
      return { available: true, message: null, nextStep: null };
    } catch (error) {
      return isConsoleError(error)
        ? { available: false, message: error.message, nextStep: error.nextStep ?? null }
        : { available: false, message: 'The keychain cannot be used.', nextStep: null };
    }
  }

  return {
    'profiles.list': async () => ({
      activeId: deps.profiles.activeId,
      profiles: await Promise.all(deps.profiles.list().map((profile) => view(profile.id))),
      keychain: await keychainState(),
    }),

    'profiles.save': async (input) => {
      const url = checkServerUrl(input.apiUrl, 'Schedule API URL');
      if (!url.ok)
        throw new ConsoleError(
          'INVALID_ARGUMENT',
          `Schedule API URL: ${url.message}`,
          'Correct the URL and save again.',
        );
      if (input.password !== undefined && input.password !== '') {
        // The keychain is checked before anything is saved, so a refusal changes nothing.
        await deps.secrets.get(secretAccount('probe', 'administrator'));
      }
      const saved = deps.profiles.save({
        ...(input.id ? { id: input.id } : {}),
        name: input.name,
        apiUrl: url.url,
        userName: input.userName,
      });
      if (input.password !== undefined && input.password !== '') {
        registerSecret(input.password);
        await deps.secrets.set(secretAccount(saved.id, 'administrator'), input.password);
      }
      if (deps.profiles.activeId === saved.id) await context.reopen();
      return view(saved.id);
    },

    'profiles.delete': async ({ id }) => {
      const profile = deps.profiles.get(id);
      if (profile.kind === 'sandbox')
        throw new ConsoleError(
          'PROFILE_READ_ONLY',
          'The sandbox profile cannot be removed.',
          'Remove one of your own profiles instead.',
        );
      for (const purpose of SECRET_PURPOSES) await deps.secrets.delete(secretAccount(id, purpose));
      const wasActive = deps.profiles.activeId === id;
      deps.profiles.remove(id);
      if (wasActive) await context.switchTo(deps.profiles.activeId);
      removeMirrorFiles(mirrorFileFor(deps.dataDir, id));
      rmSync(`${mirrorFileFor(deps.dataDir, id)}.rebuild`, { force: true });
      context.events.emit('profiles.changed', { activeId: deps.profiles.activeId });
      return { removed: true as const };
    },

    'profiles.activate': async ({ id }) => {
      deps.profiles.activate(id);
      await context.switchTo(id);
      context.events.emit('profiles.changed', { activeId: id });
      return view(id);
    },

    'profiles.testConnection': async ({ apiUrl, userName, password, profileId }) => {
      const url = checkServerUrl(apiUrl, 'Schedule API URL');
      if (!url.ok)
        return {
          ok: false,
          code: 'BAD_URL',
          message: url.message,
          nextStep: "Enter the API URL shown in Schedule's Integrations tab.",
        };
      let secret = password ?? '';
      if (secret === '' && profileId) secret = (await readSecret(deps, profileId, 'administrator')) ?? '';
      if (secret !== '') registerSecret(secret);
      const client = createScheduleClient({
        baseUrl: url.url,
        credentials: { userName, password: secret },
        timeoutMs: 15_000,
      });
      try {
        await client.ping();
        const system = await client.system();
        await client.integration();
        return {
          ok: true,
          scheduleVersion: system.scheduleVersion,
          signatureVersion: system.signatureVersion,
          mobileTechVersion: system.mobileTechVersion,
          serverTime: system.serverTime,
        };
      } catch (error) {
        if (error instanceof ScheduleError)
          return { ok: false, code: error.code, message: error.message, nextStep: error.nextStep ?? '' };
        throw error;
      }
    },
  };
}
