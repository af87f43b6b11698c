import { ConsoleError } from '../../../shared/errors';

/** Where credentials live. The OS keychain in the product; nothing else, ever (no plaintext fallback). */
export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, value: string): Promise<void>;
  delete(account: string): Promise<boolean>;
}

export const KEYCHAIN_SERVICE = 'XOi Console';

export type SecretPurpose = 'administrator' | 'xoi-integration' | 'xoi-api-key' | 'xoi-api-secret';
export const SECRET_PURPOSES: readonly SecretPurpose[] = [
  'administrator',
  'xoi-integration',
  'xoi-api-key',
  'xoi-api-secret',
];

/** Accounts are named by profile and purpose: "<profile id>/<purpose>". */
export function secretAccount(profileId: string, purpose: SecretPurpose): string {
  return `${profileId}/${purpose}`;
}

export function keychainFix(platform: NodeJS.Platform = process.platform): string {
  if (platform === 'linux')
    return 'Install and start a Secret Service (for example gnome-keyring) and unlock it, then restart the console.';
  if (platform === 'darwin') return 'Unlock the macOS login keychain (Keychain Access), then try again.';
  return 'Check that Windows Credential Manager is available for your account, then try again.';
}

export class KeychainUnavailableError extends ConsoleError {
  constructor(detail: string, platform: NodeJS.Platform = process.platform) {
    super(
      'KEYCHAIN_UNAVAILABLE',
      `The operating system's keychain cannot be used (${detail}). Passwords are never stored anywhere else, so the console works read-only on what it has already mirrored.`,
      keychainFix(platform),
    );
  }
}
