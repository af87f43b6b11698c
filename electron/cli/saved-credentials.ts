import { isConsoleError } from '../../shared/errors';
import { defaultDataDir } from '../engine/paths';
import { ProfileStore } from '../engine/profiles/profile-store';
import type { BoundSecret } from '../engine/secrets/bound-secret';
import { createKeytarStore } from '../engine/secrets/keytar-store';
import { KEYCHAIN_SERVICE } from '../engine/secrets/secret-store';
import { readProfileSecret } from '../engine/service/credentials';
import { CommandFailure } from './usage-error';

/**
 * The administrator password the console saved for this API URL and user: found through its profile, read from the
 * keychain with the origins it is bound to (the Schedule client refuses to send it anywhere else).
 */
export async function findSavedAdminPassword(apiUrl: string, userName: string, dataDir?: string): Promise<BoundSecret> {
  const profile = new ProfileStore(dataDir ?? defaultDataDir()).findByServer(apiUrl, userName);
  if (!profile)
    throw new CommandFailure(
      `No saved password for ${userName} at ${apiUrl}: save a profile for it in the console, or pass --password-stdin.`,
    );
  try {
    const secrets = createKeytarStore(process.env.XOI_KEYCHAIN_SERVICE ?? KEYCHAIN_SERVICE);
    const password = await readProfileSecret({ secrets, sandbox: null }, profile, 'administrator');
    if (password === null)
      throw new CommandFailure(
        `The profile "${profile.name}" has no password in the keychain: enter it in the console, or pass --password-stdin.`,
      );
    return password;
  } catch (error) {
    if (error instanceof CommandFailure) throw error;
    if (isConsoleError(error)) throw new CommandFailure(`${error.message} ${error.nextStep ?? ''}`.trim());
    throw error;
  }
}
