import { rmSync } from 'node:fs';
import type { ProfileView } from '../../../../shared/contract/profiles';
import { ConsoleError, isConsoleError } from '../../../../shared/errors';
import { checkServerUrl } from '../../../../shared/server-url';
import { createScheduleClient, type ScheduleCredentials } from '../../schedule/client';
import { ScheduleError } from '../../schedule/errors';
import { registerSecret } from '../../logging/secret-registry';
import { removeMirrorFiles } from '../../store/open';
import { SECRET_PURPOSES, secretAccount, type SecretPurpose } from '../../secrets/secret-store';
import type { Handlers } from '../../dispatch';
import { mirrorFileFor } from '../active-profile';
import { readProfileSecret, writeProfileSecret } from '../credentials';
import { originOf } from '../../secrets/bound-secret';
import type { ServiceContext } from '../context';

export function profileHandlers(
  context: ServiceContext,
): Pick<
  Handlers,
  'profiles.list' | 'profiles.save' | 'profiles.delete' | 'profiles.activate' | 'profiles.testConnection'
> {
  const { deps } = context;

  async function hasSecret(profileId: string, purpose: SecretPurpose): Promise<boolean> {
    try {
      return (await readProfileSecret(deps, deps.profiles.get(profileId), purpose)) !== null;
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
          { field: 'apiUrl' },
        );
      const typed = input.password !== undefined && input.password !== '' ? input.password : null;
      const existing = input.id ? deps.profiles.get(input.id) : null;
      if (existing && existing.kind === 'server' && originOf(existing.apiUrl) !== originOf(url.url) && typed === null) {
        throw new ConsoleError(
          'PASSWORD_REQUIRED',
          `Password: the Schedule API URL now points to ${originOf(url.url)}, so enter the administrator password again. A saved password is only sent to the address it was entered for (${originOf(existing.apiUrl)}).`,
          'Type the password, then save again; nothing was changed.',
          { field: 'password' },
        );
      }
      // The keychain is checked before anything is saved, so a refusal changes nothing.
      if (typed !== null) await deps.secrets.get(secretAccount('probe', 'administrator'));
      const saved = deps.profiles.save({
        ...(input.id ? { id: input.id } : {}),
        name: input.name,
        apiUrl: url.url,
        userName: input.userName,
      });
      if (typed !== null) await writeProfileSecret(deps, saved, 'administrator', typed);
      if (deps.profiles.activeId === saved.id) await context.reopen();
      context.events.emit('profiles.changed', { activeId: deps.profiles.activeId });
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
      const target = originOf(url.url) ?? '';
      let credentials: ScheduleCredentials = { userName, password: password ?? '' };
      if ((password ?? '') === '' && profileId) {
        const stored = await readProfileSecret(deps, deps.profiles.get(profileId), 'administrator');
        if (stored && !stored.origins.includes(target)) {
          return {
            ok: false,
            code: 'PASSWORD_REQUIRED',
            message: `The saved password was entered for ${stored.origins.join(', ') || 'another address'}, so it is not sent to ${target}.`,
            nextStep: 'Type the administrator password to test this address.',
          };
        }
        if (stored) credentials = { userName, password: stored.value, boundTo: stored.origins };
      }
      if (credentials.password !== '') registerSecret(credentials.password);
      const client = createScheduleClient({ baseUrl: url.url, credentials, timeoutMs: 15_000 });
      try {
        await client.ping();
        const system = await client.system();
        await client.integration();
        // A saved profile that answered is one step of its first-run checklist.
        const tested = deps.profiles.list().find((profile) => profile.id === profileId);
        if (tested && originOf(context.apiUrlOf(tested)) === target) {
          deps.profiles.recordMilestone(tested.id, 'connectionTestedAt', new Date(context.now()).toISOString());
          context.events.emit('profiles.changed', { activeId: deps.profiles.activeId });
        }
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
