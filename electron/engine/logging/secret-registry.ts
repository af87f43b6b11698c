/**
 * Exact values the process knows to be secret (passwords read from the keychain, tokens received).
 * The log hook redacts them wherever they appear, in addition to the pattern rules.
 */
const known = new Set<string>();

export function registerSecret(value: string | undefined | null): void {
  if (value && value.length >= 4) known.add(value);
}

export function knownSecrets(): readonly string[] {
  return [...known];
}
