import { isConsoleError } from '../../shared/errors';
import { registerSecret } from '../engine/logging/secret-registry';
import { defaultDataDir } from '../engine/paths';
import { ProfileStore } from '../engine/profiles/profile-store';
import { createKeytarStore } from '../engine/secrets/keytar-store';
import { KEYCHAIN_SERVICE, secretAccount } from '../engine/secrets/secret-store';
import { CommandFailure } from './usage-error';

/** The administrator password the console saved for this API URL and user: found through its profile, read from the keychain. */
export async function findSavedAdminPassword(apiUrl: string, userName: string, dataDir?: string): Promise<string> {
  const profile = new ProfileStore(dataDir ?? defaultDataDir()).findByServer(apiUrl, userName);
  if (!profile)
    throw new CommandFailure(
      `No saved password for ${userName} at ${apiUrl}: save a profile for it in the console, or pass --password-stdin.`,
    );
  try {
    const password = await createKeytarStore(process.env.XOI_KEYCHAIN_SERVICE ?? KEYCHAIN_SERVICE).get(
      secretAccount(profile.id, 'administrator'),
    );
    if (password === null)
      throw new CommandFailure(
        `The profile "${profile.name}" has no password in the keychain: enter it in the console, or pass --password-stdin.`,
      );
    registerSecret(password);
    return password;
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    if (isConsoleError(error)) throw new CommandFailure(`${error.message} ${error.nextStep ?? ''}`.trim());
    throw error;
  }
}
