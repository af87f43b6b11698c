import { KEYCHAIN_SERVICE, KeychainUnavailableError, type SecretStore } from './secret-store';
import { messageOf } from '../../../shared/validation';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
}

const TIMEOUT_MS = 15_000;

function withTimeout<T>(promise: Promise<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new KeychainUnavailableError('it did not answer within 15 seconds')),
      TIMEOUT_MS,
    );
    timer.unref?.();
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof KeychainUnavailableError ? error : new KeychainUnavailableError(firstLine(error)));
      },
    );
  });
}

function firstLine(error: unknown): string {
  const message = messageOf(error);
  return (message.split('\n')[0] ?? message).slice(0, 160);
}

/** keytar behind the three-method SecretStore: Keychain (macOS), Credential Manager (Windows), Secret Service (Linux). */
export function createKeytarStore(service: string = KEYCHAIN_SERVICE): SecretStore {
  let keytar: Promise<Keytar> | null = null;
  // Loaded on first use, so a machine whose keychain library is missing still starts (read-only).
  const load = (): Promise<Keytar> => {
    keytar ??= import('keytar').then(
      (module) => ((module as { default?: Keytar }).default ?? module) as Keytar,
      (error: unknown) => {
        keytar = null;
        throw new KeychainUnavailableError(`keytar could not load: ${firstLine(error)}`);
      },
    );
    return keytar;
  };
  return {
    get: (account) => withTimeout(load().then((k) => k.getPassword(service, account))),
    set: (account, value) => withTimeout(load().then((k) => k.setPassword(service, account, value))),
    delete: (account) => withTimeout(load().then((k) => k.deletePassword(service, account))),
  };
}
