/**
 * One redaction rule set for every log transport (Electron main, plain Node, CLI, web host).
 * Pure: no Node, no DOM. Values known to be secret can also be passed explicitly (exact-match redaction).
 */
export const REDACTED = '[redacted]';

const SENSITIVE_KEY = /pass(word|wd|phrase)?|secret|token|api[-_]?key|authorization|cookie|credential|^pwd$/i;

const TEXT_RULES: ReadonlyArray<[RegExp, string]> = [
  // Authorization headers, whatever the scheme (XOi sends the bare token).
  [/(authorization["']?\s*[:=]\s*["']?)(?:(?:basic|bearer)\s+)?[^\s"',;}]+/gi, `$1${REDACTED}`],
  [/\b(basic|bearer)\s+[A-Za-z0-9+/=._~-]{6,}/gi, `$1 ${REDACTED}`],
  // key=value and "key": "value" pairs whose key looks secret.
  [
    /(["']?(?:[a-z_-]*pass(?:word|wd|phrase)?|[a-z_-]*secret|[a-z_-]*token|api[-_]?key|pwd)["']?\s*[:=]\s*)("(?:[^"\\]|\\.)*"|'[^']*'|[^\s&;,}]+)/gi,
    `$1${REDACTED}`,
  ],
  // Credentials inside URLs: scheme://user:password@host
  [/([a-z][a-z0-9+.-]*:\/\/[^\s/:@]*):[^\s/@]*@/gi, `$1:${REDACTED}@`],
];

export function redactText(text: string, knownSecrets: Iterable<string> = []): string {
  let out = text;
  for (const secret of knownSecrets) {
    if (secret.length >= 4) out = out.split(secret).join(REDACTED);
  }
  for (const [pattern, replacement] of TEXT_RULES) out = out.replace(pattern, replacement);
  return out;
}

/** Deep copy with secret-looking keys blanked and every string passed through `redactText`. */
export function redactValue(value: unknown, knownSecrets: readonly string[] = [], depth = 0): unknown {
  if (typeof value === 'string') return redactText(value, knownSecrets);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) {
    const copy = new Error(redactText(value.message, knownSecrets));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : redactText(value.stack, knownSecrets);
    return copy;
  }
  if (Array.isArray(value)) return value.map((item) => redactValue(item, knownSecrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] =
      SENSITIVE_KEY.test(key) && item !== null && item !== undefined && typeof item !== 'boolean'
        ? REDACTED
        : redactValue(item, knownSecrets, depth + 1);
  }
  return out;
}
