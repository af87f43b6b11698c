/**
 * Checks a server URL typed by a person (Schedule API URL, XOi endpoints). One message per problem, naming what is
 * wrong and what is allowed. Returns the normalised URL (no trailing slash).
 */
export type ServerUrlCheck = { ok: true; url: string } | { ok: false; message: string };

export function checkServerUrl(input: string, field = 'URL'): ServerUrlCheck {
  const text = input.trim();
  if (text === '')
    return { ok: false, message: `Enter the ${field}, for example https://schedule.example.com/ScheduleAPI.` };
  if (/\s/.test(text)) return { ok: false, message: `The ${field} must not contain spaces.` };
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(text)?.[1]?.toLowerCase();
  if (!scheme || !text.includes('://'))
    return { ok: false, message: `The ${field} must start with https:// (or http:// on a trusted network).` };
  if (scheme !== 'https' && scheme !== 'http')
    return { ok: false, message: `The ${field} must use https:// or http://, not ${scheme}://.` };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, message: `The ${field} is not a valid web address.` };
  }
  if (url.username !== '' || url.password !== '') {
    return {
      ok: false,
      message: `Do not put a user name or password in the ${field}; enter them in their own fields.`,
    };
  }
  const rawHost = /^[a-z]+:\/\/([^/:?#]*)/i.exec(text)?.[1] ?? '';
  // Internationalised names can imitate another server; ask for the ASCII (xn--) form, which is unambiguous.
  if ([...rawHost].some((char) => (char.codePointAt(0) ?? 0) > 0x7e)) {
    return {
      ok: false,
      message: `The ${field}'s server name has non-ASCII characters; enter its ASCII form instead (${url.hostname}).`,
    };
  }
  if (url.hostname === '') return { ok: false, message: `The ${field} has no server name.` };
  if (url.search !== '' || url.hash !== '') return { ok: false, message: `The ${field} must not contain "?" or "#".` };
  return { ok: true, url: url.toString().replace(/\/+$/, '') };
}

/** `scheme://host:port`, lower-cased, with the default port written out; null when the text is not an http(s) URL. */
export function originOf(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  const port = parsed.port || (parsed.protocol === 'https:' ? '443' : '80');
  return `${parsed.protocol}//${parsed.hostname.toLowerCase()}:${port}`;
}

/** The origins of several URLs, each once (the XOi endpoints often share one). */
export function originsOf(urls: readonly string[]): string[] {
  const origins = urls.map(originOf).filter((origin): origin is string => origin !== null);
  return [...new Set(origins)].sort();
}

/** `decodeURIComponent` that answers null for a malformed percent-escape instead of throwing. */
export function decodeComponent(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}
