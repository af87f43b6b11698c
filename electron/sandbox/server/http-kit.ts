import type { IncomingMessage, ServerResponse } from 'node:http';
import { createHash } from 'node:crypto';
import type { FaultKind } from '../faults';

export interface RouteResult {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export const json = (status: number, body: unknown, headers?: Record<string, string>): RouteResult => ({
  status,
  body,
  ...(headers ? { headers } : {}),
});

/**
 * A reference list with its version (ETag): 304 with no body when the caller already holds this version
 * (If-None-Match), so an unchanged list costs one small exchange.
 */
export function versioned(request: IncomingMessage, body: unknown): RouteResult {
  const etag = `"${createHash('sha1').update(JSON.stringify(body)).digest('base64url')}"`;
  if (request.headers['if-none-match'] === etag) return { status: 304, body: null, headers: { ETag: etag } };
  return json(200, body, { ETag: etag });
}

/** Every Schedule error has the same JSON body: a code and a message (contract v1). */
export const scheduleError = (
  status: number,
  code: string,
  message: string,
  headers?: Record<string, string>,
): RouteResult => json(status, { error: { code, message } }, headers);

export function basicCredentials(request: IncomingMessage): { userName: string; password: string } | null {
  const header = request.headers.authorization;
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { userName: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

const MAX_BODY = 8 * 1024 * 1024;

export async function readJsonBody(
  request: IncomingMessage,
): Promise<{ ok: true; value: unknown } | { ok: false; message: string }> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY) return { ok: false, message: 'The request body is larger than 8 MB.' };
    chunks.push(chunk as Buffer);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, message: 'The request body is not valid JSON.' };
  }
}

const TRICKLE_CHUNK = 64;
const TRICKLE_GAP_MS = 1;
const TRICKLE_MAX_CHUNKS = 40;

/** Writes a route's answer, damaged the way the fault (if any) says. */
export function deliver(response: ServerResponse, result: RouteResult, fault: FaultKind | null): void {
  if (result.status === 304) {
    response.writeHead(304, result.headers);
    return void response.end();
  }
  let text = JSON.stringify(result.body);
  const headers: Record<string, string | number> = {
    'Content-Type': 'application/json; charset=utf-8',
    ...result.headers,
  };
  if (fault === 'malformed') {
    text = `${text.slice(0, Math.max(1, Math.floor(text.length / 2)))}\u0000<!-- not json -->`;
  }
  const bytes = Buffer.from(text, 'utf8');
  if (fault === 'truncate') {
    response.writeHead(result.status, { ...headers, 'Content-Length': bytes.length });
    response.write(bytes.subarray(0, Math.floor(bytes.length / 2)));
    // Let the head and the first half arrive before the connection drops: a cut-off body, not a refused request.
    setTimeout(() => response.socket?.destroy(), 25);
    return;
  }
  if (fault === 'trickle') {
    response.writeHead(result.status, { ...headers, 'Content-Length': bytes.length });
    const chunk = Math.max(TRICKLE_CHUNK, Math.ceil(bytes.length / TRICKLE_MAX_CHUNKS));
    let offset = 0;
    const pump = () => {
      if (response.destroyed) return;
      if (offset >= bytes.length) return void response.end();
      response.write(bytes.subarray(offset, offset + chunk));
      offset += chunk;
      setTimeout(pump, TRICKLE_GAP_MS);
    };
    pump();
    return;
  }
  response.writeHead(result.status, { ...headers, 'Content-Length': bytes.length });
  response.end(bytes);
}
