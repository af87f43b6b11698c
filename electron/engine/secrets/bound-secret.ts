import { ConsoleError } from '../../../shared/errors';
import { originOf } from '../../../shared/server-url';

export { originOf, originsOf } from '../../../shared/server-url';

/**
 * A stored secret is bound to the origins (scheme, host, port) it was entered for, and is only ever sent there. The
 * binding travels inside the keychain entry's value, so editing profiles.json cannot move a secret to another server.
 */
export interface BoundSecret {
  readonly value: string;
  /** The origins this secret may be sent to, as `originOf` writes them. */
  readonly origins: readonly string[];
}

/** Stands for "the embedded sandbox, wherever it listens this session" (its port changes at every start). */
export const EMBEDDED_SANDBOX_ORIGIN = 'embedded:sandbox';

const STORED_PREFIX = 'xoi-console/bound/v1 ';

/** What goes into the keychain: the secret and the origins it is bound to. */
export function encodeBoundSecret(secret: BoundSecret): string {
  return `${STORED_PREFIX}${JSON.stringify({ origins: [...secret.origins], value: secret.value })}`;
}

/**
 * A keychain value read back. `origins` is null for a value stored before secrets were bound (a bare secret): the
 * caller binds it to the address saved with it and writes it back.
 */
export function decodeBoundSecret(stored: string): { value: string; origins: string[] | null } {
  if (!stored.startsWith(STORED_PREFIX)) return { value: stored, origins: null };
  try {
    const parsed = JSON.parse(stored.slice(STORED_PREFIX.length)) as { origins?: unknown; value?: unknown };
    if (
      typeof parsed.value === 'string' &&
      Array.isArray(parsed.origins) &&
      parsed.origins.every((origin) => typeof origin === 'string')
    ) {
      return { value: parsed.value, origins: parsed.origins as string[] };
    }
  } catch {
    // Falls through: an entry this console cannot read is bound to nothing, so it is never sent.
  }
  return { value: '', origins: [] };
}

/** Thrown (never retried) when a stored secret is about to leave for an address it was not entered for. */
export class SecretBoundElsewhereError extends ConsoleError {
  constructor(what: string, target: string, origins: readonly string[]) {
    super(
      'SECRET_BOUND_ELSEWHERE',
      `The saved ${what} was entered for ${origins.length > 0 ? origins.join(', ') : 'another address'}, so it is not sent to ${target}.`,
      `Enter the ${what} again for the new address (a saved secret only goes where it was entered for).`,
    );
  }
}

/** The check made at the moment of sending: throws unless `url`'s origin is one the secret is bound to. */
export function assertMaySend(origins: readonly string[], url: string, what: string): void {
  const target = originOf(url);
  if (target === null || !origins.includes(target)) throw new SecretBoundElsewhereError(what, target ?? url, origins);
}
