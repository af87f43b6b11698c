import { z } from 'zod';

/** At most this much of what a person (or an attacker) sent is ever echoed back in a message. */
export const ECHO_LIMIT = 200;

/** Text shown back in a message: control characters made visible, cut to `max` characters. */
export function clip(text: string, max = ECHO_LIMIT): string {
  const visible = oneLine(text);
  return visible.length > max ? `${visible.slice(0, max)}…` : visible;
}

/** One line: CR, LF, the Unicode line and paragraph separators and other control characters escaped. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g, (char) => {
    if (char === '\n') return '\\n';
    if (char === '\r') return '\\r';
    if (char === '\t') return '\\t';
    return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
  });
}

/** The message of whatever was thrown: an Error's own message, anything else as text. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** One readable line per problem, each naming the field (its path) and what is allowed. */
export function describeZodError(error: z.ZodError, root = 'input'): string {
  const described = error.issues.slice(0, 5).map((issue) => {
    const path = issue.path.length === 0 ? root : issue.path.map((part) => clip(String(part), 64)).join('.');
    return `${path}: ${clip(issue.message)}`;
  });
  if (error.issues.length > 5) described.push(`and ${error.issues.length - 5} more problems`);
  return described.join('; ');
}

// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
/** Whether every character is whitespace or prints as nothing (zero-width spaces and joiners, fillers, marks). */
function invisibleOnly(text: string): boolean {
  return [...text].every((char) => {
    const code = char.codePointAt(0) ?? 0;
    return (
      /\s/.test(char) ||
      [0xa0, 0xad, 0x34f, 0x61c, 0x115f, 0x1160, 0x17b4, 0x17b5, 0x180e, 0x3164, 0xfeff, 0xffa0].includes(code) ||
      (code >= 0x200b && code <= 0x200f) ||
      (code >= 0x2060 && code <= 0x2064)
    );
  });
}

/** Whether a string holds a lone (unpaired) UTF-16 surrogate: text no system can store or print faithfully. */
export function hasLoneSurrogate(text: string): boolean {
  return /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);
}

/**
 * Why a name typed by a person (a profile name, a user name) cannot be used, or null: control characters (CR and LF
 * among them, which could forge a log line), bidirectional overrides (which make text read differently from what it
 * is), broken Unicode, or text made only of invisible characters.
 */
export function nameProblem(text: string): string | null {
  if (hasLoneSurrogate(text)) return 'contains broken Unicode text (a lone surrogate)';
  if (CONTROL.test(text)) return 'must not contain line breaks, tabs or other control characters';
  if (BIDI_CONTROL.test(text)) return 'must not contain right-to-left or left-to-right override characters';
  if (invisibleOnly(text)) return 'must contain visible characters';
  return null;
}

/** A name field: trimmed, required, at most `max` characters, and free of what `nameProblem` refuses. */
export function nameSchema(required: string, max: number) {
  return z
    .string()
    .max(max * 4, `must be at most ${max} characters`)
    .trim()
    .min(1, required)
    .max(max, `must be at most ${max} characters`)
    .superRefine((text, context) => {
      const problem = nameProblem(text);
      if (problem) context.addIssue({ code: 'custom', message: problem });
    });
}

/** The path of the first string in `value` that holds a lone surrogate, or null (arguments are checked before use). */
export function findLoneSurrogate(value: unknown, path = '', depth = 0): string | null {
  if (typeof value === 'string') return hasLoneSurrogate(value) ? path || 'arguments' : null;
  if (value === null || typeof value !== 'object' || depth > 8) return null;
  for (const [key, item] of Object.entries(value)) {
    if (hasLoneSurrogate(key)) return path ? `${path} (a key)` : 'a key';
    const found = findLoneSurrogate(item, path ? `${path}.${clip(key, 40)}` : clip(key, 40), depth + 1);
    if (found) return found;
  }
  return null;
}
