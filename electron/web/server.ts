import { randomBytes } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CONTENT_SECURITY_POLICY } from '../../shared/csp';
import { decodeComponent } from '../../shared/server-url';
import type { Dispatch } from '../engine/dispatch';
import type { EventBus } from '../engine/events';
import type { Logger } from '../engine/logging/logger';
import {
  hostAllowed,
  MalformedRequest,
  originAllowed,
  presentedToken,
  tokenCookieName,
  tokensEqual,
} from './request-guard';
import { contentTypeFor, fileIfExists, openFile, resolveInside } from '../engine/static-files';
import { messageOf } from '../../shared/validation';

export interface WebHostOptions {
  dispatch: Dispatch;
  events: EventBus;
  /** The built renderer (index.html and assets). */
  staticDir: string;
  log: Logger;
  /** 0 (the default) picks a free port. */
  port?: number;
  token?: string;
  /**
   * The current state of the pushed streams (the poller's status, the health), sent to each new event stream first:
   * an event that fired between the page's first questions and its stream opening is not lost.
   */
  currentState?: () => Promise<Array<{ name: string; payload: unknown }>>;
}

export interface WebHost {
  readonly port: number;
  readonly token: string;
  /** The address to open: it carries the token once; the server swaps it for a cookie. */
  readonly url: string;
  close(): Promise<void>;
}

const MAX_BODY_BYTES = 1024 * 1024;
const SSE_HEARTBEAT_MS = 15_000;

function securityHeaders(response: ServerResponse): void {
  response.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  response.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
  response.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
  response.setHeader('X-Frame-Options', 'DENY');
  response.setHeader('Cache-Control', 'no-store');
}

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
  response.end(JSON.stringify(body));
}

function sendText(response: ServerResponse, status: number, text: string): void {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  response.end(text);
}

async function readBody(request: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * The browser host: serves the renderer and the same contract as Electron IPC over loopback HTTP,
 * with pushed events as server-sent events. Loopback only; a per-launch token on every request;
 * Host and Origin checked.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  /** Each open event stream, with the events held for it while its current state is read (null: sent live). */
  const streams = new Map<ServerResponse, string[] | null>();
  let port = 0;

  async function handleCall(request: IncomingMessage, response: ServerResponse, method: string): Promise<void> {
    if (request.method !== 'POST')
      return sendJson(response, 405, { ok: false, error: { code: 'METHOD_NOT_ALLOWED', message: 'Use POST.' } });
    if (!(request.headers['content-type'] ?? '').startsWith('application/json')) {
      return sendJson(response, 415, { ok: false, error: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Send JSON.' } });
    }
    const body = await readBody(request);
    if (body === null)
      return sendJson(response, 413, {
        ok: false,
        error: { code: 'TOO_LARGE', message: 'The request is larger than 1 MB.' },
      });
    let args: unknown;
    try {
      args = body === '' ? {} : JSON.parse(body);
    } catch {
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'INVALID_JSON', message: 'The request body is not valid JSON.' },
      });
    }
    const name = decodeComponent(method);
    if (name === null)
      return sendJson(response, 400, {
        ok: false,
        error: { code: 'BAD_PATH', message: 'The method name is not valid percent-encoding.' },
      });
    sendJson(response, 200, await options.dispatch(name, args));
  }

  function handleEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', Connection: 'keep-alive' });
    response.write(': connected\n\n');
    // Events that fire while the current state is being read are held and sent after it: they are newer. Sent before
    // it, a finished pass's "idle" would be overwritten by the "running" read a moment earlier, and stay on screen.
    const held: string[] = [];
    streams.set(response, held);
    const release = () => {
      for (const frame of held) if (!response.writableEnded) response.write(frame);
      streams.set(response, null);
    };
    request.on('close', () => streams.delete(response));
    if (!options.currentState) return release();
    void options.currentState().then((frames) => {
      for (const frame of frames) if (!response.writableEnded) response.write(`data: ${JSON.stringify(frame)}\n\n`);
      release();
    }, release);
  }

  async function handleStatic(response: ServerResponse, pathname: string): Promise<void> {
    const file = resolveInside(options.staticDir, pathname);
    if (file === null) return sendText(response, 400, 'That path is not allowed.');
    let target = file;
    let info = await fileIfExists(target);
    if (info === null && !/\.[a-z0-9]+$/i.test(pathname)) {
      target = resolveInside(options.staticDir, '/index.html') ?? target;
      info = await fileIfExists(target);
    }
    if (info === null) return sendText(response, 404, 'Not found.');
    response.writeHead(200, { 'Content-Type': contentTypeFor(target), 'Content-Length': info.size });
    openFile(target).pipe(response);
  }

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    securityHeaders(response);
    if (!hostAllowed(request, port))
      return sendText(response, 421, 'This server answers only on its loopback address.');
    if (!originAllowed(request, port)) return sendText(response, 403, 'Cross-origin requests are refused.');
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`);
    const queryToken = url.searchParams.get('token');
    if (request.method === 'GET' && url.pathname === '/' && queryToken !== null) {
      if (!tokensEqual(token, queryToken))
        return sendText(
          response,
          401,
          'That link has an invalid token. Open the address printed when the console started.',
        );
      response.setHeader('Set-Cookie', `${tokenCookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      response.writeHead(303, { Location: '/' });
      return void response.end();
    }
    if (!tokensEqual(token, presentedToken(request, port))) {
      return sendText(
        response,
        401,
        'Open the address printed when the console started (it carries the access token).',
      );
    }
    if (url.pathname === '/api/events') return handleEvents(request, response);
    const call = /^\/api\/call\/([^/]+)$/.exec(url.pathname);
    if (call) return handleCall(request, response, call[1] ?? '');
    if (url.pathname.startsWith('/api/'))
      return sendJson(response, 404, { ok: false, error: { code: 'NOT_FOUND', message: 'No such endpoint.' } });
    if (request.method !== 'GET' && request.method !== 'HEAD') return sendText(response, 405, 'Method not allowed.');
    return handleStatic(response, url.pathname);
  }

  const server = http.createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (error instanceof MalformedRequest) {
        if (!response.headersSent) sendText(response, 400, error.message);
        return;
      }
      // One line, no stack: a request must not be able to write pages into the log.
      options.log.error(`Web host request failed: ${messageOf(error)}`);
      if (!response.headersSent) sendText(response, 500, 'The console could not answer this request.');
      else response.destroy();
    });
  });

  const unsubscribe = options.events.subscribe((name, payload) => {
    const frame = `data: ${JSON.stringify({ name, payload })}\n\n`;
    for (const [stream, held] of streams) {
      if (held) held.push(frame);
      else stream.write(frame);
    }
  });
  const heartbeat = setInterval(() => {
    for (const stream of streams.keys()) stream.write(': heartbeat\n\n');
  }, SSE_HEARTBEAT_MS);
  heartbeat.unref();

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  port = (server.address() as AddressInfo).port;

  return {
    port,
    token,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    async close() {
      unsubscribe();
      clearInterval(heartbeat);
      for (const stream of streams.keys()) stream.end();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
