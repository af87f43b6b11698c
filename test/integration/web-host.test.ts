import { mkdirSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../../electron/engine/logging';
import { createDispatch, type Dispatch, EventBus } from '../../electron/engine';
import { startWebHost, type WebHost } from '../../electron/web';
import { handlersWith } from '../support/handlers';
import { makeTempDir } from '../support/temp-dir';

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(
  port: number,
  pathName: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port, path: pathName, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

describe('web host', () => {
  let temp: ReturnType<typeof makeTempDir>;
  let service: { dispatch: Dispatch; events: EventBus };
  let host: WebHost;

  beforeEach(async () => {
    temp = makeTempDir();
    const staticDir = path.join(temp.dir, 'renderer');
    mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>XOi Console</title>');
    writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    writeFileSync(path.join(temp.dir, 'outside-secret.txt'), 'do not serve');
    service = {
      dispatch: createDispatch(
        handlersWith({
          'app.info': () => ({ name: 'XOi Console', version: '1.0.0-test', host: 'web', platform: 'linux' }),
        }),
        silentLogger,
      ),
      events: new EventBus(),
    };
    host = await startWebHost({ dispatch: service.dispatch, events: service.events, staticDir, log: silentLogger });
  });

  afterEach(async () => {
    await host.close();
    temp.remove();
  });

  const auth = () => ({ 'x-xoi-token': host.token, 'content-type': 'application/json' });

  it('listens on loopback on a random port and prints a URL with its token', () => {
    expect(host.port).toBeGreaterThan(0);
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/?token=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('carries app.info through the HTTP transport', async () => {
    const reply = await request(host.port, '/api/call/app.info', { method: 'POST', headers: auth(), body: '{}' });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { name: 'XOi Console', version: '1.0.0-test', host: 'web', platform: 'linux' },
    });
  });

  it.each([
    ['/api/call/app.info', 'POST'],
    ['/', 'GET'],
    ['/assets/app.js', 'GET'],
    ['/api/events', 'GET'],
  ])('refuses %s without the token', async (pathName, method) => {
    const reply = await request(host.port, pathName, {
      method,
      headers: { 'content-type': 'application/json' },
      body: method === 'POST' ? '{}' : undefined,
    });
    expect(reply.status).toBe(401);
  });

  it('refuses a wrong token of the same length', async () => {
    const wrong = host.token.replace(/./, (c) => (c === 'a' ? 'b' : 'a'));
    const reply = await request(host.port, '/api/call/app.info', {
      method: 'POST',
      headers: { 'x-xoi-token': wrong, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(reply.status).toBe(401);
  });

  it('swaps the token in the link for an HttpOnly, SameSite=Strict cookie that then works', async () => {
    const first = await request(host.port, `/?token=${host.token}`);
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const cookie = String(first.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const page = await request(host.port, '/', { headers: { cookie: cookie.split(';')[0] ?? '' } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>XOi Console</title>');
    expect(page.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('refuses a foreign Host header (DNS rebinding)', async () => {
    const reply = await request(host.port, '/api/call/app.info', {
      method: 'POST',
      headers: { ...auth(), host: `evil.example:${host.port}` },
      body: '{}',
    });
    expect(reply.status).toBe(421);
  });

  it('refuses a foreign Origin', async () => {
    const reply = await request(host.port, '/api/call/app.info', {
      method: 'POST',
      headers: { ...auth(), origin: 'https://evil.example' },
      body: '{}',
    });
    expect(reply.status).toBe(403);
  });

  it('accepts its own Origin', async () => {
    const reply = await request(host.port, '/api/call/app.info', {
      method: 'POST',
      headers: { ...auth(), origin: `http://127.0.0.1:${host.port}` },
      body: '{}',
    });
    expect(reply.status).toBe(200);
  });

  it('refuses a call that is not JSON (so a cross-site form cannot post)', async () => {
    const reply = await request(host.port, '/api/call/app.info', {
      method: 'POST',
      headers: { 'x-xoi-token': host.token, 'content-type': 'text/plain' },
      body: '{}',
    });
    expect(reply.status).toBe(415);
  });

  it.each([
    '/../outside-secret.txt',
    '/%2e%2e/outside-secret.txt',
    '/assets/..%2f..%2foutside-secret.txt',
    '/..%5coutside-secret.txt',
  ])('never serves a file outside the renderer: %s', async (pathName) => {
    const reply = await request(host.port, pathName, { headers: { 'x-xoi-token': host.token } });
    expect(reply.body).not.toContain('do not serve');
  });

  it('answers bad JSON and unknown methods with an error envelope', async () => {
    const bad = await request(host.port, '/api/call/app.info', { method: 'POST', headers: auth(), body: '{' });
    expect(JSON.parse(bad.body)).toMatchObject({ ok: false, error: { code: 'INVALID_JSON' } });
    const unknown = await request(host.port, '/api/call/app.destroy', { method: 'POST', headers: auth(), body: '{}' });
    expect(JSON.parse(unknown.body)).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
  });

  it('pushes engine events as server-sent events', async () => {
    const stream = await readEvents(host, 1, (buffer) => {
      if (buffer.includes(': connected'))
        service.events.emit('app.notice', { level: 'info', message: 'hello', at: '2026-01-01T00:00:00Z' });
    });
    expect(stream.contentType).toMatch(/text\/event-stream/);
    expect(stream.frames).toEqual([
      { name: 'app.notice', payload: { level: 'info', message: 'hello', at: '2026-01-01T00:00:00Z' } },
    ]);
  });

  it('sends a new event stream the current state first, so an event that fired before it opened is not lost', async () => {
    await host.close();
    host = await startWebHost({
      dispatch: service.dispatch,
      events: service.events,
      staticDir: path.join(temp.dir, 'renderer'),
      log: silentLogger,
      currentState: async () => [
        { name: 'sync.status', payload: { state: 'idle', lastSuccessAt: null, nextRunAt: null } },
      ],
    });
    const { frames } = await readEvents(host, 1);
    expect(frames).toEqual([{ name: 'sync.status', payload: { state: 'idle', lastSuccessAt: null, nextRunAt: null } }]);
  });

  it('sends an event that fired while the current state was read after it, never before', async () => {
    await host.close();
    let answer: (frames: Array<{ name: string; payload: unknown }>) => void = () => undefined;
    const stateRead = new Promise<Array<{ name: string; payload: unknown }>>((resolve) => (answer = resolve));
    let asked: () => void = () => undefined;
    const stateAsked = new Promise<void>((resolve) => (asked = resolve));
    host = await startWebHost({
      dispatch: service.dispatch,
      events: service.events,
      staticDir: path.join(temp.dir, 'renderer'),
      log: silentLogger,
      currentState: () => {
        asked();
        return stateRead;
      },
    });
    const running = {
      state: 'running',
      startedAt: '2026-01-01T00:00:00Z',
      lastSuccessAt: null,
      firstMirror: true,
      feed: 'reference lists',
      pagesDone: 0,
      rowsSoFar: 0,
      feedRows: 0,
      feedEstimate: null,
    };
    const idle = { state: 'idle', lastSuccessAt: '2026-01-01T00:00:05Z', nextRunAt: null };
    // The pass finishes while the stream's current state (read a moment earlier: running) is on its way.
    void stateAsked.then(() => {
      service.events.emit('sync.status', idle as never);
      answer([{ name: 'sync.status', payload: running }]);
    });
    const { frames } = await readEvents(host, 2);
    expect(frames).toEqual([
      { name: 'sync.status', payload: running },
      { name: 'sync.status', payload: idle },
    ]);
  });
});

/** The first `count` frames of the host's event stream, parsed; `onText` sees the stream so far at each chunk. */
function readEvents(
  host: WebHost,
  count: number,
  onText: (buffer: string) => void = () => undefined,
): Promise<{ contentType: string | undefined; frames: unknown[] }> {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: host.port, path: '/api/events', headers: { 'x-xoi-token': host.token } },
      (res) => {
        let buffer = '';
        res.on('data', (chunk: Buffer) => {
          buffer += chunk.toString();
          onText(buffer);
          const frames = [...buffer.matchAll(/data: (.*)\n\n/g)].map((match) => JSON.parse(match[1] ?? 'null'));
          if (frames.length >= count) {
            req.destroy();
            resolve({ contentType: res.headers['content-type'], frames: frames.slice(0, count) });
          }
        });
      },
    );
    req.on('error', reject);
  });
}
