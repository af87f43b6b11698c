/**
 * Which links may leave the console for the system browser. Parsed with URL, never matched with
 * includes()/startsWith(): only http(s), no credentials in the URL, no internationalised (punycode)
 * host that could imitate a trusted one, and only hosts on the allow-list (XOi's own domains,
 * WennSoft's documentation and the Schedule server the administrator configured).
 */
export const ALLOWED_SCHEMES: readonly string[] = ['https:', 'http:'];

export const TRUSTED_DOMAINS: readonly string[] = [
  'xoi.io',
  'xoeye.com',
  'docs.wennsoft.com',
  'wennsoft.atlassian.net',
];

export type ExternalUrlCheck = { ok: true; url: string } | { ok: false; reason: string };

function hostMatches(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

function hasSpaceOrInvisible(text: string): boolean {
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code <= 0x20 || code === 0x7f || /\s/.test(char)) return true;
    if (
      (code >= 0x200b && code <= 0x200f) ||
      (code >= 0x202a && code <= 0x202e) ||
      (code >= 0x2066 && code <= 0x2069) ||
      code === 0xfeff
    )
      return true;
  }
  return false;
}

export function checkExternalUrl(raw: unknown, extraTrustedHosts: readonly string[] = []): ExternalUrlCheck {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 4096)
    return { ok: false, reason: 'not a usable address' };
  if (hasSpaceOrInvisible(raw)) {
    return { ok: false, reason: 'the address contains spaces or invisible characters' };
  }
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'not a valid address' };
  }
  if (!ALLOWED_SCHEMES.includes(url.protocol))
    return { ok: false, reason: `links of type "${url.protocol}" are never opened` };
  // The parser folds some look-alike characters into ASCII (a Roman numeral ten becomes "x"): judge the text as written.
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(raw)?.[1] ?? '';
  if ([...authority].some((char) => (char.codePointAt(0) ?? 0) > 0x7e))
    return { ok: false, reason: 'the address uses an internationalised host name' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'the address carries a user name or password' };
  const host = url.hostname.toLowerCase();
  if (host.split('.').some((label) => label.startsWith('xn--')))
    return { ok: false, reason: 'the address uses an internationalised host name' };
  const trusted =
    TRUSTED_DOMAINS.some((domain) => hostMatches(host, domain)) ||
    extraTrustedHosts.some((extra) => extra.toLowerCase() === host);
  if (!trusted) return { ok: false, reason: `${host} is not an XOi, WennSoft or configured Schedule address` };
  return { ok: true, url: url.toString() };
}

/** The host names of the configured Schedule servers, trusted for links beside XOi's and WennSoft's domains. */
export function serverHosts(apiUrls: readonly string[]): string[] {
  return apiUrls.flatMap((apiUrl) => {
    try {
      return [new URL(apiUrl).hostname];
    } catch {
      return [];
    }
  });
}
