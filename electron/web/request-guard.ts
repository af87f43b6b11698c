import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { decodeComponent } from '../../shared/server-url';

export const TOKEN_HEADER = 'x-xoi-token';

export function tokenCookieName(port: number): string {
  // Cookies are shared across ports on one host, so the name carries the port.
  return `xoi_token_${port}`;
}

export function tokensEqual(expected: string, given: string | undefined): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** A malformed request (a cookie that is not valid percent-encoding): answered 400, never a failure of the server. */
export class MalformedRequest extends Error {}

function readCookie(request: IncomingMessage, name: string): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key !== name) continue;
    const value = decodeComponent(rest.join('='));
    if (value === null) throw new MalformedRequest('The token cookie is not valid percent-encoding.');
    return value;
  }
  return undefined;
}

/** The token a request carries, in order of preference: header, cookie. Throws MalformedRequest for a broken cookie. */
export function presentedToken(request: IncomingMessage, port: number): string | undefined {
  const header = request.headers[TOKEN_HEADER];
  if (typeof header === 'string') return header;
  return readCookie(request, tokenCookieName(port));
}

/** Host must name this loopback server exactly: defeats DNS rebinding. */
export function hostAllowed(request: IncomingMessage, port: number): boolean {
  const host = request.headers.host;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}` || host === `[::1]:${port}`;
}

/** A browser-sent Origin, when present, must be this server's own. */
export function originAllowed(request: IncomingMessage, port: number): boolean {
  const origin = request.headers.origin;
  if (origin === undefined) return true;
  return (
    origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}` || origin === `http://[::1]:${port}`
  );
}
