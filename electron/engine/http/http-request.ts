import { classifyFetchError, TransportFailure } from './transport-failure';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface HttpRequest {
  url: string;
  method?: 'GET' | 'POST' | 'PUT';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs: number;
  /** Answers larger than this are refused (a hostile or broken server cannot exhaust memory). */
  maxBytes?: number;
  signal?: AbortSignal;
  fetch?: FetchLike;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  text: string;
}

const DEFAULT_MAX_BYTES = 128 * 1024 * 1024;

async function readLimited(response: Response, maxBytes: number): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel();
        throw new TransportFailure('too-large', `more than ${Math.round(maxBytes / 1024 / 1024)} MB`);
      }
      chunks.push(value);
    }
  } catch (error) {
    throw classifyFetchError(error, 'body');
  }
  return new TextDecoder('utf-8').decode(Buffer.concat(chunks));
}

/** One HTTP exchange with a deadline covering the whole body; every failure becomes a TransportFailure. */
export async function httpRequest(request: HttpRequest): Promise<HttpResponse> {
  let url: URL;
  try {
    url = new URL(request.url);
  } catch {
    throw new TransportFailure('bad-url', request.url);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    throw new TransportFailure('bad-url', `scheme ${url.protocol}`);
  const timeout = AbortSignal.timeout(request.timeoutMs);
  const signal = request.signal ? AbortSignal.any([timeout, request.signal]) : timeout;
  const doFetch = request.fetch ?? fetch;
  let response: Response;
  try {
    response = await doFetch(url.toString(), {
      method: request.method ?? 'GET',
      headers: request.headers,
      body: request.body,
      signal,
      redirect: 'manual',
    });
  } catch (error) {
    throw classifyFetchError(error, 'connect');
  }
  const text = await readLimited(response, request.maxBytes ?? DEFAULT_MAX_BYTES);
  return { status: response.status, headers: response.headers, text };
}

/** Retry-After in seconds or as an HTTP date, as milliseconds from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | null, now: number): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

/** Server-supplied text shown to a person: control characters removed, length capped. */
export function sanitizeServerText(text: string, max = 300): string {
  let clean = '';
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    clean += code < 0x20 || code === 0x7f ? ' ' : char;
  }
  clean = clean.replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max)}…` : clean;
}
