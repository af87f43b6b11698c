import { CommandFailure } from './usage-error';

/** The administrator password saved by the console for this API URL and user (keychain), found through its profile. */
export async function findSavedAdminPassword(apiUrl: string, userName: string, _dataDir?: string): Promise<string> {
  throw new CommandFailure(`No saved password for ${userName} at ${apiUrl}: save a profile for it in the console, or pass --password-stdin.`);
}
